package org.tallyrollup.sheet;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tallyrollup.sheet.SheetInfo.Kind;
import org.tallyrollup.sheet.UnreadableFileException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The committed fixtures of {@link QuirkFiles}, one per quirk of what offices really
 * send, read by the format layer: the exact cells, sheets and reasons.
 */
class QuirkFilesTests {

	private static final List<String> HEADER = List.of(QuirkFiles.HEADER);

	@Test
	void aPeriodTypedAsAMonthIsTheDateExcelMadeOfIt() {
		// when
		List<RawRow> rows = Fixtures.rows(file("报告期为日期.xlsx"));

		// then
		assertThat(rows).extracting(RawRow::cells)
			.containsExactly(HEADER, List.of("010101", "东城区第一党支部", "2023-11-01", "1", "5", "6", "4"),
					List.of("010102", "东城区第二党支部", "2023年11月15日", "1", "3", "3", "1"),
					List.of("0103", "开发区机关党支部", "2023-12-01", "1", "9", "9", "9"));
	}

	@Test
	void aWorkbookOfThe1904DateSystemKeepsItWhateverItsExtensionsSay() {
		// when: serial 43769 is 2023-11-01 in the 1904 system, 2019-10-31 in the 1900 one
		List<RawRow> rows = Fixtures.rows(file("1904日期系统.xlsx"));

		// then
		assertThat(rows.get(1).cells()).containsExactly("01020101", "西城街道第一党支部", "2023-11-01", "1", "6", "8", "4");
	}

	@Test
	void isoDateCellsAreRenderedAsDateCells() {
		// when
		List<RawRow> rows = Fixtures.rows(file("ISO日期单元格.xlsx"));

		// then: twenty fractional digits; a time of day (12:30:00.5, to the second) and a
		// duration of 36 hours as the serial numbers they stand for; 09:29:59.999…
		// rounded
		assertThat(rows.get(1).cells()).containsExactly("01020102", "西城街道第二党支部", "2023-11-08", "1", "2", "2", "2",
				"1899-12-31 12:30:01", "1900-01-01 12:00:00", "2023-11-08 09:30:00");
	}

	@Test
	void aRowWrittenAsSeveralRowElementsIsOneRow() {
		// when
		List<RawRow> rows = Fixtures.rows(file("一行拆成多个row.xlsx"));

		// then
		assertThat(rows).extracting(RawRow::number).containsExactly(1, 2, 3);
		assertThat(rows.get(1).cells()).containsExactly("101", "北县第一党支部", "2023-11", "1", "7", "9", "6");
		assertThat(rows.get(2).cells()).containsExactly("102", "北县第二党支部", "2023-11", "1", "4", "4", "3");
	}

	@Test
	void sheetsTheWorkbookNamesButDoesNotContainAreListedAsMissing() {
		try (SpreadsheetFile spreadsheet = Spreadsheets.open(file("列出但不存在的工作表.xlsx"))) {
			// then
			assertThat(spreadsheet.sheets()).containsExactly(new SheetInfo(0, "说明", false, Kind.MISSING),
					new SheetInfo(1, "统计表", false, Kind.WORKSHEET), new SheetInfo(2, "旧表", false, Kind.MISSING));
			assertThat(spreadsheet.sheets()).extracting(SheetInfo::readable).containsExactly(false, true, false);
			assertThat(spreadsheet.sheets().get(0).notReadReason()).contains("文件中没有它的内容");
			assertThat(Fixtures.rows(spreadsheet, 1).get(1).cells()).containsExactly("0101", "东城区委", "2023-11", "0",
					"2", "2", "1");
		}
	}

	@Test
	void chartMacroAndDialogSheetsOfAnXlsxAreToldApart() {
		try (SpreadsheetFile spreadsheet = Spreadsheets.open(file("图表宏表对话框.xlsx"))) {
			// then
			assertThat(spreadsheet.sheets()).extracting(SheetInfo::name, SheetInfo::kind)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("图表1", Kind.CHART),
						org.assertj.core.groups.Tuple.tuple("宏1", Kind.MACRO),
						org.assertj.core.groups.Tuple.tuple("对话框1", Kind.DIALOG),
						org.assertj.core.groups.Tuple.tuple("统计表", Kind.WORKSHEET));
			assertThat(spreadsheet.sheets()).extracting(SheetInfo::notReadReason)
				.containsExactly("图表工作表，不含数据，未读取", "宏表，未读取", "对话框工作表，未读取", null);
		}
	}

	@Test
	void macroAndDialogSheetsOfAnXlsAreToldApart() {
		try (SpreadsheetFile spreadsheet = Spreadsheets.open(file("宏表对话框.xls"))) {
			// then
			assertThat(spreadsheet.sheets()).extracting(SheetInfo::kind)
				.containsExactly(Kind.DIALOG, Kind.MACRO, Kind.WORKSHEET);
			assertThat(Fixtures.rows(spreadsheet, 2).get(1).cells()).containsExactly("01", "东州市委", "2023-11", "0", "4",
					"5", "2");
		}
	}

	@Test
	void workbooksProtectedWithExcelsBuiltInPasswordAreRead() {
		// when
		List<RawRow> xlsx = Fixtures.rows(file("受保护的模板.xlsx"));
		List<RawRow> xls = Fixtures.rows(file("受保护的模板.xls"));

		// then
		assertThat(xlsx).extracting(RawRow::cells)
			.containsExactly(HEADER, List.of("01020103", "西城街道临时党支部", "2023-11", "1", "2", "3", "1"));
		assertThat(xls).extracting(RawRow::cells)
			.containsExactly(HEADER, List.of("0102", "西城区委", "2023-11", "0", "1", "1", "0"));
	}

	@Test
	void workbooksThatAskForAPasswordAreRefusedAsEncrypted() {
		for (String name : List.of("有打开密码.xlsx", "有打开密码.xls")) {
			assertThatExceptionOfType(UnreadableFileException.class).as(name)
				.isThrownBy(() -> Spreadsheets.open(file(name)).close())
				.withMessage("文件设有打开密码（已加密），无法读取，请去除密码后重新报送")
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.ENCRYPTED));
		}
	}

	@Test
	void anXlsWhoseStreamIsNamedWorkBookIsRead() {
		// when
		List<RawRow> rows = Fixtures.rows(file("WorkBook流.xls"));

		// then
		assertThat(rows.get(1).cells()).containsExactly("010201", "西城街道党工委", "2023-11", "0", "1", "2", "2");
	}

	@Test
	void aDamagedEntryIsDamagedNotAZipBomb() {
		// when, then: the altered digit (7 for 1) is never read as a figure
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Fixtures.rows(file("损坏的条目.xlsx")))
			.withMessage("文件已损坏或不完整：部件xl/worksheets/sheet1.xml的校验码（CRC-32）不符")
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.DAMAGED));
	}

	@Test
	void anExcel2FileIsExcel95OrOlder() {
		assertThatExceptionOfType(UnreadableFileException.class)
			.isThrownBy(() -> Spreadsheets.open(file("Excel2.1格式.xls")))
			.withMessage("Excel 95及更早的格式，请另存为.xlsx后重新报送")
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.OLD_EXCEL));
	}

	@Test
	void binaryBytesNamedCsvAreNotText() {
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file("二进制内容.csv")))
			.withMessageStartingWith("文件内容不是文本")
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NOT_TEXT));
	}

	private static Path file(String name) {
		return QuirkFiles.DIR.resolve(name);
	}

}
