package org.tallyrollup.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the spreadsheet fixtures of {@code src/test/resources/formats}: one small tally
 * per quirk that real offices' files have (SPEC §2.3, R6 in §3.1), over the units of the
 * job tests' standard registry, period 2023-11. The files are committed; run this class
 * to make them again ({@code java … QuirkFiles src/test/resources/formats}). Each is
 * written by this code: POI where it writes what is needed, raw parts or records where
 * the quirk is one POI would not write.
 */
public final class QuirkFiles {

	/** Where the committed fixtures are, from the project's folder. */
	public static final Path DIR = Path.of("src", "test", "resources", "formats");

	/**
	 * A fixture that is not a tally of the standard registry, so it is kept out of
	 * {@link #DIR} (whose files the job tests run as one period).
	 */
	public static final Path EXCEL_RECORDS = Path.of("src", "test", "resources", "xls-records", "Excel写法的记录.xls");

	static final String[] HEADER = { "单位编码", "单位名称", "报告期", "党支部数", "检视问题数", "整改措施数", "已完成整改数" };

	private QuirkFiles() {
	}

	public static void main(String[] args) throws Exception {
		writeAll((args.length > 0) ? Path.of(args[0]) : DIR);
	}

	static void writeAll(Path dir) throws Exception {
		Files.createDirectories(dir);
		periodAsDate(dir.resolve("报告期为日期.xlsx"));
		date1904WithExtension(dir.resolve("1904日期系统.xlsx"));
		isoDateCells(dir.resolve("ISO日期单元格.xlsx"));
		splitRow(dir.resolve("一行拆成多个row.xlsx"));
		missingSheets(dir.resolve("列出但不存在的工作表.xlsx"));
		otherSheetKinds(dir.resolve("图表宏表对话框.xlsx"));
		protectedXlsx(dir.resolve("受保护的模板.xlsx"));
		protectedXls(dir.resolve("受保护的模板.xls"));
		realPasswordXlsx(dir.resolve("有打开密码.xlsx"));
		realPasswordXls(dir.resolve("有打开密码.xls"));
		workBookStream(dir.resolve("WorkBook流.xls"));
		otherSheetKindsXls(dir.resolve("宏表对话框.xls"));
		damagedEntry(dir.resolve("损坏的条目.xlsx"));
		excel2(dir.resolve("Excel2.1格式.xls"));
		binaryCsv(dir.resolve("二进制内容.csv"));
		Path records = dir.resolveSibling(EXCEL_RECORDS.getParent().getFileName()).resolve(EXCEL_RECORDS.getFileName());
		Files.createDirectories(records.getParent());
		excelRecordsXls(records);
	}

	/**
	 * 报告期 typed as "2023-11" and turned by Excel into the date 2023-11-01 (010101); date
	 * text of the month (010102); a date of the next month, R6 (0103).
	 */
	static void periodAsDate(Path file) throws IOException {
		XSSFWorkbook workbook = new XSSFWorkbook();
		CellStyle month = workbook.createCellStyle();
		month.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm"));
		Sheet sheet = workbook.createSheet("统计表");
		header(sheet);
		Row row = data(sheet, 1, "010101", "东城区第一党支部", 1, 5, 6, 4);
		row.createCell(2).setCellValue(LocalDate.of(2023, 11, 1));
		row.getCell(2).setCellStyle(month);
		row = data(sheet, 2, "010102", "东城区第二党支部", 1, 3, 3, 1);
		row.createCell(2).setCellValue("2023年11月15日");
		row = data(sheet, 3, "0103", "开发区机关党支部", 1, 9, 9, 9);
		row.createCell(2).setCellValue(LocalDate.of(2023, 12, 1));
		row.getCell(2).setCellStyle(month);
		Fixtures.write(workbook, file);
	}

