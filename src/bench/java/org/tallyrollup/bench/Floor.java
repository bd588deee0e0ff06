package org.tallyrollup.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.tallyrollup.workbook.xlsx.Font;
import org.tallyrollup.workbook.xlsx.SheetSetup;
import org.tallyrollup.workbook.xlsx.XlsxSheet;
import org.tallyrollup.workbook.xlsx.XlsxWriter;

/**
 * The floor: the least any program must do to read the inputs and write a workbook of the
 * job's size — open every file and touch every cell with the fastest reader there is
 * (fastexcel-reader for .xlsx, POI HSSF for .xls, a buffered reader for CSV), then write
 * as many rows as the job's workbook holds with the fastest writer (dhatim fastexcel,
 * POI's SXSSF, or the product's own streaming writer with no styles), with no checks, no
 * database and no roll-up. The job's time over the floor's is its overhead.
 *
 * <p>
 * {@code Floor <input folder> <period> <fastexcel|sxssf|xlsx> <output.xlsx> <sheet:rows:columns>…}
 * where columns is a string of {@code t} (text) and {@code n} (number). Prints one line
 * {@code FLOOR key=value…} with what it did and how long each half took.
 */
public final class Floor {

	private static final int MAX_ROWS = 1_048_576;

	private static final int HEADER_ROWS = 2;

	private long files;

	private long failed;

	private long rows;

	private long cells;

	private long checksum;

