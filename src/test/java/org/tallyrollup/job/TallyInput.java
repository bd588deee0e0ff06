package org.tallyrollup.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An input folder written by a test: the registry ({@code units.csv}) and tally files
 * (CSV) in period folders.
 */
final class TallyInput {

	static final String REGISTRY_HEADER = "单位编码,单位名称,上级单位编码,单位类别,需报送";

	/** Every count column, in the canonical order. */
	static final String TALLY_HEADER = "单位编码,单位名称,党支部数,党员数,检视问题数,整改措施数,已完成整改数,党中央关心关注问题数,制约高质量发展问题数,"
			+ "群众急难愁盼问题数,防范化解重大风险问题数,全面从严治党问题数,其他问题数,调研课题数,建章立制数";

	private final Path folder;

	TallyInput(Path folder) {
		this.folder = folder;
	}

	Path folder() {
		return this.folder;
	}

	/** {@code units.csv} with the given lines under its header. */
	TallyInput registry(List<String> units) {
		write(this.folder.resolve("units.csv"), REGISTRY_HEADER, units);
		return this;
	}

	/** A tally file with every count column. */
	TallyInput tally(String period, String file, List<String> rows) {
		write(this.folder.resolve(period).resolve(file), TALLY_HEADER, rows);
		return this;
	}

	/** A tally file with the given header. */
	TallyInput tally(String period, String file, String header, List<String> rows) {
		write(this.folder.resolve(period).resolve(file), header, rows);
		return this;
	}

	/** A copy of a file (a district's workbook) into a period folder. */
	TallyInput copy(Path file, String period, String name) {
		try {
			Path target = this.folder.resolve(period).resolve(name);
			Files.createDirectories(target.getParent());
			Files.copy(file, target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	private static void write(Path file, String header, List<String> lines) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
