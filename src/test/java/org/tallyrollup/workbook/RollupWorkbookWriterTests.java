package org.tallyrollup.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tallyrollup.narrative.UnitNarrative;
import org.tallyrollup.rollup.ComparedTotals;
import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.tally.AcceptedRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RollupWorkbookWriterTests {

	private static final List<String> COUNT_HEADERS = List.of("党支部数", "党员数", "检视问题数", "整改措施数", "已完成整改数", "党中央关心关注问题数",
			"制约高质量发展问题数", "群众急难愁盼问题数", "防范化解重大风险问题数", "全面从严治党问题数", "其他问题数", "调研课题数", "建章立制数");

	private static final List<String> RATE_HEADERS = List.of("整改完成率", "应报单位数", "已报单位数", "报送率");

	private static final List<String> CHANGE_HEADERS = List.of("检视问题数较上期", "整改措施数较上期", "已完成整改数较上期", "整改完成率较上期（百分点）");

	@TempDir
	Path folder;

	@Test
	void writesTheSixSheetsInOrder() throws IOException {
		// given
		Path target = this.folder.resolve("output/2023-11/rollup_2023-11.xlsx");
		// when
		new RollupWorkbookWriter().write(SampleSource.sample(), target);
		// then
		try (XSSFWorkbook workbook = read(target)) {
			assertThat(sheetNames(workbook)).containsExactly("汇总", "分级汇总", "明细", "未报送", "校验问题", "运行信息", "综述");
			assertThat(sheetNames(workbook)).containsExactlyElementsOf(WorkbookSheets.ALL);
		}
	}

	@Test
	void putsTheSpecHeadersInRowTwoUnderATitle() throws IOException {
		// given
		Path target = this.folder.resolve("rollup.xlsx");
		// when
		new RollupWorkbookWriter().write(SampleSource.sample(), target);
		// then
		try (XSSFWorkbook workbook = read(target)) {
			assertThat(texts(workbook.getSheet("汇总").getRow(1))).containsExactlyElementsOf(
					concat(List.of("单位编码", "单位名称"), COUNT_HEADERS, RATE_HEADERS, CHANGE_HEADERS));
			assertThat(texts(workbook.getSheet("分级汇总").getRow(1))).containsExactlyElementsOf(
					concat(List.of("单位编码", "单位名称", "层级", "上级单位编码"), COUNT_HEADERS, RATE_HEADERS, CHANGE_HEADERS));
			assertThat(texts(workbook.getSheet("明细").getRow(1))).containsExactlyElementsOf(
					concat(List.of("单位编码", "单位名称"), COUNT_HEADERS, List.of("来源文件", "工作表", "行号")));
			assertThat(texts(workbook.getSheet("未报送").getRow(1))).containsExactly("单位编码", "单位名称", "上级单位编码", "上级单位名称");
			assertThat(texts(workbook.getSheet("校验问题").getRow(1))).containsExactly("级别", "规则", "文件", "工作表", "行号",
					"单位编码", "列", "原值", "说明");
			assertThat(texts(workbook.getSheet("运行信息").getRow(1))).containsExactly("项目", "内容");
			assertThat(workbook.getSheet("汇总").getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("2023-11 主题教育检视整改进展汇总表");
			assertThat(workbook.getSheet("分级汇总").getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("2023-11 主题教育检视整改进展分级汇总表");
			assertThat(workbook.getSheet("明细").getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("2023-11 主题教育检视整改进展报送明细");
			assertThat(workbook.getSheet("未报送").getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("2023-11 主题教育检视整改进展未报送单位");
			assertThat(workbook.getSheet("校验问题").getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("2023-11 主题教育检视整改进展校验问题清单");
			assertThat(workbook.getSheet("运行信息").getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("2023-11 主题教育检视整改进展运行信息");
			XSSFSheet summary = workbook.getSheet("汇总");
			assertThat(summary.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, 22));
			assertThat(workbook.getFontAt(summary.getRow(0).getCell(0).getCellStyle().getFontIndex()).getFontName())
				.isEqualTo("黑体");
			assertThat(workbook.getFontAt(summary.getRow(1).getCell(0).getCellStyle().getFontIndex()).getBold())
				.isTrue();
			assertThat(workbook.getFontAt(summary.getRow(3).getCell(1).getCellStyle().getFontIndex()).getFontName())
				.isEqualTo("宋体");
		}
	}

	@Test
	void writesSummaryRowsWithNumericCountsAndPercentRates() throws IOException {
		// given
		Path target = this.folder.resolve("rollup.xlsx");
		// when
		new RollupWorkbookWriter().write(SampleSource.sample(), target);
		// then
		try (XSSFWorkbook workbook = read(target)) {
			XSSFSheet sheet = workbook.getSheet("汇总");
			assertThat(column(sheet, 0)).containsExactly("0001", "000101", "000102", "0002", "000201");
			XSSFRow root = sheet.getRow(2);
			XSSFCell issues = root.getCell(4);
			assertThat(issues.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(issues.getNumericCellValue()).isEqualTo(40);
			assertThat(root.getCell(2).getNumericCellValue()).isEqualTo(1);
			assertThat(root.getCell(14).getNumericCellValue()).isEqualTo(13);
			XSSFCell completion = root.getCell(15);
			assertThat(completion.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(completion.getNumericCellValue()).isEqualTo(20.0 / 30);
			assertThat(completion.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
			assertThat(root.getCell(16).getNumericCellValue()).isEqualTo(2);
			assertThat(root.getCell(17).getNumericCellValue()).isEqualTo(2);
			assertThat(root.getCell(18).getNumericCellValue()).isEqualTo(1.0);
			assertThat(root.getCell(18).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
			assertThat(workbook.getFontAt(root.getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(workbook.getFontAt(sheet.getRow(3).getCell(1).getCellStyle().getFontIndex()).getBold())
				.isFalse();
			XSSFRow noMeasures = sheet.getRow(5);
			assertThat(noMeasures.getCell(0).getStringCellValue()).isEqualTo("0002");
			assertThat(noMeasures.getCell(15).getCellType()).isEqualTo(CellType.BLANK);
			assertThat(noMeasures.getCell(15).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
			assertThat(noMeasures.getCell(18).getNumericCellValue()).isZero();
		}
	}

	@Test
	void writesTheChangeSincePreviousPeriodAfterTheSpecColumns() throws IOException {
		// given: 0001 had 30 issues, 25 measures and 10 completed (40.00%) last period
		Path target = this.folder.resolve("rollup.xlsx");
		SampleSource source = SampleSource.sample().previous("0001", 30, 25, 10).previous("000101", 25, 0, 0);
		// when
		new RollupWorkbookWriter().write(source, target);
		// then
		try (XSSFWorkbook workbook = read(target)) {
			XSSFSheet summary = workbook.getSheet("汇总");
			XSSFRow root = summary.getRow(2);
			assertThat(root.getCell(19).getNumericCellValue()).isEqualTo(10);
			assertThat(root.getCell(20).getNumericCellValue()).isEqualTo(5);
			assertThat(root.getCell(21).getNumericCellValue()).isEqualTo(10);
			assertThat(root.getCell(22).getNumericCellValue()).isEqualTo(26.67);
			assertThat(root.getCell(19).getCellStyle().getDataFormatString()).isEqualTo("+#,##0;-#,##0;0");
			assertThat(root.getCell(22).getCellStyle().getDataFormatString()).isEqualTo("+0.00;-0.00;0.00");
			XSSFRow noMeasuresThen = summary.getRow(3);
			assertThat(noMeasuresThen.getCell(20).getNumericCellValue()).isEqualTo(20);
			assertThat(noMeasuresThen.getCell(22).getCellType()).isEqualTo(CellType.BLANK);
			XSSFRow newUnit = summary.getRow(4);
			assertThat(newUnit.getCell(19).getCellType()).isEqualTo(CellType.BLANK);
			assertThat(newUnit.getCell(22).getCellType()).isEqualTo(CellType.BLANK);
			XSSFRow hierarchyRoot = workbook.getSheet("分级汇总").getRow(2);
			assertThat(hierarchyRoot.getCell(21).getNumericCellValue()).isEqualTo(10);
			assertThat(hierarchyRoot.getCell(24).getNumericCellValue()).isEqualTo(26.67);
		}
	}

	@Test
	void leavesTheReportingRateBlankWhereNoUnitMustReport() throws IOException {
		// given
		Path target = this.folder.resolve("rollup.xlsx");
		// when
		new RollupWorkbookWriter().write(SampleSource.sample(), target);
		// then
		try (XSSFWorkbook workbook = read(target)) {
			XSSFRow unit = rowOf(workbook.getSheet("分级汇总"), "00010102");
			assertThat(unit.getCell(4 + 13).getCellType()).isEqualTo(CellType.BLANK);
			assertThat(unit.getCell(4 + 16).getCellType()).isEqualTo(CellType.BLANK);
			assertThat(unit.getCell(4 + 16).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
		}
	}

	@Test
	void freezesUnderTheHeaderAndFiltersHeaderAndData() throws IOException {
		// given
		Path target = this.folder.resolve("rollup.xlsx");
		// when
		new RollupWorkbookWriter().write(SampleSource.sample(), target);
		// then
		try (XSSFWorkbook workbook = read(target)) {
			assertFrozen(workbook.getSheet("汇总"), 2, 2);
			assertFrozen(workbook.getSheet("分级汇总"), 2, 2);
			assertFrozen(workbook.getSheet("明细"), 2, 2);
			assertFrozen(workbook.getSheet("未报送"), 2, 0);
			assertFrozen(workbook.getSheet("校验问题"), 2, 0);
			assertFrozen(workbook.getSheet("运行信息"), 2, 0);
			assertThat(autoFilter(workbook.getSheet("汇总"))).isEqualTo("A2:W7");
			assertThat(autoFilter(workbook.getSheet("分级汇总"))).isEqualTo("A2:Y11");
			assertThat(autoFilter(workbook.getSheet("明细"))).isEqualTo("A2:R4");
			assertThat(autoFilter(workbook.getSheet("未报送"))).isEqualTo("A2:D3");
			assertThat(autoFilter(workbook.getSheet("校验问题"))).isEqualTo("A2:I5");
			assertThat(autoFilter(workbook.getSheet("运行信息"))).isEqualTo("A2:B17");
		}
	}

	@Test
	void setsUpEverySheetForPrinting() throws IOException {
		// given
		Path target = this.folder.resolve("rollup.xlsx");
		// when
		new RollupWorkbookWriter().write(SampleSource.sample(), target);
		// then
		try (XSSFWorkbook workbook = read(target)) {
			for (String name : WorkbookSheets.ALL) {
				XSSFSheet sheet = workbook.getSheet(name);
				PrintSetup print = sheet.getPrintSetup();
				assertThat(print.getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
				assertThat(print.getLandscape()).as(name).isTrue();
				assertThat(sheet.getFitToPage()).as(name).isTrue();
				assertThat(print.getFitWidth()).as(name).isEqualTo((short) 1);
				assertThat(print.getFitHeight()).as(name).isZero();
				assertThat(sheet.getRepeatingRows()).as(name).isEqualTo(CellRangeAddress.valueOf("1:2"));
				assertThat(sheet.getFooter().getCenter()).as(name).isEqualTo("第 &P 页 共 &N 页");
				assertThat(sheet.getColumnWidth(0)).as(name).isGreaterThan(5 * 256);
			}
		}
	}

	@Test
	void indentsAndOutlinesTheHierarchyByLevel() throws IOException {
		// given
		Path target = this.folder.resolve("rollup.xlsx");
		// when
		new RollupWorkbookWriter().write(SampleSource.sample(), target);
		// then
		try (XSSFWorkbook workbook = read(target)) {
			XSSFSheet sheet = workbook.getSheet("分级汇总");
			assertThat(column(sheet, 0)).containsExactly("0001", "000101", "00010101", "00010102", "000102", "00010201",
					"0001020101", "0002", "000201");
			List<Integer> levels = new ArrayList<>();
			List<Integer> outlines = new ArrayList<>();
			List<Short> indents = new ArrayList<>();
			for (int i = 2; i <= sheet.getLastRowNum(); i++) {
				XSSFRow row = sheet.getRow(i);
				levels.add((int) row.getCell(2).getNumericCellValue());
				outlines.add(row.getOutlineLevel());
				indents.add(row.getCell(1).getCellStyle().getIndention());
			}
			assertThat(levels).containsExactly(1, 2, 3, 3, 2, 3, 4, 1, 2);
			assertThat(outlines).containsExactly(0, 1, 2, 2, 1, 2, 3, 0, 1);
			assertThat(indents).containsExactly((short) 0, (short) 1, (short) 2, (short) 2, (short) 1, (short) 2,
					(short) 3, (short) 0, (short) 1);
			assertThat(sheet.getRow(0).getOutlineLevel()).isZero();
			assertThat(sheet.getRow(1).getOutlineLevel()).isZero();
			assertThat(sheet.getCTWorksheet().getSheetPr().getOutlinePr().getSummaryBelow()).isFalse();
			assertThat(sheet.getCTWorksheet().getSheetFormatPr().getOutlineLevelRow()).isEqualTo((short) 3);
			XSSFRow branch = rowOf(sheet, "00010101");
			assertThat(branch.getCell(1).getStringCellValue()).isEqualTo("综合处党支部");
			assertThat(branch.getCell(3).getStringCellValue()).isEqualTo("000101");
			assertThat(rowOf(sheet, "0001").getCell(3).getCellType()).isEqualTo(CellType.BLANK);
			assertThat(workbook.getFontAt(rowOf(sheet, "0002").getCell(1).getCellStyle().getFontIndex()).getBold())
				.isTrue();
			assertThat(workbook.getFontAt(branch.getCell(1).getCellStyle().getFontIndex()).getBold()).isFalse();
		}
	}

	@Test
	void capsTheOutlineAtExcelsSevenLevels() throws IOException {
		// given
		List<UnitTotals> chain = new ArrayList<>();
		for (int level = 1; level <= 10; level++) {
			chain.add(SampleSource.unit("L" + level, "第" + level + "级", level, (level == 1) ? null : "L" + (level - 1),
					1, 1, 1, 1, 1));
		}
		SampleSource source = new SampleSource(chain, List.of(), List.of(), List.of(), SampleSource.sample().runInfo());
		Path target = this.folder.resolve("rollup.xlsx");
		// when
		new RollupWorkbookWriter().write(source, target);
		// then
		try (XSSFWorkbook workbook = read(target)) {
			XSSFSheet sheet = workbook.getSheet("分级汇总");
			List<Integer> outlines = new ArrayList<>();
			for (int i = 2; i <= sheet.getLastRowNum(); i++) {
				outlines.add(sheet.getRow(i).getOutlineLevel());
			}
			assertThat(outlines).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 7, 7);
			assertThat(rowOf(sheet, "L10").getCell(1).getCellStyle().getIndention()).isEqualTo((short) 9);
		}
	}

	@Test
	void writesFormulaLookingTextAsPlainStrings() throws IOException {
		// given
		Path target = this.folder.resolve("rollup.xlsx");
		// when
		new RollupWorkbookWriter().write(SampleSource.sample(), target);
		// then
		try (XSSFWorkbook workbook = read(target)) {
			XSSFSheet hierarchy = workbook.getSheet("分级汇总");
			assertPlainText(rowOf(hierarchy, "000102").getCell(1), SampleSource.HYPERLINK);
			assertPlainText(rowOf(hierarchy, "00010102").getCell(1), SampleSource.DDE);
			assertPlainText(rowOf(hierarchy, "0001020101").getCell(1), SampleSource.AT_SUM);
			assertPlainText(rowOf(hierarchy, "000201").getCell(1), SampleSource.MINUS);
			assertPlainText(rowOf(workbook.getSheet("汇总"), "000102").getCell(1), SampleSource.HYPERLINK);
			assertPlainText(rowOf(workbook.getSheet("明细"), "0001020101").getCell(1), SampleSource.AT_SUM);
			assertPlainText(rowOf(workbook.getSheet("明细"), "0001020101").getCell(15), "=cmd.xlsx");
			assertPlainText(rowOf(workbook.getSheet("未报送"), "000201").getCell(1), SampleSource.MINUS);
			assertPlainText(workbook.getSheet("校验问题").getRow(3).getCell(7), "@SUM(2)");
			for (XSSFSheet sheet : sheets(workbook)) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
							.isNotEqualTo(CellType.FORMULA);
					}
				}
			}
		}
	}

	@Test
	void writesDetailsMissingUnitsAndFindings() throws IOException {
		// given
		Path target = this.folder.resolve("rollup.xlsx");
		// when
		new RollupWorkbookWriter().write(SampleSource.sample(), target);
		// then
		try (XSSFWorkbook workbook = read(target)) {
			XSSFRow detail = workbook.getSheet("明细").getRow(2);
			assertThat(detail.getCell(0).getStringCellValue()).isEqualTo("00010101");
			assertThat(detail.getCell(4).getNumericCellValue()).isEqualTo(25);
			assertThat(detail.getCell(15).getStringCellValue()).isEqualTo("机关/发改委.xlsx");
			assertThat(detail.getCell(16).getStringCellValue()).isEqualTo("Sheet1");
			assertThat(detail.getCell(17).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(detail.getCell(17).getNumericCellValue()).isEqualTo(5);
			assertThat(texts(workbook.getSheet("未报送").getRow(2))).containsExactly("000201", SampleSource.MINUS, "0002",
					"中共某区委员会");
			XSSFSheet findings = workbook.getSheet("校验问题");
			assertThat(texts(findings.getRow(2))).containsExactly("错误", "R3", "机关/发改委.xlsx", "Sheet1", "00010102",
					"检视问题数", "十二", "检视问题数“十二”不是非负整数");
			assertThat(findings.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(6);
			assertThat(findings.getRow(3).getCell(0).getStringCellValue()).isEqualTo("警告");
			assertThat(findings.getRow(3).getCell(1).getStringCellValue()).isEqualTo("W1");
			XSSFRow wholeFile = findings.getRow(4);
			assertThat(texts(wholeFile)).containsExactly("错误", "F1", "坏文件.xlsx", "文件已损坏");
			assertThat(wholeFile.getCell(4).getCellType()).isEqualTo(CellType.BLANK);
			assertThat(findings.getRow(2).getCell(0).getCellStyle().getFillForegroundColorColor())
				.isNotEqualTo(findings.getRow(3).getCell(0).getCellStyle().getFillForegroundColorColor());
		}
	}

	@Test
	void writesTheRunInformation() throws IOException {
		// given
		Path target = this.folder.resolve("rollup.xlsx");
		// when
		new RollupWorkbookWriter().write(SampleSource.sample(), target);
		// then
		try (XSSFWorkbook workbook = read(target)) {
			XSSFSheet sheet = workbook.getSheet("运行信息");
			List<List<String>> rows = new ArrayList<>();
			for (int i = 2; i <= sheet.getLastRowNum(); i++) {
				rows.add(values(sheet.getRow(i)));
			}
			assertThat(rows).startsWith(List.of("生成程序", "tally-rollup"), List.of("报告期", "2023-11"),
					List.of("开始时间", "2023-11-30 09:00:00 +08:00"), List.of("结束时间", "2023-11-30 09:01:15 +08:00"),
					List.of("单位名册", "units.csv"), List.of("单位名册SHA-256", "ab".repeat(32)), List.of("名册单位数", "9"),
					List.of("较上期对比的报告期", "2023-10"), List.of("输入文件数", "3"), List.of("读取行数", "6"), List.of("接受行数", "2"),
					List.of("拒绝行数", "1"), List.of("被替代行数", "0"), List.of("跳过行数", "3"),
					List.of("读取行数 = 接受 + 拒绝 + 被替代 + 跳过", "成立（6 = 2 + 1 + 0 + 3）"), List.of(), List.of("输入文件"),
					List.of("文件", "大小（字节）", "SHA-256", "修改时间", "读取行数", "接受行数", "拒绝行数", "被替代行数", "跳过行数", "状态"),
					List.of("机关/发改委.xlsx", "12345", "cd".repeat(32), "2023-11-29T18:00:00+08:00", "5", "1", "1", "0",
							"3", "已读取"));
			assertThat(rows).contains(List.of("合计", "14700", "6", "2", "1", "0", "3"));
			assertThat(rows).endsWith(List.of(), List.of("跳过的文件和工作表"), List.of("文件", "工作表", "原因"),
					List.of("~$发改委.xlsx", "Office 锁定文件"), List.of("机关/发改委.xlsx", "填表说明", "没有表头"));
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(WorkbookSheets.GENERATOR_ITEM);
			assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo(WorkbookSheets.GENERATOR);
			assertThat(sheet.getRow(10).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
		}
	}

	@Test
	void continuesASheetPastTheRowLimitWithoutLosingARow() throws IOException {
		// given
		SampleSource source = SampleSource.manyUnits(25);
		Path target = this.folder.resolve("rollup.xlsx");
		// when
		new RollupWorkbookWriter(10).write(source, target);
		// then
		try (XSSFWorkbook workbook = read(target)) {
			assertThat(sheetNames(workbook)).startsWith("汇总", "汇总(2)", "汇总(3)", "分级汇总", "分级汇总(2)", "分级汇总(3)", "分级汇总(4)",
					"明细", "明细(2)", "明细(3)", "明细(4)", "未报送", "未报送(2)", "未报送(3)", "未报送(4)", "校验问题", "校验问题(2)", "校验问题(3)",
					"校验问题(4)", "运行信息", "运行信息(2)");
			List<String> codes = new ArrayList<>();
			for (XSSFSheet sheet : sheets(workbook)) {
				assertThat(sheet.getLastRowNum()).as(sheet.getSheetName()).isLessThan(10);
				if (WorkbookSheets.isPartOf(sheet.getSheetName(), WorkbookSheets.HIERARCHY)) {
					assertThat(texts(sheet.getRow(1))).first().isEqualTo("单位编码");
					assertFrozen(sheet, 2, 2);
					assertThat(autoFilter(sheet)).isEqualTo("A2:Y" + (sheet.getLastRowNum() + 1));
					assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("2023-11 主题教育检视整改进展分级汇总表");
					codes.addAll(column(sheet, 0));
				}
			}
			assertThat(codes).containsExactlyElementsOf(
					Stream.iterate(0, (i) -> i + 1).limit(25).map((i) -> String.format("U%03d", i)).toList());
			assertThat(workbook.getSheet("分级汇总(4)").getLastRowNum()).isEqualTo(2);
			assertThat(workbook.getSheet("分级汇总(2)").getRow(0).getCell(0).getStringCellValue()).endsWith("（续）");
			assertThat(workbook.getSheet("分级汇总(2)").getRow(2).getOutlineLevel()).isEqualTo(2);
			assertThat(column(workbook.getSheet("明细(4)"), 0)).containsExactly("U024");
		}
	}

	@Test
	void continuesTheRunInformationWithTheHeaderOfTheTableThatGoesOn() throws IOException {
		// given
		SampleSource source = SampleSource.manyUnits(25);
		Path target = this.folder.resolve("rollup.xlsx");
		// when
		new RollupWorkbookWriter(10).write(source, target);
		// then
		try (XSSFWorkbook workbook = read(target)) {
			List<XSSFSheet> parts = sheets(workbook).stream()
				.filter((s) -> WorkbookSheets.isPartOf(s.getSheetName(), WorkbookSheets.RUN_INFO))
				.toList();
			List<String> files = new ArrayList<>();
			List<String> skipped = new ArrayList<>();
			for (XSSFSheet sheet : parts) {
				assertFrozen(sheet, 2, 0);
				assertThat(autoFilter(sheet)).startsWith("A2:");
				String header = texts(sheet.getRow(1)).get(0);
				assertThat(header).isIn("项目", "文件");
				for (int i = 2; i <= sheet.getLastRowNum(); i++) {
					List<String> values = values(sheet.getRow(i));
					if (!values.isEmpty() && values.get(0).matches("f\\d+\\.xlsx")) {
						files.add(values.get(0));
					}
					if (!values.isEmpty() && values.get(0).matches("s\\d+\\.docx")) {
						skipped.add(values.get(0));
					}
				}
			}
			assertThat(files).hasSize(25).doesNotHaveDuplicates();
			assertThat(skipped).hasSize(25).doesNotHaveDuplicates();
			assertThat(parts.get(0).getRow(2).getCell(1).getStringCellValue()).isEqualTo("tally-rollup");
		}
	}

	@Test
	void movesTheWorkbookIntoPlaceAndLeavesNoTemporaryFile() throws IOException {
		// given
		Path target = this.folder.resolve("out/2023-11/rollup_2023-11.xlsx");
		new RollupWorkbookWriter().write(SampleSource.manyUnits(3), target);
		SampleSource source = SampleSource.sample();
		// when
		new RollupWorkbookWriter().write(source, target);
		// then
		try (Stream<Path> files = Files.list(target.getParent())) {
			assertThat(files).containsExactly(target);
		}
		try (XSSFWorkbook workbook = read(target)) {
			assertThat(column(workbook.getSheet("汇总"), 0)).containsExactly("0001", "000101", "000102", "0002",
					"000201");
		}
		assertThat(source.closed).containsExactlyInAnyOrder("summary", "hierarchy", "details", "missing", "findings");
	}

	@Test
	void keepsThePreviousWorkbookWhenTheSourceFailsPartWay() throws IOException {
		// given
		Path target = this.folder.resolve("rollup_2023-11.xlsx");
		byte[] previous = previousWorkbook(target);
		SampleSource failing = new SampleSource(SampleSource.manyUnits(30).hierarchyList()) {

			@Override
			public Stream<AcceptedRow> details() {
				Iterator<Integer> numbers = Stream.iterate(0, (i) -> i + 1).iterator();
				return Stream.generate(() -> {
					int i = numbers.next();
					if (i == 500) {
						throw new IllegalStateException("database gone");
					}
					return SampleSource.row("U" + i, "单位", 1, 1, 1, "f.xlsx", "Sheet1", i + 3);
				}).limit(1000).onClose(() -> this.closed.add("details"));
			}

		};
		// when
		assertThatIllegalStateException().isThrownBy(() -> new RollupWorkbookWriter().write(failing, target))
			.withMessage("database gone");
		// then
		assertThat(Files.readAllBytes(target)).isEqualTo(previous);
		try (Stream<Path> files = Files.list(this.folder)) {
			assertThat(files).containsExactly(target);
		}
		assertThat(failing.closed).contains("details");
	}

	@Test
	void readsTheHierarchyOnAThreadOfItsOwnSetUpByTheSource() throws IOException {
		// given: a source that notes the threads it is read on
		Map<String, String> threads = new ConcurrentHashMap<>();
		SampleSource source = new SampleSource(SampleSource.manyUnits(30).hierarchyList()) {

			@Override
			public void readOnThisThread(Runnable work) {
				threads.put("set up", Thread.currentThread().getName());
				work.run();
			}

			@Override
			public Stream<ComparedTotals> hierarchy() {
				threads.put("hierarchy", Thread.currentThread().getName());
				return super.hierarchy();
			}

			@Override
			public Stream<AcceptedRow> details() {
				threads.put("details", Thread.currentThread().getName());
				return super.details();
			}

			@Override
			public List<UnitNarrative> narratives() {
				threads.merge("narratives", Thread.currentThread().getName(), (a, b) -> a + "," + b);
				return super.narratives();
			}

		};
		Path target = this.folder.resolve("rollup.xlsx");
		// when
		new RollupWorkbookWriter().write(source, target);
		// then: the hierarchy is read where the source set up, away from the other
		// sheets; 综述's sentences once, on one of the two threads
		assertThat(threads.get("hierarchy")).isEqualTo(threads.get("set up"))
			.isNotEqualTo(threads.get("details"))
			.isEqualTo("workbook-hierarchy");
		assertThat(threads.get("narratives")).isIn("workbook-hierarchy", threads.get("details"));
		try (XSSFWorkbook workbook = read(target)) {
			assertThat(column(workbook.getSheet("分级汇总"), 0)).hasSize(30).startsWith("U000", "U001");
		}
		try (Stream<Path> files = Files.list(this.folder)) {
			assertThat(files).containsExactly(target);
		}
	}

	@Test
	void keepsThePreviousWorkbookWhenTheHierarchyFailsOnItsThread() throws IOException {
		// given
		Path target = this.folder.resolve("rollup_2023-11.xlsx");
		byte[] previous = previousWorkbook(target);
		SampleSource failing = new SampleSource(SampleSource.manyUnits(30).hierarchyList()) {

			@Override
			public Stream<ComparedTotals> hierarchy() {
				Iterator<ComparedTotals> units = super.hierarchy().iterator();
				return Stream.generate(() -> {
					ComparedTotals unit = units.next();
					if (unit.totals().code().equals("U020")) {
						throw new IllegalStateException("database gone");
					}
					return unit;
				}).limit(30).onClose(() -> this.closed.add("hierarchy"));
			}

		};
		// when: the failure on the hierarchy's thread is the write's
		assertThatIllegalStateException().isThrownBy(() -> new RollupWorkbookWriter(10).write(failing, target))
			.withMessage("database gone");
		// then: no sheet kept apart and no temporary workbook is left
		assertThat(Files.readAllBytes(target)).isEqualTo(previous);
		try (Stream<Path> files = Files.list(this.folder)) {
			assertThat(files).containsExactly(target);
		}
		assertThat(failing.closed).contains("hierarchy", "details");
	}

	@Test
	void leavesNoTemporaryFileWhenTheTargetCannotBeReplaced() throws IOException {
		// given
		Path target = this.folder.resolve("rollup_2023-11.xlsx");
		Files.createDirectories(target.resolve("not-empty"));
		// when
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> new RollupWorkbookWriter().write(SampleSource.sample(), target));
		// then
		try (Stream<Path> files = Files.list(this.folder)) {
			assertThat(files).containsExactly(target);
		}
	}

	@Test
	void refusesARowLimitWithNoRoomForDataOrPastExcels() {
		// given
		int titleAndHeader = 2;
		int pastExcel = 1_048_577;
		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> new RollupWorkbookWriter(titleAndHeader));
		assertThatIllegalArgumentException().isThrownBy(() -> new RollupWorkbookWriter(pastExcel));
	}

	@Test
	void makesRowsWithWrappedTextHighEnoughToShowIt() throws IOException {
		// given
		Path target = this.folder.resolve("rollup.xlsx");
		// when
		new RollupWorkbookWriter().write(SampleSource.sample(), target);
		// then
		try (XSSFWorkbook workbook = read(target)) {
			XSSFSheet runInfo = workbook.getSheet("运行信息");
			XSSFRow file = runInfo.getRow(20);
			assertThat(file.getCell(2).getStringCellValue()).hasSize(64);
			assertThat(file.getCell(2).getCellStyle().getWrapText()).isTrue();
			assertThat(file.getHeightInPoints()).isGreaterThanOrEqualTo(2 * 14.25f);
			assertThat(runInfo.getRow(2).getHeightInPoints()).isLessThan(2 * 14.25f);
			XSSFSheet summary = workbook.getSheet("汇总");
			assertThat(summary.getRow(1).getHeightInPoints()).isGreaterThanOrEqualTo(3 * 14.25f);
		}
	}

	private static XSSFWorkbook read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

	private static List<String> sheetNames(XSSFWorkbook workbook) {
		return sheets(workbook).stream().map(XSSFSheet::getSheetName).toList();
	}

	private static List<XSSFSheet> sheets(XSSFWorkbook workbook) {
		List<XSSFSheet> sheets = new ArrayList<>();
		workbook.forEach((sheet) -> sheets.add((XSSFSheet) sheet));
		return sheets;
	}

	/** The string cells of a row, in order. */
	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		row.forEach((cell) -> {
			if (cell.getCellType() == CellType.STRING) {
				texts.add(cell.getStringCellValue());
			}
		});
		return texts;
	}

	/** The non-blank cells of a row as text, numbers without a decimal part. */
	private static List<String> values(Row row) {
		List<String> values = new ArrayList<>();
		if (row == null) {
			return values;
		}
		row.forEach((cell) -> {
			if (cell.getCellType() == CellType.STRING) {
				values.add(cell.getStringCellValue());
			}
			else if (cell.getCellType() == CellType.NUMERIC) {
				values.add(String.valueOf((long) cell.getNumericCellValue()));
			}
		});
		return values;
	}

	/** A column's text under the header. */
	private static List<String> column(XSSFSheet sheet, int column) {
		List<String> values = new ArrayList<>();
		for (int i = 2; i <= sheet.getLastRowNum(); i++) {
			values.add(sheet.getRow(i).getCell(column).getStringCellValue());
		}
		return values;
	}

	private static XSSFRow rowOf(XSSFSheet sheet, String code) {
		for (int i = 2; i <= sheet.getLastRowNum(); i++) {
			XSSFRow row = sheet.getRow(i);
			if (code.equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("No row " + code + " on " + sheet.getSheetName());
	}

	/** Writes the sample's workbook to {@code target}, to be kept; gives its bytes. */
	private static byte[] previousWorkbook(Path target) throws IOException {
		new RollupWorkbookWriter().write(SampleSource.sample(), target);
		return Files.readAllBytes(target);
	}

	private static void assertFrozen(XSSFSheet sheet, int rows, int columns) {
		PaneInformation pane = sheet.getPaneInformation();
		assertThat(pane).as(sheet.getSheetName()).isNotNull();
		assertThat(pane.isFreezePane()).as(sheet.getSheetName()).isTrue();
		assertThat(pane.getHorizontalSplitTopRow()).as(sheet.getSheetName()).isEqualTo((short) rows);
		assertThat(pane.getVerticalSplitLeftColumn()).as(sheet.getSheetName()).isEqualTo((short) columns);
	}

	private static String autoFilter(XSSFSheet sheet) {
		return sheet.getCTWorksheet().getAutoFilter().getRef();
	}

	private static void assertPlainText(Cell cell, String text) {
		assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
		assertThat(cell.getStringCellValue()).isEqualTo(text);
		assertThat(((XSSFCell) cell).getCTCell().isSetF()).isFalse();
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		return Stream.of(lists).flatMap(List::stream).toList();
	}

}
