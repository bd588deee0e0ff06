package org.tallyrollup.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.tallyrollup.tally.TallyFiles;
import org.tallyrollup.unit.RegistryLoader;

/**
 * What a run of a period reads, summed up in one digest: every file of the period folder
 * (relative path, size, modification time) and the unit registry. The same digest means
 * the same input, without opening a file.
 */
public final class InputFingerprint {

	private InputFingerprint() {
	}

	public static String of(Path inputDir, String period) {
		MessageDigest digest = sha256();
		try {
			for (String name : RegistryLoader.FILE_NAMES) {
				Path registry = inputDir.resolve(name);
				if (Files.isRegularFile(registry)) {
					add(digest, "registry", name, registry);
				}
			}
			for (TallyFiles.Entry entry : TallyFiles.list(inputDir.resolve(period))) {
				add(digest, "file", entry.relativePath(), entry.path());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static void add(MessageDigest digest, String kind, String name, Path path) throws IOException {
		// one stat a file: a province's period folder holds some 10,000
		BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
		String line = kind + '\t' + name + '\t' + attributes.size() + '\t' + attributes.lastModifiedTime() + '\n';
		digest.update(line.getBytes(StandardCharsets.UTF_8));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
