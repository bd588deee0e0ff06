package org.tallyrollup.sheet;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class XlsSpreadsheetTests {

	@TempDir
	Path dir;

	@Test
	void rendersCellsTheWayTheXlsxReaderDoes() throws Exception {
		// given
		HSSFWorkbook workbook = new HSSFWorkbook();
		CreationHelper helper = workbook.getCreationHelper();
		CellStyle date = workbook.createCellStyle();
		date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
		CellStyle dateTime = workbook.createCellStyle();
		dateTime.setDataFormat(helper.createDataFormat().getFormat("yyyy/m/d h:mm"));
		Row row = workbook.createSheet("统计表").createRow(0);
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
		row.createCell(14).setCellValue(0.1 + 0.2);
		row.createCell(15).setCellFormula("A1>100");
		helper.createFormulaEvaluator().evaluateAll();
		Path file = Fixtures.write(workbook, this.dir.resolve("values.xls"));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).cells()).containsExactly("101", "0101", "12", "12.5", "-3", "12345678901", "0", "24.5",
				"合计", "#DIV/0!", "TRUE", "2023-11-08", "2023-11-08 09:30:00", "", "0.3", "TRUE");
	}

	@Test
	void readsTheCellRecordsExcelWrites() throws Exception {
		// given: RK, MULRK, MULBLANK and LABEL records, as Excel writes them (QuirkFiles)
		Path file = QuirkFiles.EXCEL_RECORDS;

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows).hasSize(11);
		assertThat(rows.get(0).cells()).containsExactly(QuirkFiles.HEADER);
		assertThat(rows.get(1).cells()).containsExactly("010101", "东城街道党工委", "2023-11", "3", "4", "5", "2");
		assertThat(rows.get(2).cells()).containsExactly("010102", "西城街道党工委", "2023-11-15", "12.34", "0.333333333333333",
				"甲乙", "7");
		assertThat(rows.get(3).cells()).containsExactly("0103", "开发区机关党支部", "TRUE", "#DIV/0!", "FALSE", "#N/A", "", "",
				"");
		for (int i = 4; i <= 10; i++) {
			assertThat(rows.get(i).isBlank()).isTrue();
			assertThat(rows.get(i).number()).isEqualTo(i + 1);
		}
	}

	@Test
	void theExcelRecordsFixtureHoldsTheRecordsItIsNamedFor() throws Exception {
		// given
		byte[] stream;
		try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(
				QuirkFiles.EXCEL_RECORDS.toFile(), true)) {
			stream = fs.getRoot().createDocumentInputStream("Workbook").readAllBytes();
		}

		// when: the record ids, as written
		java.util.Map<Integer, Integer> sids = new java.util.TreeMap<>();
		ExcelRecords.forEach(stream, (sid, body, length) -> sids.merge(sid, 1, Integer::sum));

		// then: MULRK, MULBLANK, LABEL, STRING, BOOLERR, FORMULA, NUMBER
		assertThat(sids).containsEntry(0x00BD, 2)
			.containsEntry(0x00BE, 1)
			.containsEntry(0x0204, 1)
			.containsEntry(0x0207, 1)
			.containsEntry(0x0205, 2)
			.containsEntry(0x0006, 4)
			.containsEntry(0x0203, 1);
	}

	@Test
	void givesMissingRowsAndCellsAsBlank() throws Exception {
		// given
		HSSFWorkbook workbook = new HSSFWorkbook();
		HSSFSheet sheet = workbook.createSheet("Sheet1");
		sheet.createRow(0).createCell(0).setCellValue("标题");
		Row row = sheet.createRow(2);
		row.createCell(1).setCellValue("0101");
		row.createCell(3).setCellValue(7);
		Path file = Fixtures.write(workbook, this.dir.resolve("gaps.xls"));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows).extracting(RawRow::number).containsExactly(1, 2, 3);
		assertThat(rows.get(1).isBlank()).isTrue();
		assertThat(rows.get(2).cells()).containsExactly("", "0101", "", "7");
	}

	@Test
	void listsTwoSheetsAndFlagsTheHiddenOne() throws Exception {
		// given
		HSSFWorkbook workbook = new HSSFWorkbook();
		workbook.createSheet("统计表").createRow(0).createCell(0).setCellValue("单位编码");
		workbook.createSheet("隐藏表").createRow(1).createCell(0).setCellValue("隐藏");
		workbook.createSheet("极隐藏").createRow(0).createCell(0).setCellValue("x");
		workbook.setSheetHidden(1, true);
		workbook.setSheetVisibility(2, SheetVisibility.VERY_HIDDEN);
		Path file = Fixtures.write(workbook, this.dir.resolve("两张表.xls"));

		// when
		try (SpreadsheetFile spreadsheet = Spreadsheets.open(file)) {
			// then
			assertThat(spreadsheet.sheets()).containsExactly(new SheetInfo(0, "统计表", false),
					new SheetInfo(1, "隐藏表", true), new SheetInfo(2, "极隐藏", true));
			assertThat(Fixtures.rows(spreadsheet, 0)).extracting(RawRow::cells).containsExactly(List.of("单位编码"));
			assertThat(Fixtures.rows(spreadsheet, 1)).extracting(RawRow::cells)
				.containsExactly(List.of(), List.of("隐藏"));
		}
	}

	@Test
	void givesNoRowsForAnEmptySheet() throws Exception {
		// given
		HSSFWorkbook workbook = new HSSFWorkbook();
		workbook.createSheet("空表");
		Path file = Fixtures.write(workbook, this.dir.resolve("empty-sheet.xls"));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows).isEmpty();
	}

	@Test
	void refusesBeforeLoadingItAWorkbookWithMoreCellsThanTheBudget() throws Exception {
		// given: 65,536 rows of eight blank cells, a small file (blank runs are stored as
		// one record) that would take some fifty megabytes once loaded
		HSSFWorkbook workbook = new HSSFWorkbook();
		HSSFSheet sheet = workbook.createSheet("统计表");
		CellStyle style = workbook.createCellStyle();
		for (int r = 0; r < 65_536; r++) {
			Row row = sheet.createRow(r);
			for (int c = 0; c < 8; c++) {
				row.createCell(c).setCellStyle(style);
			}
		}
		Path file = Fixtures.write(workbook, this.dir.resolve("blank-cells.xls"));

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
			.withMessage("Excel 97-2003格式的文件过大（单元格超过500000个），请另存为.xlsx后重新报送");
	}

	@Test
	void refusesAsDamagedACellPastColumnIV() throws Exception {
		// given: a NUMBER record whose column is 300, which no Excel 97-2003 sheet has
		HSSFWorkbook workbook = new HSSFWorkbook();
		workbook.createSheet("统计表").createRow(0).createCell(5).setCellValue(12.5);
		byte[] stream = workbook.getBytes();
		workbook.close();
		ExcelRecords.forEach(stream, (sid, body, length) -> {
			if (sid == 0x0203) {
				stream[body + 2] = (byte) (300 & 0xFF);
				stream[body + 3] = (byte) (300 >> 8);
			}
		});
		Path file = this.dir.resolve("column-300.xls");
		try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem();
				java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
			fs.createDocument(new java.io.ByteArrayInputStream(stream), "Workbook");
			fs.writeFilesystem(out);
		}

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(UnreadableFileException.Reason.DAMAGED));
	}

}