	/**
	 * Saved by Mac Excel in the 1904 date system, by a version that also writes
	 * {@code <x15:workbookPr/>} in the workbook's extensions: 报告期 is the date 2023-11-01,
	 * serial 43769 in the 1904 system (01020101).
	 */
	static void date1904WithExtension(Path file) throws IOException {
		new Fixtures.RawXlsx().date1904()
			.workbookExtensions("<extLst><ext uri=\"{140A7094-0E35-4892-8432-C4D2E57EDEB5}\" "
					+ "xmlns:x15=\"http://schemas.microsoft.com/office/spreadsheetml/2010/11/main\">"
					+ "<x15:workbookPr chartTrackingRefBase=\"1\"/></ext></extLst>")
			.styles("<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs>")
			.sheet("统计表",
					headerXml() + "<row r=\"2\">" + inline("A2", "01020101") + inline("B2", "西城街道第一党支部")
							+ "<c r=\"C2\" s=\"1\"><v>43769</v></c>" + numbers(2, 1, 6, 8, 4) + "</row>")
			.write(file);
	}

	/**
	 * Date cells written as ISO 8601 text ({@code t="d"}), as Excel's Strict files and
	 * several libraries write them: a date with twenty fractional digits (01020102), and
	 * in 备注 and two columns without a header a time of day, a duration and a time a hair
	 * before the half hour.
	 */
	static void isoDateCells(Path file) throws IOException {
		new Fixtures.RawXlsx()
			.sheet("统计表", headerXml().replace("</row>", inline("H1", "备注") + "</row>") + "<row r=\"2\">"
					+ inline("A2", "01020102") + inline("B2", "西城街道第二党支部")
					+ "<c r=\"C2\" t=\"d\"><v>2023-11-08T00:00:00.00000000000000000000</v></c>" + numbers(2, 1, 2, 2, 2)
					+ "<c r=\"H2\" t=\"d\"><v>12:30:00.5</v></c><c r=\"I2\" t=\"d\"><v>PT36H</v></c>"
					+ "<c r=\"J2\" t=\"d\"><v>2023-11-08T09:29:59.99999999999</v></c></row>")
			.write(file);
	}

	/** Row 2 (101) written as one {@code <row r="2">} per cell, as some writers do. */
	static void splitRow(Path file) throws IOException {
		StringBuilder rows = new StringBuilder(headerXml());
		String[] cells = { inline("A2", "101"), inline("B2", "北县第一党支部"), inline("C2", "2023-11"), number("D2", 1),
				number("E2", 7), number("F2", 9), number("G2", 6) };
		for (String cell : cells) {
			rows.append("<row r=\"2\">").append(cell).append("</row>");
		}
		rows.append("<row r=\"3\">")
			.append(inline("A3", "102"))
			.append(inline("B3", "北县第二党支部"))
			.append(inline("C3", "2023-11"))
			.append(numbers(3, 1, 4, 4, 3))
			.append("</row>");
		new Fixtures.RawXlsx().sheet("统计表", rows.toString()).write(file);
	}

	/**
	 * A workbook naming three sheets: 说明 with an empty relationship id, 统计表 (0101), and
	 * 旧表 whose relationship id points nowhere, as Excel wrote in a real file.
	 */
	static void missingSheets(Path file) throws IOException {
		new Fixtures.RawXlsx().listedSheet("说明", "")
			.sheet("统计表",
					headerXml() + "<row r=\"2\">" + inline("A2", "0101") + inline("B2", "东城区委")
							+ inline("C2", "2023-11") + numbers(2, 0, 2, 2, 1) + "</row>")
			.listedSheet("旧表", "rId99")
			.write(file);
	}

