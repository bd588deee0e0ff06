package org.tallyrollup.unit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.tallyrollup.sheet.SpreadsheetFile;
import org.tallyrollup.sheet.Spreadsheets;
import org.tallyrollup.sheet.UnreadableFileException;
import org.tallyrollup.system.FileDigest;

/**
 * Finds the unit registry in the input folder ({@code units.csv} or {@code units.xlsx};
 * {@code units.xls} too), reads and checks it.
 */
public final class RegistryLoader {

	/** The names the registry may have in the input folder. */
	public static final List<String> FILE_NAMES = List.of("units.csv", "units.xlsx", "units.xls");

	private RegistryLoader() {
	}

	/**
	 * @throws InvalidRegistryException when the registry is missing, unreadable, or
	 * cannot be rolled up; the message lists every problem
	 */
	public static LoadedRegistry load(Path inputDir) {
		List<Path> found = FILE_NAMES.stream().map(inputDir::resolve).filter(Files::isRegularFile).toList();
		if (found.isEmpty()) {
			throw new InvalidRegistryException(inputDir.resolve("units.csv").toString(),
					List.of("找不到单位名册：输入文件夹中应有 units.csv 或 units.xlsx"));
		}
		if (found.size() > 1) {
			throw new InvalidRegistryException(found.get(0).getFileName().toString(),
					List.of("输入文件夹中同时有 "
							+ String.join("、", found.stream().map((p) -> p.getFileName().toString()).toList())
							+ "，请只保留一个单位名册"));
		}
		Path file = found.get(0);
		String name = file.getFileName().toString();
		RegistryReader.Result result;
		try (SpreadsheetFile sheet = Spreadsheets.open(file)) {
			result = RegistryReader.read(sheet);
		}
		catch (UnreadableFileException ex) {
			throw new InvalidRegistryException(name, List.of("文件无法读取：" + ex.getMessage()));
		}
		UnitRegistry registry = UnitRegistry.of(name, result.units(), result.problems());
		return new LoadedRegistry(registry, name, sha256(file));
	}

	private static String sha256(Path file) {
		try {
			return FileDigest.sha256(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A registry as loaded, with its file's name and digest. */
	public record LoadedRegistry(UnitRegistry registry, String fileName, String sha256) {
	}

}
