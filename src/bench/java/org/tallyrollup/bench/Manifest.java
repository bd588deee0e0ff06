package org.tallyrollup.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the generator wrote and what a job must find there, saved beside the inputs as
 * {@code manifest.properties}. It is written last, so its presence means the inputs are
 * complete.
 */
final class Manifest {

	static final String FILE = "manifest.properties";

	private final Map<String, String> values = new TreeMap<>();

	static Manifest of(Expected expected) {
		Manifest manifest = new Manifest();
		manifest.put("rows.accepted", expected.accepted);
		manifest.put("rows.rejected", expected.rejected);
		manifest.put("rows.superseded", expected.superseded);
		manifest.put("rows.skipped", expected.skipped);
		manifest.put("rows.read", expected.rowsRead());
		manifest.put("rows.data", expected.dataRows());
		expected.findings.forEach((rule, n) -> manifest.put("findings." + rule, n));
		manifest.put("findings.total", expected.findingsTotal());
		return manifest;
	}

	static Manifest read(Path folder) throws IOException {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(folder.resolve(FILE), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		Manifest manifest = new Manifest();
		properties.forEach((key, value) -> manifest.values.put((String) key, (String) value));
		return manifest;
	}

	void write(Path folder) throws IOException {
		Properties properties = new Properties();
		properties.putAll(this.values);
		Path temporary = folder.resolve(FILE + ".tmp");
		try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
			properties.store(out, "Generated benchmark inputs: what a job must find in them");
		}
		Files.move(temporary, folder.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	void put(String key, Object value) {
		this.values.put(key, String.valueOf(value));
	}

	String get(String key) {
		String value = this.values.get(key);
		if (value == null) {
			throw new IllegalStateException("The manifest has no " + key);
		}
		return value;
	}

	String get(String key, String fallback) {
		return this.values.getOrDefault(key, fallback);
	}

	long number(String key) {
		return Long.parseLong(get(key, "0"));
	}

	/** Findings by rule code. */
	Map<String, Long> findings() {
		Map<String, Long> findings = new TreeMap<>();
		this.values.forEach((key, value) -> {
			if (key.startsWith("findings.") && !key.equals("findings.total")) {
				findings.put(key.substring("findings.".length()), Long.parseLong(value));
			}
		});
		return findings;
	}

	Map<String, String> values() {
		return this.values;
	}

}