	public static void main(String[] args) throws Exception {
		Path input = Path.of(args[0]);
		String period = args[1];
		String writer = args[2];
		Path output = Path.of(args[3]);
		List<SheetSpec> sheets = new ArrayList<>();
		for (int i = 4; i < args.length; i++) {
			sheets.add(SheetSpec.parse(args[i]));
		}
		Floor floor = new Floor();
		long start = System.nanoTime();
		floor.readCsv(input.resolve("units.csv"));
		try (Stream<Path> paths = Files.walk(input.resolve(period))) {
			for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
				floor.read(path);
			}
		}
		long read = System.nanoTime();
		long written = switch (writer) {
			case "sxssf" -> writeSxssf(output, sheets);
			case "xlsx" -> writeXlsx(output, sheets);
			default -> writeFastexcel(output, sheets);
		};
		long end = System.nanoTime();
		System.out.printf(Locale.ROOT,
				"FLOOR files=%d failed=%d rows=%d cells=%d written=%d readMs=%d writeMs=%d checksum=%d%n", floor.files,
				floor.failed, floor.rows, floor.cells, written, (read - start) / 1_000_000, (end - read) / 1_000_000,
				floor.checksum);
	}

	private void read(Path path) {
		String name = path.getFileName().toString();
		String lower = name.toLowerCase(Locale.ROOT);
		if (name.startsWith("~$") || name.startsWith(".")) {
			return;
		}
		try {
			if (lower.endsWith(".xlsx")) {
				this.files++;
				readXlsx(path);
			}
			else if (lower.endsWith(".xls")) {
				this.files++;
				readXls(path);
			}
			else if (lower.endsWith(".csv")) {
				this.files++;
				readCsv(path);
			}
		}
		catch (Exception | Error ex) {
			this.failed++;
		}
	}

	private void readXlsx(Path path) throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(path.toFile())) {
			for (org.dhatim.fastexcel.reader.Sheet sheet : workbook.getSheets().toList()) {
				try (Stream<org.dhatim.fastexcel.reader.Row> rows = sheet.openStream()) {
					rows.forEach((row) -> {
						this.rows++;
						for (org.dhatim.fastexcel.reader.Cell cell : row) {
							if (cell != null) {
								this.cells++;
								touch(cell.getRawValue());
							}
						}
					});
				}
			}
		}
	}

	private void readXls(Path path) throws IOException {
		try (POIFSFileSystem fs = new POIFSFileSystem(path.toFile(), true);
				HSSFWorkbook workbook = new HSSFWorkbook(fs)) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					this.rows++;
					for (Cell cell : row) {
						this.cells++;
						switch (cell.getCellType()) {
							case NUMERIC -> this.checksum += (long) cell.getNumericCellValue();
							case STRING -> touch(cell.getStringCellValue());
							case FORMULA -> this.checksum += cell.getCachedFormulaResultType().ordinal();
							default -> this.checksum++;
						}
					}
				}
			}
		}
	}

	private void readCsv(Path path) throws IOException {
		Charset charset = charsetOf(path);
		try (InputStream in = Files.newInputStream(path);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16)) {
			String line = reader.readLine();
			if (line == null) {
				return;
			}
			char separator = separator(line);
			for (; line != null; line = reader.readLine()) {
				this.rows++;
				int from = 0;
				for (int at = line.indexOf(separator);; at = line.indexOf(separator, from)) {
					int to = (at < 0) ? line.length() : at;
					this.cells++;
					this.checksum += to - from;
					if (at < 0) {
						break;
					}
					from = at + 1;
				}
			}
		}
	}

	/**
	 * UTF-8 when the first 64 KiB decode as UTF-8, else GB18030: what any reader must
	 * guess.
	 */
	private static Charset charsetOf(Path path) throws IOException {
		byte[] head;
		try (InputStream in = Files.newInputStream(path)) {
			head = in.readNBytes(1 << 16);
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(head, 0, utf8Boundary(head)));
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException ex) {
			return Charset.forName("GB18030");
		}
	}

	/** The length of {@code bytes} without a UTF-8 sequence cut at the end. */
	private static int utf8Boundary(byte[] bytes) {
		int end = bytes.length;
		for (int back = 1; back <= 3 && end - back >= 0; back++) {
			int b = bytes[end - back] & 0xFF;
			if (b >= 0xC0) {
				return end - back;
			}
			if (b < 0x80) {
				return end;
			}
		}
		return end;
	}

	private static char separator(String header) {
		char best = ',';
		long most = header.chars().filter((c) -> c == ',').count();
		for (char candidate : new char[] { '\t', ';' }) {
			long count = header.chars().filter((c) -> c == candidate).count();
			if (count > most) {
				most = count;
				best = candidate;
			}
		}
		return best;
	}

	private void touch(String text) {
		if (text != null) {
			this.checksum += text.length();
		}
	}

	private static long writeFastexcel(Path output, List<SheetSpec> sheets) throws IOException {
		long written = 0;
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
			Workbook workbook = new Workbook(out, "floor", "1.0");
			for (SheetSpec spec : sheets) {
				long left = spec.rows();
				for (int part = 1; left > 0 || part == 1; part++) {
					Worksheet sheet = workbook.newWorksheet((part == 1) ? spec.name() : spec.name() + "(" + part + ")");
					sheet.value(0, 0, spec.name());
					for (int c = 0; c < spec.columns().length(); c++) {
						sheet.value(1, c, "列" + c);
					}
					int r = HEADER_ROWS;
					for (; r < MAX_ROWS && left > 0; r++, left--) {
						long n = spec.rows() - left;
						for (int c = 0; c < spec.columns().length(); c++) {
							if (spec.columns().charAt(c) == 't') {
								// inline, as the job writes them: a shared string table
								// of
								// millions of distinct names would only measure its
								// memory
								sheet.inlineString(r, c, text(n, c));
							}
							else {
								sheet.value(r, c, (n + c) % 97);
							}
						}
						written++;
						if (r % 512 == 0) {
							sheet.flush();
						}
					}
					sheet.finish();
				}
			}
			workbook.finish();
		}
		return written;
	}

	private static long writeSxssf(Path output, List<SheetSpec> sheets) throws IOException {
		long written = 0;
		SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, false);
		try {
			for (SheetSpec spec : sheets) {
				long left = spec.rows();
				for (int part = 1; left > 0 || part == 1; part++) {
					Sheet sheet = workbook.createSheet((part == 1) ? spec.name() : spec.name() + "(" + part + ")");
					sheet.createRow(0).createCell(0).setCellValue(spec.name());
					Row header = sheet.createRow(1);
					for (int c = 0; c < spec.columns().length(); c++) {
						header.createCell(c).setCellValue("列" + c);
					}
					int r = HEADER_ROWS;
					for (; r < MAX_ROWS && left > 0; r++, left--) {
						long n = spec.rows() - left;
						Row row = sheet.createRow(r);
						for (int c = 0; c < spec.columns().length(); c++) {
							if (spec.columns().charAt(c) == 't') {
								row.createCell(c).setCellValue(text(n, c));
							}
							else {
								row.createCell(c).setCellValue((n + c) % 97);
							}
						}
						written++;
					}
				}
			}
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
				workbook.write(out);
			}
		}
		finally {
			workbook.dispose();
			workbook.close();
		}
		return written;
	}

	private static long writeXlsx(Path output, List<SheetSpec> sheets) throws IOException {
		long written = 0;
		Font font = new Font("宋体", 11, false, null, 0);
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
				XlsxWriter workbook = new XlsxWriter(out, font, 1, "floor")) {
			for (SheetSpec spec : sheets) {
				int[] widths = new int[spec.columns().length()];
				Arrays.fill(widths, 10);
				SheetSetup setup = new SheetSetup(widths, 0, 0, 0, false, 0, null);
				long left = spec.rows();
				for (int part = 1; left > 0 || part == 1; part++) {
					XlsxSheet sheet = workbook.sheet((part == 1) ? spec.name() : spec.name() + "(" + part + ")", setup);
					sheet.row(0).text(0, spec.name(), 0).endRow(0, 0);
					sheet.row(1);
					for (int c = 0; c < spec.columns().length(); c++) {
						sheet.text(c, "列" + c, 0);
					}
					sheet.endRow(0, 0);
					int r = HEADER_ROWS;
					for (; r < MAX_ROWS && left > 0; r++, left--) {
						long n = spec.rows() - left;
						sheet.row(r);
						for (int c = 0; c < spec.columns().length(); c++) {
							if (spec.columns().charAt(c) == 't') {
								sheet.text(c, text(n, c), 0);
							}
							else {
								sheet.number(c, (n + c) % 97, 0);
							}
						}
						sheet.endRow(0, 0);
						written++;
					}
				}
			}
			workbook.finish();
		}
		return written;
	}

	/** Text much like the job's: codes, names, file paths, mostly different per row. */
	private static String text(long row, int column) {
		return switch (column % 3) {
			case 0 -> String.valueOf(4400000000000L + row);
			case 1 -> "东湖社区第" + row + "党支部";
			default -> "江州市/城东区/东湖街道主题教育统计表.xlsx";
		};
	}

	/**
	 * A sheet of the job's workbook to match: its name, its data rows and the kinds of
	 * its columns.
	 */
	record SheetSpec(String name, long rows, String columns) {

		static SheetSpec parse(String text) {
			String[] parts = text.split(":");
			return new SheetSpec(parts[0], Long.parseLong(parts[1]), parts[2]);
		}

		String format() {
			return this.name + ":" + this.rows + ":" + this.columns;
		}

	}

}
