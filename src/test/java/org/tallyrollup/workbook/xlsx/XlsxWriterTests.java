package org.tallyrollup.workbook.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The streaming writer, read back with Apache POI: values and their types, text that XML
 * or Excel would otherwise change, styles, the sheet's layout, and the misuse it refuses.
 */
class XlsxWriterTests {

	private static final Font BODY = new Font("宋体", 11, false, null, 134);

	private static final SheetSetup PLAIN = new SheetSetup(new int[] { 10, 20, 30 }, 1, 2, 0, false, 2, "第 &P 页");

	@Test
	void writesTextNumbersAndBlanksAsTheirTypes() throws IOException {
		// given
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (XlsxWriter writer = new XlsxWriter(bytes, BODY, 1, "tests")) {
			int style = writer.style(CellStyle.of(BODY).withBorder().withFormat("#,##0"));
			XlsxSheet sheet = writer.sheet("表一", PLAIN);
			sheet.row(0).text(0, "单位", 0).number(1, 1_234_567L, style).number(2, 0.125, style).endRow(0, 0);
			sheet.row(3).text(0, null, style).blank(1, style).number(2, Double.NaN, style).endRow(30, 0);
			// when
			writer.finish();
		}
		// then
		try (XSSFWorkbook workbook = read(bytes)) {
			XSSFSheet sheet = workbook.getSheet("表一");
			XSSFRow first = sheet.getRow(0);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo("单位");
			assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(1_234_567d);
			assertThat(first.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(0.125);
			assertThat((Object) sheet.getRow(1)).isNull();
			XSSFRow fourth = sheet.getRow(3);
			assertThat(fourth.getHeightInPoints()).isEqualTo(30f);
			for (int column = 0; column < 3; column++) {
				assertThat(fourth.getCell(column).getCellType()).isEqualTo(CellType.BLANK);
				assertThat(fourth.getCell(column).getCellStyle().getBorderTop())
					.isEqualTo(org.apache.poi.ss.usermodel.BorderStyle.THIN);
			}
		}
	}

	@Test
	void keepsTextAsItWasSentWhateverItHolds() throws IOException {
		// given
		String[] texts = { "<b>&amp;\"引号\"'", "=SUM(A1:A9)", "  前后空格  ", "第一行\n第二行", "_x0041_不是A", "𠀀生僻字",
				"+cmd|' /C calc'!A0" };
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (XlsxWriter writer = new XlsxWriter(bytes, BODY, 1, "tests")) {
			XlsxSheet sheet = writer.sheet("文本", PLAIN);
			for (int i = 0; i < texts.length; i++) {
				sheet.row(i).text(0, texts[i], 0).endRow(0, 0);
			}
			sheet.row(texts.length).text(0, "NUL\u0000与\u0007控制符\ud800", 0).endRow(0, 0);
			// when
			writer.finish();
		}
		// then
		try (XSSFWorkbook workbook = read(bytes)) {
			XSSFSheet sheet = workbook.getSheet("文本");
			for (int i = 0; i < texts.length; i++) {
				XSSFCell cell = sheet.getRow(i).getCell(0);
				assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
				assertThat(cell.getCTCell().isSetF()).isFalse();
				assertThat(cell.getStringCellValue()).isEqualTo(texts[i]);
			}
			assertThat(sheet.getRow(texts.length).getCell(0).getStringCellValue()).isEqualTo("NUL?与?控制符?");
		}
	}

	@Test
	void laysTheSheetOutForScreenAndPrint() throws IOException {
		// given
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		SheetSetup outlined = new SheetSetup(new int[] { 12, 36 }, 0, 2, 2, true, 2, "第 &P 页 共 &N 页");
		try (XlsxWriter writer = new XlsxWriter(bytes, BODY, 1, "tests")) {
			XlsxSheet first = writer.sheet("甲", PLAIN);
			first.row(0).text(0, "标题", 0).blank(1, 0).endRow(0, 0);
			first.merge(0, 0, 0, 2);
			first.autoFilter(1, 0, 5, 2);
			XlsxSheet second = writer.sheet("乙's", outlined);
			second.row(0).text(0, "上级", 0).endRow(0, 0);
			second.row(1).text(0, "下级", 0).endRow(0, 1);
			second.row(2).text(0, "再下级", 0).endRow(0, 2);
			// when
			writer.finish();
		}
		// then
		try (XSSFWorkbook workbook = read(bytes)) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
			XSSFSheet first = workbook.getSheetAt(0);
			assertThat(first.getMergedRegions()).containsExactly(CellRangeAddress.valueOf("A1:C1"));
			assertThat(first.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:C6");
			assertThat(first.getPaneInformation().isFreezePane()).isTrue();
			assertThat(first.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 1);
			assertThat(first.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 2);
			assertThat(first.getColumnWidth(1)).isEqualTo(20 * 256);
			assertThat(first.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:2"));
			assertThat(first.getFooter().getCenter()).isEqualTo("第 &P 页");
			assertThat(first.getPrintSetup().getLandscape()).isTrue();
			XSSFSheet second = workbook.getSheet("乙's");
			assertThat(second.getRow(1).getOutlineLevel()).isEqualTo(1);
			assertThat(second.getRow(2).getOutlineLevel()).isEqualTo(2);
			assertThat(second.getCTWorksheet().getSheetFormatPr().getOutlineLevelRow()).isEqualTo((short) 2);
			assertThat(second.getCTWorksheet().getSheetPr().getOutlinePr().getSummaryBelow()).isFalse();
			assertThat(second.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:2"));
		}
	}

	@Test
	void registersEachStyleOnce() throws IOException {
		try (XlsxWriter writer = new XlsxWriter(new ByteArrayOutputStream(), BODY, 1, "tests")) {
			CellStyle bold = CellStyle.of(BODY.emboldened()).withBorder();
			int index = writer.style(bold);
			assertThat(writer.style(CellStyle.of(BODY.emboldened()).withBorder())).isEqualTo(index);
			assertThat(writer.style(bold.withWrap())).isNotEqualTo(index);
			assertThat(writer.style(CellStyle.of(BODY))).isZero();
		}
	}

	@Test
	void refusesRowsOutOfOrderAndNamesExcelDoesNotAllow() throws IOException {
		try (XlsxWriter writer = new XlsxWriter(new ByteArrayOutputStream(), BODY, 1, "tests")) {
			XlsxSheet sheet = writer.sheet("表", PLAIN);
			sheet.row(5).text(1, "x", 0);
			assertThatIllegalArgumentException().isThrownBy(() -> sheet.text(1, "y", 0));
			assertThatIllegalStateException().isThrownBy(() -> sheet.row(6));
			sheet.endRow(0, 0);
			assertThatIllegalArgumentException().isThrownBy(() -> sheet.row(5));
			assertThatIllegalArgumentException().isThrownBy(() -> sheet.row(XlsxSheet.MAX_ROWS));
			assertThatIllegalArgumentException().isThrownBy(() -> writer.sheet("表", PLAIN));
			assertThatIllegalArgumentException().isThrownBy(() -> writer.sheet("a/b", PLAIN));
			assertThatIllegalArgumentException().isThrownBy(() -> writer.sheet("名".repeat(32), PLAIN));
		}
	}

	@Test
	void placesSheetsWrittenOnAnotherThreadWhereTheirSectionWasOpened(@TempDir Path folder) throws Exception {
		// given: a section opened after the first sheet, written while the writer takes
		// the last
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Path base = folder.resolve(".book.xlsx.tmp");
		try (XlsxWriter writer = new XlsxWriter(bytes, BODY, 1, "tests", base)) {
			writer.sheet("一", PLAIN).row(0).text(0, "first", 0).endRow(0, 0);
			XlsxWriter.Section section = writer.section();
			List<String> keptApart = new ArrayList<>();
			Thread other = new Thread(() -> {
				try {
					XlsxSheet a = section.sheet("二甲", PLAIN);
					for (int i = 0; i < 5000; i++) {
						a.row(i).number(0, i, 0).text(1, "甲" + i, 0).endRow(0, 0);
					}
					try (Stream<Path> files = Files.list(folder)) {
						files.forEach((file) -> keptApart.add(file.getFileName().toString()));
					}
					section.sheet("二乙", PLAIN).row(0).text(0, "乙", 0).endRow(0, 0);
					section.finish();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			other.start();
			XlsxSheet last = writer.sheet("三", PLAIN);
			for (int i = 0; i < 5000; i++) {
				last.row(i).number(0, -i, 0).endRow(0, 0);
			}
			other.join();
			// when
			writer.finish();
			// then: the section's sheet was kept in a hidden file beside the workbook
			assertThat(keptApart).containsExactly(".book.xlsx.tmp.section1-sheet1.tmp");
		}
		// then: in the section's place, whole, and the files are gone
		try (XSSFWorkbook workbook = read(bytes)) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
			assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
					workbook.getSheetName(3)))
				.containsExactly("一", "二甲", "二乙", "三");
			XSSFSheet a = workbook.getSheet("二甲");
			assertThat(a.getLastRowNum()).isEqualTo(4999);
			assertThat(a.getRow(4999).getCell(1).getStringCellValue()).isEqualTo("甲4999");
			assertThat(workbook.getSheet("二乙").getRow(0).getCell(0).getStringCellValue()).isEqualTo("乙");
			assertThat(workbook.getSheet("三").getRow(4999).getCell(0).getNumericCellValue()).isEqualTo(-4999d);
			assertThat(workbook.isSheetHidden(1)).isFalse();
		}
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void selectsTheFirstSheetOnlyWhenASectionComesFirst() throws IOException {
		// given: two sections opened before any sheet, the second begun first
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (XlsxWriter writer = new XlsxWriter(bytes, BODY, 1, "tests")) {
			XlsxWriter.Section first = writer.section();
			XlsxWriter.Section second = writer.section();
			second.sheet("二", PLAIN).row(0).text(0, "b", 0).endRow(0, 0);
			first.sheet("一", PLAIN).row(0).text(0, "a", 0).endRow(0, 0);
			first.sheet("一续", PLAIN).row(0).text(0, "a2", 0).endRow(0, 0);
			first.finish();
			second.finish();
			writer.sheet("三", PLAIN).row(0).text(0, "c", 0).endRow(0, 0);
			// when
			writer.finish();
		}
		// then
		try (XSSFWorkbook workbook = read(bytes)) {
			assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
					workbook.getSheetName(3)))
				.containsExactly("一", "一续", "二", "三");
			assertThat(List.of(workbook.getSheetAt(0).isSelected(), workbook.getSheetAt(1).isSelected(),
					workbook.getSheetAt(2).isSelected(), workbook.getSheetAt(3).isSelected()))
				.containsExactly(true, false, false, false);
		}
	}

	@Test
	void deletesTheSectionsFilesOfAWorkbookGivenUp(@TempDir Path folder) throws IOException {
		Path base = folder.resolve(".book.xlsx.tmp");
		try (XlsxWriter writer = new XlsxWriter(new ByteArrayOutputStream(), BODY, 1, "tests", base)) {
			writer.sheet("一", PLAIN);
			writer.section().sheet("二", PLAIN).row(0).text(0, "half", 0).endRow(0, 0);
			try (Stream<Path> files = Files.list(folder)) {
				assertThat(files).hasSize(1);
			}
		}
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files).isEmpty();
		}
	}

	private static XSSFWorkbook read(ByteArrayOutputStream bytes) throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
	}

}
