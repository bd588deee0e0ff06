package org.tallyrollup.sheet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class XlsxSpreadsheetTests {

	@TempDir
	Path dir;

	@Test
	void rendersNumbersTextFormulasAndDatesLikeExcelShowsThem() throws Exception {
		// given
		XSSFWorkbook workbook = new XSSFWorkbook();
		CreationHelper helper = workbook.getCreationHelper();
		CellStyle date = workbook.createCellStyle();
		date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
		CellStyle dateTime = workbook.createCellStyle();
		dateTime.setDataFormat(helper.createDataFormat().getFormat("yyyy/m/d h:mm"));
		CellStyle chineseDate = workbook.createCellStyle();
		chineseDate.setDataFormat(helper.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
		XSSFSheet sheet = workbook.createSheet("统计表");
		Row row = sheet.createRow(0);
		row.createCell(0).setCellValue(101.0);
		row.createCell(1).setCellValue("0101");
		row.createCell(2).setCellValue(12.0);
		row.createCell(3).setCellValue(12.5);
		row.createCell(4).setCellValue(-3);
		row.createCell(5).setCellValue(1.2345678901E10);
		row.createCell(6).setCellValue(0);
		row.createCell(7).setCellFormula("C1+D1");
		row.createCell(8).setCellFormula("\"合\"&\"计\"");
		row.createCell(9).setCellFormula("1/0");
		row.createCell(10).setCellValue(true);
		row.createCell(11).setCellValue(LocalDate.of(2023, 11, 8));
		row.getCell(11).setCellStyle(date);
		row.createCell(12).setCellValue(LocalDateTime.of(2023, 11, 8, 9, 30));
		row.getCell(12).setCellStyle(dateTime);
		row.createCell(13).setCellValue(LocalDate.of(2024, 1, 31));
		row.getCell(13).setCellStyle(chineseDate);
		row.createCell(14).setCellValue(0.1 + 0.2);
		row.createCell(15).setCellValue(" 带空格 ");
		helper.createFormulaEvaluator().evaluateAll();
		Path file = Fixtures.write(workbook, this.dir.resolve("values.xlsx"));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).cells()).containsExactly("101", "0101", "12", "12.5", "-3", "12345678901", "0", "24.5",
				"合计", "#DIV/0!", "TRUE", "2023-11-08", "2023-11-08 09:30:00", "2024-01-31", "0.3", " 带空格 ");
	}

	@Test
	void givesRowsTheFileLeavesOutAsBlankRowsWithTheirNumbers() throws Exception {
		// given
		XSSFWorkbook workbook = new XSSFWorkbook();
		XSSFSheet sheet = workbook.createSheet("Sheet1");
		sheet.createRow(0).createCell(0).setCellValue("标题");
		Row row = sheet.createRow(3);
		row.createCell(0).setCellValue("0101");
		row.createCell(2).setCellValue(5);
		Path file = Fixtures.write(workbook, this.dir.resolve("gaps.xlsx"));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows).extracting(RawRow::number).containsExactly(1, 2, 3, 4);
		assertThat(rows.get(1).isBlank()).isTrue();
		assertThat(rows.get(2).isBlank()).isTrue();
		assertThat(rows.get(3).cells()).containsExactly("0101", "", "5");
		assertThat(rows.get(3).cell(1)).isEmpty();
		assertThat(rows.get(3).cell(7)).isEmpty();
	}

	@Test
	void listsSheetsInOrderWithChineseNamesAndFlagsHiddenOnes() throws Exception {
		// given
		XSSFWorkbook workbook = new XSSFWorkbook();
		workbook.createSheet("填表说明").createRow(0).createCell(0).setCellValue("说明");
		workbook.createSheet("统计表").createRow(0).createCell(0).setCellValue("单位编码");
		workbook.createSheet("旧表").createRow(0).createCell(0).setCellValue("旧");
		workbook.createSheet("代码").createRow(0).createCell(0).setCellValue("代码");
		workbook.setSheetVisibility(2, SheetVisibility.HIDDEN);
		workbook.setSheetVisibility(3, SheetVisibility.VERY_HIDDEN);
		Path file = Fixtures.write(workbook, this.dir.resolve("sheets.xlsx"));

		// when
		try (SpreadsheetFile spreadsheet = Spreadsheets.open(file)) {
			List<SheetInfo> sheets = spreadsheet.sheets();

			// then
			assertThat(sheets).containsExactly(new SheetInfo(0, "填表说明", false), new SheetInfo(1, "统计表", false),
					new SheetInfo(2, "旧表", true), new SheetInfo(3, "代码", true));
			assertThat(Fixtures.rows(spreadsheet, 1).get(0).cells()).containsExactly("单位编码");
			assertThat(Fixtures.rows(spreadsheet, 3).get(0).cells()).containsExactly("代码");
			assertThat(Fixtures.rows(spreadsheet, 0).get(0).cells()).containsExactly("说明");
		}
	}

	@Test
	void readsSharedRichTextWithoutItsFormatting() throws Exception {
		// given
		XSSFWorkbook workbook = new XSSFWorkbook();
		XSSFFont bold = workbook.createFont();
		bold.setBold(true);
		XSSFRichTextString text = new XSSFRichTextString("检视问题数（个）");
		text.applyFont(0, 4, bold);
		workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue(text);
		Path file = Fixtures.write(workbook, this.dir.resolve("rich.xlsx"));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows.get(0).cells()).containsExactly("检视问题数（个）");
	}

	@Test
	void readsInlineStringsRichTextRunsAndCellsWithoutReference() throws Exception {
		// given
		Path file = new Fixtures.RawXlsx()
			.sheet("Sheet1",
					"""
							<row r="1">
							  <c r="A1" t="inlineStr"><is><t>单位编码</t></is></c>
							  <c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>检视</t></r><r><t xml:space="preserve">问题数 </t></r></is></c>
							  <c r="C1" t="inlineStr"><is><t>党员</t><rPh sb="0" eb="2"><t>ダンイン</t></rPh></is></c>
							</row>
							<row r="2"><c t="inlineStr"><is><t>0101</t></is></c><c><v>3</v></c><c/><c><v>4.0</v></c></row>
							<row><c r="B3" t="str"><f>A1</f><v>公式结果</v></c><c r="D3" t="b"><v>0</v></c><c r="E3" t="e"><v>#N/A</v></c></row>
							<row r="5"><c r="A5" t="inlineStr"><is><t>单位_x000D_
							名称</t></is></c><c r="B5"><v>-0</v></c><c r="C5"><v>1E+20</v></c></row>
							""")
			.write(this.dir.resolve("inline.xlsx"));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows).extracting(RawRow::number).containsExactly(1, 2, 3, 4, 5);
		assertThat(rows.get(0).cells()).containsExactly("单位编码", "检视问题数 ", "党员");
		assertThat(rows.get(1).cells()).containsExactly("0101", "3", "", "4");
		assertThat(rows.get(2).cells()).containsExactly("", "公式结果", "", "FALSE", "#N/A");
		assertThat(rows.get(3).isBlank()).isTrue();
		assertThat(rows.get(4).cells()).containsExactly("单位\r\n名称", "0", "100000000000000000000");
	}

	@Test
	void numbersRowsOutOfOrderInFileOrder() throws Exception {
		// given
		Path file = new Fixtures.RawXlsx().sheet("Sheet1", """
				<row r="2"><c r="A2"><v>2</v></c></row>
				<row r="3"><c r="A3"><v>3</v></c></row>
				<row r="1"><c r="A1"><v>1</v></c></row>
				""").write(this.dir.resolve("order.xlsx"));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows).extracting(RawRow::number).containsExactly(1, 2, 3, 4);
		assertThat(rows).extracting((row) -> row.cell(0)).containsExactly("", "2", "3", "1");
	}

	@Test
	void mergesARowWrittenAsSeveralRowElementsAsExcelDoes() throws Exception {
		// given: row 2 written as one <row> per cell, the last one repeating B2
		Path file = new Fixtures.RawXlsx().sheet("Sheet1", """
				<row r="1"><c r="A1" t="inlineStr"><is><t>单位编码</t></is></c></row>
				<row r="2"><c r="A2" t="inlineStr"><is><t>0101</t></is></c></row>
				<row r="2"><c r="C2"><v>3</v></c></row>
				<row r="2"><c r="B2"><v>5</v></c></row>
				<row r="2"><c r="B2"><v>6</v></c></row>
				<row r="4"><c r="A4"><v>4</v></c></row>
				<row r="4"><c r="B4"><v>44</v></c></row>
				""").write(this.dir.resolve("split.xlsx"));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows).extracting(RawRow::number).containsExactly(1, 2, 3, 4);
		assertThat(rows.get(1).cells()).containsExactly("0101", "6", "3");
		assertThat(rows.get(2).isBlank()).isTrue();
		assertThat(rows.get(3).cells()).containsExactly("4", "44");
	}

	@Test
	void refusesARowHoldingMoreTextThanTheLimit() throws Exception {
		// given: 40 cells of 30,000 characters each (random: it must not look like a
		// bomb)
		Random random = new Random(1);
		StringBuilder row = new StringBuilder("<row r=\"1\">");
		for (int c = 0; c < 40; c++) {
			row.append("<c t=\"inlineStr\"><is><t>");
			random.ints(30_000, 'a', 'z' + 1).forEach((ch) -> row.append((char) ch));
			row.append("</t></is></c>");
		}
		Path file = new Fixtures.RawXlsx().sheet("Sheet1", row.append("</row>").toString())
			.write(this.dir.resolve("wide.xlsx"));

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Fixtures.rows(file))
			.withMessageContaining("一行的内容超过1048576个字符");
	}

	@Test
	void refusesACellHoldingMoreTextThanTheLimitSayingSo() throws Exception {
		// given: one cell one character past the limit (random: it must not look like a
		// bomb)
		Path file = new Fixtures.RawXlsx()
			.sheet("Sheet1",
					"<row r=\"1\"><c t=\"inlineStr\"><is><t>" + randomText(XlsxXml.MAX_TEXT_CHARS + 1)
							+ "</t></is></c></row>")
			.write(this.dir.resolve("long-cell.xlsx"));

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Fixtures.rows(file))
			.withMessageContaining("单元格内容超过1048576个字符");
	}

	@Test
	void refusesTextPastTheParsersBoundOutsideACell() throws Exception {
		// given: a run of text between rows, past what the parser takes in one piece
		Path file = new Fixtures.RawXlsx()
			.sheet("Sheet1", "<row r=\"1\"><c><v>1</v></c></row>" + randomText(XlsxXml.MAX_PARSER_TEXT_CHARS + 1))
			.write(this.dir.resolve("long-text.xlsx"));

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Fixtures.rows(file))
			.withMessage("文件中的XML有一段文字超过2097152个字符，不是正常的Excel文件");
	}

	private static String randomText(int length) {
		StringBuilder text = new StringBuilder(length);
		new Random(7).ints(length, 'a', 'z' + 1).forEach((ch) -> text.append((char) ch));
		return text.toString();
	}

	@Test
	void refusesElementsNestedDeeperThanAnyExcelFile() throws Exception {
		// given
		String open = "<x>".repeat(XlsxXml.MAX_ELEMENT_DEPTH);
		String close = "</x>".repeat(XlsxXml.MAX_ELEMENT_DEPTH);
		Path file = new Fixtures.RawXlsx().sheet("Sheet1", "<row r=\"1\"><c>" + open + close + "</c></row>")
			.write(this.dir.resolve("deep.xlsx"));

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Fixtures.rows(file))
			.withMessage("文件中的XML嵌套超过256层，不是正常的Excel文件");
	}

	@Test
	void refusesARelationshipsPartPastTheLimitBeforeParsingIt() throws Exception {
		// given: 5 MB of relationships, which POI would parse into a document in memory
		Path file = new Fixtures.RawXlsx().sheet("Sheet1", "<row r=\"1\"><c><v>1</v></c></row>")
			.write(this.dir.resolve("rels.xlsx"));
		Path bloated = this.dir.resolve("bloated.xlsx");
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Map<String, byte[]> entries = new LinkedHashMap<>();
			for (ZipEntry entry : Collections.list(zip.entries())) {
				entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
			}
			String rels = new String(entries.get("_rels/.rels"), StandardCharsets.UTF_8);
			StringBuilder filler = new StringBuilder("<!--");
			new Random(1).ints(BoundedPartsSource.MAX_DOCUMENT_PART_BYTES, 'a', 'z' + 1)
				.forEach((c) -> filler.append((char) c));
			filler.append("-->");
			entries.put("_rels/.rels",
					(rels.replace("</Relationships>", filler + "</Relationships>")).getBytes(StandardCharsets.UTF_8));
			Fixtures.zip(bloated, entries);
		}

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Fixtures.rows(bloated))
			.withMessage("文件解压后过大，疑似压缩炸弹（部件_rels/.rels解压后超过4MB）");
	}

	@Test
	void refusesMoreSharedStringsThanTheLimit() throws Exception {
		// given
		StringBuilder items = new StringBuilder();
		for (int i = 0; i <= XlsxParts.MAX_SHARED_STRINGS; i++) {
			items.append("<si><t>").append(Integer.toString(i, 36)).append("</t></si>");
		}
		Path file = new Fixtures.RawXlsx().sharedStrings(items.toString())
			.sheet("Sheet1", "<row r=\"1\"><c t=\"s\"><v>0</v></c></row>")
			.write(this.dir.resolve("strings.xlsx"));

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Fixtures.rows(file))
			.withMessage("文件解压后过大，疑似压缩炸弹（共享字符串超过1000000个）");
	}

	@Test
	void refusesRowsAndColumnsBeyondExcelsLimits() throws Exception {
		// given
		Path farRow = new Fixtures.RawXlsx().sheet("Sheet1", "<row r=\"2000000000\"><c><v>1</v></c></row>")
			.write(this.dir.resolve("far-row.xlsx"));
		Path farColumn = new Fixtures.RawXlsx().sheet("Sheet1", "<row r=\"1\"><c r=\"ZZZZZZ1\"><v>1</v></c></row>")
			.write(this.dir.resolve("far-column.xlsx"));

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Fixtures.rows(farRow))
			.withMessageStartingWith("文件已损坏或不完整：行号2000000000超出Excel的上限");
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Fixtures.rows(farColumn))
			.withMessageStartingWith("文件已损坏或不完整：单元格的列超出Excel的上限");
	}

	@Test
	void readsSharedStringsAndDateStylesItParsesItself() throws Exception {
		// given: numFmt 31 is a built-in date of Chinese Excel that files name by number
		// only
		Path file = new Fixtures.RawXlsx()
			.styles("""
					<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>
					<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
					<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="176"/></cellXfs>
					""")
			.sharedStrings("<si><t>单位编码</t></si><si><r><t>党支部</t></r><r><t>数</t></r></si>")
			.sheet("Sheet1", """
					<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
					<row r="2"><c r="A2" s="0"><v>45238</v></c><c r="B2" s="1"><v>45238</v></c>
					<c r="C2" s="2"><v>45238</v></c><c r="D2" s="3"><v>45238.5</v></c></row>
					""")
			.write(this.dir.resolve("styles.xlsx"));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows.get(0).cells()).containsExactly("单位编码", "党支部数");
		assertThat(rows.get(1).cells()).containsExactly("45238", "2023-11-08", "2023-11-08", "2023-11-08 12:00:00");
	}

	@Test
	void readsDatesOfThe1904DateSystem() throws Exception {
		// given
		Path file = new Fixtures.RawXlsx().date1904()
			.styles("<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>")
			.sheet("Sheet1", "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c></row>")
			.write(this.dir.resolve("1904.xlsx"));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows.get(0).cells()).containsExactly("1904-01-01");
	}

	@Test
	void neverExpandsAnEntityDeclaredInASheet() throws Exception {
		// given
		Path secret = Files.writeString(this.dir.resolve("secret.txt"), "TOP-SECRET-7f3a");
		Path file = new Fixtures.RawXlsx()
			.sheetPart("A", null,
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \""
							+ secret.toUri() + "\">]><worksheet xmlns=\"" + Fixtures.MAIN_NS
							+ "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>"
							+ "</sheetData></worksheet>")
			.write(this.dir.resolve("xxe-sheet.xlsx"));

		// when
		String seen = readEverything(file);

		// then
		assertThat(seen).doesNotContain("TOP-SECRET").contains("XML含有文档类型（DTD）或实体声明");
	}

	@Test
	void neverExpandsAnEntityDeclaredInTheSharedStrings() throws Exception {
		// given
		Path secret = Files.writeString(this.dir.resolve("secret.txt"), "TOP-SECRET-7f3a");
		Path file = new Fixtures.RawXlsx()
			.sharedStringsPart("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + secret.toUri()
					+ "\">]><sst xmlns=\"" + Fixtures.MAIN_NS + "\"><si><t>&xxe;</t></si></sst>")
			.sheet("A", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
			.write(this.dir.resolve("xxe-sst.xlsx"));

		// when
		String seen = readEverything(file);

		// then
		assertThat(seen).doesNotContain("TOP-SECRET").contains("XML含有文档类型（DTD）或实体声明");
	}

	/** Every cell of every sheet, or the reason a sheet could not be read. */
	private static String readEverything(Path file) {
		StringBuilder seen = new StringBuilder();
		try (SpreadsheetFile spreadsheet = Spreadsheets.open(file)) {
			for (int i = 0; i < spreadsheet.sheets().size(); i++) {
				try {
					Fixtures.rows(spreadsheet, i).forEach((row) -> seen.append(row.cells()));
				}
				catch (UnreadableFileException ex) {
					seen.append(ex.getMessage());
				}
			}
		}
		catch (UnreadableFileException ex) {
			seen.append(ex.getMessage());
		}
		return seen.toString();
	}

	@Test
	void closesEarlierCursorWhenAnotherSheetIsOpened() throws Exception {
		// given
		XSSFWorkbook workbook = new XSSFWorkbook();
		for (String name : List.of("一", "二")) {
			XSSFSheet sheet = workbook.createSheet(name);
			for (int i = 0; i < 3; i++) {
				sheet.createRow(i).createCell(0).setCellValue(name + i);
			}
		}
		Path file = Fixtures.write(workbook, this.dir.resolve("two.xlsx"));

		try (SpreadsheetFile spreadsheet = Spreadsheets.open(file)) {
			// when
			RowCursor first = spreadsheet.rows(spreadsheet.sheets().get(0));
			RawRow firstRow = first.next();
			List<RawRow> second = Fixtures.rows(spreadsheet, 1);

			// then
			assertThat(firstRow.cells()).containsExactly("一0");
			assertThat(second).extracting((row) -> row.cell(0)).containsExactly("二0", "二1", "二2");
			assertThat(first.hasNext()).isFalse();
		}
	}

}
