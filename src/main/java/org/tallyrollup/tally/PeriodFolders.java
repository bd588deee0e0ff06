package org.tallyrollup.tally;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The period folders under the input folder. A period label is letters, digits and
 * {@code -} only (it becomes a folder name); periods sort by their label.
 */
public final class PeriodFolders {

	private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private PeriodFolders() {
	}

	public static boolean isValidLabel(String label) {
		return label != null && LABEL.matcher(label).matches();
	}

	/** The period labels found, in label order. */
	public static List<String> list(Path inputDir) {
		if (!Files.isDirectory(inputDir)) {
			return List.of();
		}
		try (Stream<Path> children = Files.list(inputDir)) {
			return children.filter(Files::isDirectory)
				.map((p) -> p.getFileName().toString())
				.filter(PeriodFolders::isValidLabel)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Optional<String> latest(Path inputDir) {
		List<String> periods = list(inputDir);
		return periods.isEmpty() ? Optional.empty() : Optional.of(periods.get(periods.size() - 1));
	}

}
