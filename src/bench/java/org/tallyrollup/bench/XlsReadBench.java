package org.tallyrollup.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import org.tallyrollup.sheet.RawRow;
import org.tallyrollup.sheet.RowCursor;
import org.tallyrollup.sheet.SheetInfo;
import org.tallyrollup.sheet.SpreadsheetFile;
import org.tallyrollup.sheet.Spreadsheets;

/**
 * Reading .xls files: the product's format layer against plain POI HSSF (the workbook
 * loaded, every cell's value read by its type) on the same files, in one process,
 * alternating, after a warm-up. Prints a Markdown table for BENCHMARKS.md. Only public
 * API of the format layer is used, so the same class runs against an earlier build (its
 * classes first on the class path) for a before/after.
 *
 * <pre>
 * bench/xls.sh [--files 600] [--rounds 7] [--work bench/work/xls]
 * </pre>
 *
 * <p>
 * For the memory bound, {@code --largest FILE} writes the largest workbook the budget
 * lets in (65,536 rows of seven columns), and {@code --read FILE} or
 * {@code --read-poi FILE} reads one file in a JVM of its own; {@code bench/xls.sh --heap}
 * finds the smallest heap each reader needs for it.
 */
public final class XlsReadBench {

	private XlsReadBench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 2 && args[0].startsWith("--") && !args[0].equals("--files") && !args[0].equals("--rounds")
				&& !args[0].equals("--work")) {
			single(args[0], Path.of(args[1]));
			return;
		}
		int files = 600;
		int rounds = 7;
		Path work = Path.of("bench", "work", "xls");
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--files" -> files = Integer.parseInt(args[i + 1]);
				case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
				case "--work" -> work = Path.of(args[i + 1]);
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		List<Path> inputs = generate(work.resolve("n" + files), files);
		long bytes = 0;
		for (Path file : inputs) {
			bytes += Files.size(file);
		}
		long check = 0;
		for (int i = 0; i < 2; i++) {
			check += product(inputs) + poi(inputs);
		}
		long[] product = new long[rounds];
		long[] poi = new long[rounds];
		for (int round = 0; round < rounds; round++) {
			if (round % 2 == 0) {
				product[round] = time(() -> product(inputs));
				poi[round] = time(() -> poi(inputs));
			}
			else {
				poi[round] = time(() -> poi(inputs));
				product[round] = time(() -> product(inputs));
			}
		}
		double productMs = median(product) / 1e6;
		double poiMs = median(poi) / 1e6;
		System.out.printf(Locale.ROOT, "%d .xls files, %.1f MB, %d rounds (median), checksum %d%n", inputs.size(),
				bytes / 1e6, rounds, check);
		System.out.println("| reader | time | ÷ plain POI |");
		System.out.println("|---|---|---|");
		System.out.printf(Locale.ROOT, "| plain POI HSSF (load, read every cell) | %.0f ms | 1.00 |%n", poiMs);
		System.out.printf(Locale.ROOT, "| the product's format layer | %.0f ms | %.2f |%n", productMs,
				productMs / poiMs);
	}

	private static void single(String mode, Path file) throws Exception {
		switch (mode) {
			case "--largest" -> largest(file);
			case "--read" -> System.out.println(product(List.of(file)));
			case "--read-poi" -> System.out.println(poi(List.of(file)));
			default -> throw new IllegalArgumentException("Unknown option " + mode);
		}
	}

	/**
	 * 65,536 rows of a code, a name and five counts: 458,752 cells, within the budget.
	 */
	private static void largest(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		try (HSSFWorkbook workbook = new HSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("统计表");
			for (int r = 0; r < 65_536; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue(String.format(Locale.ROOT, "%06d", r));
				row.createCell(1).setCellValue("第" + (r % 5000) + "党支部");
				for (int c = 2; c < 7; c++) {
					row.createCell(c).setCellValue(r * 7 + c);
				}
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
	}

	interface Pass {

		long run() throws Exception;

	}

	private static long time(Pass pass) throws Exception {
		long start = System.nanoTime();
		pass.run();
		return System.nanoTime() - start;
	}

	private static double median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	/** Every visible sheet's rows through the format layer; the characters read. */
	static long product(List<Path> files) {
		long chars = 0;
		for (Path file : files) {
			try (SpreadsheetFile spreadsheet = Spreadsheets.open(file)) {
				for (SheetInfo sheet : spreadsheet.sheets()) {
					if (sheet.hidden()) {
						continue;
					}
					try (RowCursor rows = spreadsheet.rows(sheet)) {
						while (rows.hasNext()) {
							RawRow row = rows.next();
							for (String cell : row.cells()) {
								chars += cell.length();
							}
						}
					}
				}
			}
		}
		return chars;
	}

	/** Plain POI: the workbook loaded read-only, every cell's value by its type. */
	static long poi(List<Path> files) throws IOException {
		long chars = 0;
		for (Path file : files) {
			try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
					HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), false)) {
				for (Sheet sheet : workbook) {
					for (Row row : sheet) {
						for (Cell cell : row) {
							chars += switch (cell.getCellType()) {
								case NUMERIC -> Double.toString(cell.getNumericCellValue()).length();
								case STRING -> cell.getStringCellValue().length();
								case BOOLEAN -> 4;
								default -> 0;
							};
						}
					}
				}
			}
		}
		return chars;
	}

	/**
	 * Tally-like .xls files, deterministic: most of a few dozen rows, every third of a
	 * few hundred, every tenth of a few thousand; text, counts and a date per row, and a
	 * sheet of notes.
	 */
	static List<Path> generate(Path dir, int count) throws IOException {
		if (Files.isDirectory(dir)) {
			try (Stream<Path> list = Files.list(dir)) {
				List<Path> files = list.sorted().toList();
				if (files.size() == count) {
					return files;
				}
			}
		}
		Files.createDirectories(dir);
		Random random = new Random(20231130);
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int rows = (i % 10 == 0) ? 3000 : (i % 3 == 0) ? 300 : 30;
			try (HSSFWorkbook workbook = new HSSFWorkbook()) {
				workbook.createSheet("填表说明").createRow(0).createCell(0).setCellValue("1. 单位编码请按单位名册填写。");
				CellStyle date = workbook.createCellStyle();
				date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
				Sheet sheet = workbook.createSheet("统计表");
				Row header = sheet.createRow(0);
				String[] names = { "单位编码", "单位名称", "报告期", "党支部数", "党员数", "检视问题数", "整改措施数", "已完成整改数", "调研课题数", "建章立制数",
						"备注" };
				for (int c = 0; c < names.length; c++) {
					header.createCell(c).setCellValue(names[c]);
				}
				for (int r = 1; r <= rows; r++) {
					Row row = sheet.createRow(r);
					row.createCell(0).setCellValue(String.format(Locale.ROOT, "%02d%04d", i % 100, r));
					row.createCell(1).setCellValue("第" + r + "党支部");
					row.createCell(2).setCellValue(LocalDate.of(2023, 11, 1));
					row.getCell(2).setCellStyle(date);
					for (int c = 3; c < 10; c++) {
						row.createCell(c).setCellValue(random.nextInt(200));
					}
					if (r % 7 == 0) {
						row.createCell(10).setCellValue("按时报送");
					}
				}
				Path file = dir.resolve(String.format(Locale.ROOT, "%04d.xls", i));
				try (OutputStream out = Files.newOutputStream(file)) {
					workbook.write(out);
				}
				files.add(file);
			}
		}
		return files;
	}

}
