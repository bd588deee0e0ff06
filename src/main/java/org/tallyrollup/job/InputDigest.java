package org.tallyrollup.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.tallyrollup.tally.TallyFiles;

/**
 * A digest of what a run reads: the path, size and modification time of every file of the
 * period folder and of the unit registry. A run that stopped part-way is resumed only
 * while this is unchanged; otherwise what it staged no longer matches the files.
 */
final class InputDigest {

	private InputDigest() {
	}

	static String of(RunParameters parameters) {
		MessageDigest digest = sha256();
		try (Stream<Path> children = Files.list(parameters.inputDir())) {
			children.filter((p) -> p.getFileName().toString().startsWith("units."))
				.filter(Files::isRegularFile)
				.sorted()
				.forEach((p) -> add(digest, p.getFileName().toString(), p));
		}
		catch (IOException ex) {
			add(digest, "!" + ex.getClass().getSimpleName(), null);
		}
		for (TallyFiles.Entry entry : TallyFiles.list(parameters.periodDir())) {
			add(digest, entry.relativePath(), entry.path());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static void add(MessageDigest digest, String name, Path file) {
		StringBuilder line = new StringBuilder(name).append('\t');
		if (file != null) {
			try {
				line.append(Files.size(file))
					.append('\t')
					.append(Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS));
			}
			catch (IOException ex) {
				line.append(ex.getClass().getSimpleName());
			}
		}
		digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
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