	/** A chart sheet, a macro sheet and a dialog sheet beside the tally (9). */
	static void otherSheetKinds(Path file) throws IOException {
		String oldTally = headerXml() + "<row r=\"2\">" + inline("A2", "9") + inline("B2", "北县县委")
				+ inline("C2", "2023-11") + numbers(2, 9, 99, 99, 99) + "</row>";
		new Fixtures.RawXlsx()
			.sheetOfKind("图表1", "chartsheet",
					"<chartsheet xmlns=\"" + Fixtures.MAIN_NS
							+ "\"><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews></chartsheet>")
			.sheetOfKind("宏1", "xlMacrosheet",
					"<xm:macrosheet xmlns:xm=\"http://schemas.microsoft.com/office/excel/2006/main\" xmlns=\""
							+ Fixtures.MAIN_NS + "\"><sheetData>" + oldTally + "</sheetData></xm:macrosheet>")
			.sheetOfKind("对话框1", "dialogsheet",
					"<dialogsheet xmlns=\"" + Fixtures.MAIN_NS + "\"><sheetData>" + oldTally
							+ "</sheetData></dialogsheet>")
			.sheet("统计表",
					headerXml() + "<row r=\"2\">" + inline("A2", "9") + inline("B2", "北县县委") + inline("C2", "2023-11")
							+ numbers(2, 0, 1, 1, 1) + "</row>")
			.write(file);
	}

	/**
	 * A 填报模板 with protected sheets and structure, which Excel saves encrypted with its
	 * built-in password (01020103).
	 */
	static void protectedXlsx(Path file) throws IOException, GeneralSecurityException {
		XSSFWorkbook workbook = new XSSFWorkbook();
		Sheet sheet = workbook.createSheet("统计表");
		header(sheet);
		data(sheet, 1, "01020103", "西城街道临时党支部", 1, 2, 3, 1).createCell(2).setCellValue("2023-11");
		sheet.protectSheet("");
		workbook.lockStructure();
		encrypt(workbook, Decryptor.DEFAULT_PASSWORD, EncryptionMode.standard, file);
	}

	/**
	 * The same in Excel 97-2003 format, RC4-encrypted with the built-in password (0102).
	 */
	static void protectedXls(Path file) throws IOException {
		HSSFWorkbook workbook = new HSSFWorkbook();
		Sheet sheet = workbook.createSheet("统计表");
		header(sheet);
		data(sheet, 1, "0102", "西城区委", 0, 1, 1, 0).createCell(2).setCellValue("2023-11");
		sheet.protectSheet("");
		writeEncryptedXls(workbook, Decryptor.DEFAULT_PASSWORD, file);
	}

	/** A workbook that asks for a password to open: F1. */
	static void realPasswordXlsx(Path file) throws IOException, GeneralSecurityException {
		XSSFWorkbook workbook = new XSSFWorkbook();
		Sheet sheet = workbook.createSheet("统计表");
		header(sheet);
		data(sheet, 1, "010201", "西城街道党工委", 0, 50, 50, 50);
		encrypt(workbook, "mima2023", EncryptionMode.agile, file);
	}

	/** The same in Excel 97-2003 format: F1. */
	static void realPasswordXls(Path file) throws IOException {
		HSSFWorkbook workbook = new HSSFWorkbook();
		Sheet sheet = workbook.createSheet("统计表");
		header(sheet);
		data(sheet, 1, "010201", "西城街道党工委", 0, 50, 50, 50);
		writeEncryptedXls(workbook, "mima2023", file);
	}

