package org.tallyrollup.template;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.tallyrollup.tally.TallyColumn;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateWriterTests {

	static final TemplateContent CONTENT = new TemplateContent("0101", "中共城东区委", "2023-11",
			List.of(new TemplateUnit("0101", "中共城东区委", 0), new TemplateUnit("010101", "东湖社区党支部", 1),
					new TemplateUnit("010102", "桂花社区党支部", 1)),
			true);

	@Test
	void putsTheTitleAndTheCanonicalHeaderAboveOneLockedRowPerUnit() throws IOException {
		// when
		try (XSSFWorkbook workbook = read(write(CONTENT))) {
			// then
			assertThat(workbook.getSheetName(0)).isEqualTo("统计表");
			assertThat(workbook.getSheetName(1)).isEqualTo("填表说明");
			XSSFSheet sheet = workbook.getSheet("统计表");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("中共城东区委", "2023-11");
			List<String> header = texts(sheet.getRow(2));
			assertThat(header)
				.containsExactlyElementsOf(TemplateWriter.columns(true).stream().map(TallyColumn::header).toList());
			assertThat(header).startsWith("单位编码", "单位名称", "报告期", "党支部数", "党员数", "检视问题数", "整改措施数", "已完成整改数")
				.endsWith("调研课题数", "建章立制数", "备注")
				.hasSize(17);
			assertThat(texts(sheet.getRow(3)).subList(0, 3)).containsExactly("0101", "中共城东区委", "2023-11");
			assertThat(texts(sheet.getRow(5)).subList(0, 3)).containsExactly("010102", "桂花社区党支部", "2023-11");
			assertThat(sheet.getLastRowNum()).isEqualTo(5);
			assertThat(sheet.getRow(4).getCell(1).getCellStyle().getIndention()).isEqualTo((short) 1);
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
		}
	}

	@Test
	void writesUnitNamesAndCodesThatLookLikeFormulasAsText() throws IOException {
		// given: a registry's names are data, whatever they look like
		String hyperlink = "=HYPERLINK(\"http://example.invalid\",\"点此\")";
		TemplateContent content = new TemplateContent("@0101", hyperlink, "2023-11",
				List.of(new TemplateUnit("@0101", hyperlink, 0), new TemplateUnit("-1+2", "+cmd|' /C calc'!A0", 1)),
				true);
		// when
		try (XSSFWorkbook workbook = read(write(content))) {
			// then
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
					}
				}
			}
			XSSFSheet sheet = workbook.getSheet("统计表");
			assertThat(texts(sheet.getRow(3)).subList(0, 2)).containsExactly("@0101", hyperlink);
			assertThat(texts(sheet.getRow(4)).subList(0, 2)).containsExactly("-1+2", "+cmd|' /C calc'!A0");
			assertThat(sheet.getRow(4).getCell(1).getCellType()).isEqualTo(CellType.STRING);
		}
	}

	@Test
	void protectsTheSheetWithOnlyTheCountAndRemarkCellsOpen() throws IOException {
		// when
		try (XSSFWorkbook workbook = read(write(CONTENT))) {
			// then
			XSSFSheet sheet = workbook.getSheet("统计表");
			assertThat(sheet.getProtect()).isTrue();
			Row row = sheet.getRow(3);
			assertThat(row.getCell(0).getCellStyle().getLocked()).isTrue();
			assertThat(row.getCell(1).getCellStyle().getLocked()).isTrue();
			assertThat(row.getCell(2).getCellStyle().getLocked()).isTrue();
			for (int column = 3; column < 17; column++) {
				assertThat(row.getCell(column).getCellStyle().getLocked()).as("column %d", column).isFalse();
			}
			assertThat(sheet.getRow(2).getCell(3).getCellStyle().getLocked()).isTrue();
		}
	}

	@Test
	void carriesExcelsValidationOfEveryCountCellInTheSheetXml() throws Exception {
		// when
		Document sheet = sheetXml(write(CONTENT), "xl/worksheets/sheet1.xml");
		// then: D党支部数 E党员数 F检视问题数 G整改措施数 H已完成整改数 I–N categories O调研 P建章
		Map<String, Element> bySqref = new TreeMap<>();
		NodeList validations = sheet.getElementsByTagNameNS("*", "dataValidation");
		for (int i = 0; i < validations.getLength(); i++) {
			Element validation = (Element) validations.item(i);
			bySqref.put(validation.getAttribute("sqref"), validation);
		}
		assertThat(bySqref).containsOnlyKeys("D4:D6", "E4:E6", "F4:F6", "G4:G6", "H4:H6", "I4:N6", "O4:O6", "P4:P6");
		for (String plain : List.of("D4:D6", "E4:E6", "G4:G6", "O4:O6", "P4:P6")) {
			assertValidation(bySqref.get(plain), "greaterThanOrEqual", "0", null);
		}
		assertValidation(bySqref.get("H4:H6"), "between", "0", "$G4");
		assertValidation(bySqref.get("F4:F6"), "greaterThanOrEqual", "SUM($I4:$N4)", null);
		assertValidation(bySqref.get("I4:N6"), "between", "0", "$F4-SUM($I4:$N4)+I4");
		assertThat(bySqref.get("H4:H6").getAttribute("prompt")).contains("不大于整改措施数");
		assertThat(bySqref.get("H4:H6").getAttribute("error")).contains("不大于整改措施数");
		Element protection = (Element) sheet.getElementsByTagNameNS("*", "sheetProtection").item(0);
		assertThat(protection.getAttribute("sheet")).isIn("1", "true");
		assertThat(protection.hasAttribute("password")).isFalse();
		Element rule = (Element) sheet.getElementsByTagNameNS("*", "cfRule").item(0);
		assertThat(rule.getTextContent()).isEqualTo("SUM($I4:$N4)<>SUM($F4)");
		assertThat(((Element) rule.getParentNode()).getAttribute("sqref")).isEqualTo("F4:F6 I4:N6");
	}

	@Test
	void leavesTheCategoriesOutWhenAskedTo() throws Exception {
		// given
		TemplateContent plain = new TemplateContent("0101", "中共城东区委", "2023-11", CONTENT.units(), false);
		// when
		byte[] file = write(plain);
		// then
		try (XSSFWorkbook workbook = read(file)) {
			assertThat(texts(workbook.getSheet("统计表").getRow(2))).doesNotContain("党中央关心关注问题数", "其他问题数")
				.contains("检视问题数", "调研课题数");
		}
		Document sheet = sheetXml(file, "xl/worksheets/sheet1.xml");
		for (int i = 0; i < sheet.getElementsByTagNameNS("*", "dataValidation").getLength(); i++) {
			Element validation = (Element) sheet.getElementsByTagNameNS("*", "dataValidation").item(i);
			if (validation.getAttribute("sqref").equals("F4:F6")) {
				assertValidation(validation, "greaterThanOrEqual", "0", null);
			}
		}
		assertThat(sheet.getElementsByTagNameNS("*", "cfRule").getLength()).isZero();
	}

	@Test
	void explainsTheSheetOnAGuideWithoutAHeaderThatCarriesTheMarker() throws IOException {
		// when
		try (XSSFWorkbook workbook = read(write(CONTENT))) {
			// then
			XSSFSheet guide = workbook.getSheet("填表说明");
			List<String> lines = new ArrayList<>();
			for (Row row : guide) {
				lines.add(String.join("|", texts(row)));
			}
			assertThat(lines).contains("生成程序|tally-rollup 填报模板");
			assertThat(String.join("\n", lines)).contains("留空", "未报送", "不能大于整改措施数", "等于检视问题数");
			assertThat(lines).noneMatch((line) -> line.contains("单位编码|"));
		}
	}

	private static void assertValidation(Element validation, String operator, String formula1, String formula2) {
		assertThat(validation.getAttribute("type")).isEqualTo("whole");
		assertThat(validation.getAttribute("operator").isEmpty() ? "between" : validation.getAttribute("operator"))
			.isEqualTo(operator);
		assertThat(text(validation, "formula1")).isEqualTo(formula1);
		assertThat(text(validation, "formula2")).isEqualTo(formula2);
		assertThat(validation.getAttribute("allowBlank")).isIn("1", "true");
		assertThat(validation.getAttribute("showInputMessage")).isIn("1", "true");
		assertThat(validation.getAttribute("showErrorMessage")).isIn("1", "true");
		assertThat(validation.getAttribute("errorStyle")).isIn("", "stop");
		assertThat(validation.getAttribute("promptTitle")).isNotEmpty();
		assertThat(validation.getAttribute("prompt")).isNotEmpty();
	}

	private static String text(Element parent, String name) {
		NodeList nodes = parent.getElementsByTagNameNS("*", name);
		return (nodes.getLength() == 0) ? null : nodes.item(0).getTextContent();
	}

	static byte[] write(TemplateContent content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TemplateWriter.write(content, out);
		return out.toByteArray();
	}

	static XSSFWorkbook read(byte[] file) throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(file));
	}

	static Document sheetXml(byte[] file, String part) throws Exception {
		Path copy = Files.createTempFile("template", ".xlsx");
		try {
			Files.write(copy, file);
			try (ZipFile zip = new ZipFile(copy.toFile()); InputStream in = zip.getInputStream(zip.getEntry(part))) {
				DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
				factory.setNamespaceAware(true);
				return factory.newDocumentBuilder().parse(in);
			}
		}
		finally {
			Files.delete(copy);
		}
	}

	static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		for (Cell cell : row) {
			if (cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isEmpty()) {
				texts.add(cell.getStringCellValue());
			}
		}
		return texts;
	}

}
