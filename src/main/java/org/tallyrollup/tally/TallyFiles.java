package org.tallyrollup.tally;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tallyrollup.sheet.Spreadsheets;

/**
 * The files of a period folder, at any depth, in the order of their relative paths.
 * Office lock files ({@code ~$*}), hidden files and folders ({@code .*}) and files of
 * other types are listed as skipped with the reason, a hidden folder once as a whole.
 */
public final class TallyFiles {

	private TallyFiles() {
	}

	public static List<Entry> list(Path periodDir) {
		List<Entry> entries = new ArrayList<>();
		try {
			Files.walkFileTree(periodDir, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
					if (!dir.equals(periodDir) && dir.getFileName().toString().startsWith(".")) {
						entries.add(new Entry(dir, relative(periodDir, dir) + "/", "隐藏文件夹，未读取"));
						return FileVisitResult.SKIP_SUBTREE;
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
					if (attrs.isRegularFile()) {
						entries.add(new Entry(file, relative(periodDir, file), skipReason(file)));
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		entries.sort(Comparator.comparing(Entry::relativePath));
		return entries;
	}

	private static String relative(Path root, Path path) {
		return root.relativize(path).toString().replace('\\', '/');
	}

	private static String skipReason(Path file) {
		String name = file.getFileName().toString();
		if (name.startsWith("~$")) {
			return "Office临时锁文件，未读取";
		}
		if (name.startsWith(".")) {
			return "隐藏文件，未读取";
		}
		if (!Spreadsheets.isSpreadsheet(file)) {
			return "不是统计表文件（只读取.xlsx、.xls、.csv），未读取";
		}
		return null;
	}

	/**
	 * A file (or hidden folder) found under the period folder.
	 *
	 * @param path the file
	 * @param relativePath its path relative to the period folder, with {@code /}
	 * @param skipReason why it is not read, {@code null} for a tally file
	 */
	public record Entry(Path path, String relativePath, String skipReason) {

		public boolean isTally() {
			return this.skipReason == null;
		}

	}

}