	/** An .xls whose workbook stream is named {@code WorkBook} (010201). */
	static void workBookStream(Path file) throws IOException {
		HSSFWorkbook workbook = new HSSFWorkbook();
		Sheet sheet = workbook.createSheet("统计表");
		header(sheet);
		data(sheet, 1, "010201", "西城街道党工委", 0, 1, 2, 2).createCell(2).setCellValue("2023-11");
		byte[] stream = workbook.getBytes();
		workbook.close();
		try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
			fs.createDocument(new java.io.ByteArrayInputStream(stream), "WorkBook");
			fs.writeFilesystem(out);
		}
	}

	/**
	 * An .xls with a dialog sheet and an Excel 4.0 macro sheet (its BOUNDSHEET record's
	 * type byte set to 1, as Excel writes one) beside the tally (01).
	 */
	static void otherSheetKindsXls(Path file) throws IOException {
		HSSFWorkbook workbook = new HSSFWorkbook();
		Sheet dialog = workbook.createSheet("对话框1");
		header(dialog);
		data(dialog, 1, "01", "东州市委", 9, 99, 99, 99);
		workbook.getSheetAt(0).setDialog(true);
		Sheet macro = workbook.createSheet("宏1");
		header(macro);
		data(macro, 1, "01", "东州市委", 9, 99, 99, 99);
		Sheet sheet = workbook.createSheet("统计表");
		header(sheet);
		data(sheet, 1, "01", "东州市委", 0, 4, 5, 2).createCell(2).setCellValue("2023-11");
		byte[] stream = workbook.getBytes();
		workbook.close();
		// BOUNDSHEET (0x0085): lbPlyPos (4 bytes), hsState, dt: the second sheet's dt = 1
		int[] boundSheets = { 0 };
		ExcelRecords.forEach(stream, (sid, body, length) -> {
			if (sid == 0x0085 && ++boundSheets[0] == 2) {
				stream[body + 5] = 1;
			}
		});
		try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
			fs.createDocument(new java.io.ByteArrayInputStream(stream), "Workbook");
			fs.writeFilesystem(out);
		}
	}

	/**
	 * The cell records Excel writes and POI does not: numbers as RK and runs of them as
	 * MULRK (integers and hundredths), runs of blank cells as MULBLANK, a text cell as an
	 * inline LABEL rather than a shared string; beside them formulas with cached text,
	 * number, boolean and error results, plain boolean and error cells, a date, and a row
	 * that has a ROW record but no cells. POI writes the workbook, and its records are
	 * rewritten into Excel's.
	 */
	static void excelRecordsXls(Path file) throws IOException {
		HSSFWorkbook workbook = new HSSFWorkbook();
		CellStyle date = workbook.createCellStyle();
		date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
		CellStyle shaded = workbook.createCellStyle();
		shaded.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.YELLOW.getIndex());
		shaded.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
		Sheet sheet = workbook.createSheet("统计表");
		header(sheet);
		Row row = data(sheet, 1, "010101", "东城街道党工委", 3, 4, 5, 2);
		row.createCell(2).setCellValue("2023-11");
		row = data(sheet, 2, "010102", "西城街道党工委");
		row.createCell(2).setCellValue(LocalDate.of(2023, 11, 15));
		row.getCell(2).setCellStyle(date);
		row.createCell(3).setCellValue(12.34);
		row.createCell(4).setCellValue(1.0 / 3);
		row.createCell(5).setCellFormula("\"甲\"&\"乙\"");
		row.getCell(5).setCellValue("甲乙");
		row.createCell(6).setCellFormula("1+6");
		row.getCell(6).setCellValue(7);
		row = data(sheet, 3, "0103", "开发区机关党支部");
		row.createCell(2).setCellValue(true);
		row.createCell(3).setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.DIV0.getCode());
		row.createCell(4).setCellFormula("1>2");
		row.getCell(4).setCellValue(false);
		row.createCell(5).setCellFormula("NA()");
		row.getCell(5).setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.NA.getCode());
		for (int column = 6; column < 9; column++) {
			row.createCell(column).setCellStyle(shaded);
		}
		sheet.createRow(10).setHeightInPoints(30);
		byte[] stream = workbook.getBytes();
		workbook.close();
		try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
			fs.createDocument(new java.io.ByteArrayInputStream(ExcelRecords.rewrite(stream, "东城街道党工委")), "Workbook");
			fs.writeFilesystem(out);
		}
	}

	/**
	 * A tally whose sheet part was altered after the ZIP was written (one digit of a
	 * stored part changed, its CRC-32 left as it was): damaged, F1.
	 */
	static void damagedEntry(Path file) throws IOException {
		Path good = Files.createTempFile("quirk", ".xlsx");
		try {
			new Fixtures.RawXlsx()
				.sheet("统计表",
						headerXml() + "<row r=\"2\">" + inline("A2", "0103") + inline("B2", "开发区机关党支部")
								+ inline("C2", "2023-11") + numbers(2, 1, 12, 12, 12) + "</row>")
				.write(good);
			Map<String, byte[]> parts = new LinkedHashMap<>();
			try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(good.toFile())) {
				for (var entries = zip.entries(); entries.hasMoreElements();) {
					var entry = entries.nextElement();
					try (InputStream in = zip.getInputStream(entry)) {
						parts.put(entry.getName(), in.readAllBytes());
					}
				}
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
				for (Map.Entry<String, byte[]> part : parts.entrySet()) {
					java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(part.getKey());
					entry.setMethod(java.util.zip.ZipEntry.STORED);
					entry.setSize(part.getValue().length);
					java.util.zip.CRC32 crc = new java.util.zip.CRC32();
					crc.update(part.getValue());
					entry.setCrc(crc.getValue());
					out.putNextEntry(entry);
					out.write(part.getValue());
					out.closeEntry();
				}
			}
			byte[] zip = bytes.toByteArray();
			String text = new String(zip, StandardCharsets.ISO_8859_1);
			int at = text.indexOf("<c r=\"E2\"><v>12</v>");
			zip[at + "<c r=\"E2\"><v>".length()] = '7';
			Files.write(file, zip);
		}
		finally {
			Files.deleteIfExists(good);
		}
	}

	/** An Excel 2.1 worksheet (BIFF2): a BOF stating version 2, one label, EOF. */
	static void excel2(Path file) throws IOException {
		ByteBuffer biff = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
		biff.putShort((short) 0x0009).putShort((short) 4).putShort((short) 0x0002).putShort((short) 0x0010);
		byte[] label = "0101".getBytes(StandardCharsets.US_ASCII);
		biff.putShort((short) 0x0004).putShort((short) (8 + label.length));
		biff.putShort((short) 0).putShort((short) 0).put(new byte[3]).put((byte) label.length).put(label);
		biff.putShort((short) 0x000A).putShort((short) 0);
		byte[] bytes = new byte[biff.position()];
		biff.flip().get(bytes);
		Files.write(file, bytes);
	}

	/** Bytes of a program, not text, named .csv: F1. */
	static void binaryCsv(Path file) throws IOException {
		byte[] bytes = new byte[512];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) ((i * 131 + 7) % 256);
		}
		System.arraycopy("MZ".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 2);
		Files.write(file, bytes);
	}

	private static void header(Sheet sheet) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < HEADER.length; i++) {
			row.createCell(i).setCellValue(HEADER[i]);
		}
	}

	private static Row data(Sheet sheet, int index, String code, String name, int... counts) {
		Row row = sheet.createRow(index);
		row.createCell(0).setCellValue(code);
		row.createCell(1).setCellValue(name);
		for (int i = 0; i < counts.length; i++) {
			row.createCell(3 + i).setCellValue(counts[i]);
		}
		return row;
	}

	private static void encrypt(Workbook workbook, String password, EncryptionMode mode, Path file)
			throws IOException, GeneralSecurityException {
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			Encryptor encryptor = new EncryptionInfo(mode).getEncryptor();
			encryptor.confirmPassword(password);
			try (workbook; OutputStream out = encryptor.getDataStream(fs)) {
				workbook.write(out);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				fs.writeFilesystem(out);
			}
		}
	}

	private static void writeEncryptedXls(HSSFWorkbook workbook, String password, Path file) throws IOException {
		Biff8EncryptionKey.setCurrentUserPassword(password);
		try (workbook; OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
		finally {
			Biff8EncryptionKey.setCurrentUserPassword(null);
		}
	}

	private static String headerXml() {
		StringBuilder row = new StringBuilder("<row r=\"1\">");
		for (int i = 0; i < HEADER.length; i++) {
			row.append(inline((char) ('A' + i) + "1", HEADER[i]));
		}
		return row.append("</row>").toString();
	}

	private static String inline(String reference, String text) {
		return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
	}

	private static String number(String reference, long value) {
		return "<c r=\"" + reference + "\"><v>" + value + "</v></c>";
	}

	/** 党支部数 … 已完成整改数 in D–G of a row. */
	private static String numbers(int row, long... counts) {
		StringBuilder cells = new StringBuilder();
		for (int i = 0; i < counts.length; i++) {
			cells.append(number((char) ('D' + i) + Integer.toString(row), counts[i]));
		}
		return cells.toString();
	}

}
