package org.tallyrollup.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import org.tallyrollup.job.JobRunner.Run;
import org.tallyrollup.job.WorkbookContent.InputFile;
import org.tallyrollup.job.WorkbookContent.Row;
import org.tallyrollup.rollup.UnitTotals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The roll-up of §4 through the whole job, over {@link StandardRegistry} and clean
 * tallies: totals at every level, rates, 应报/已报, the hierarchy's layout, 未报送, and the same
 * outcome with the registry given as units.xlsx.
 */
@JobTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupJobTests {

	static final String HEADER = "单位编码,单位名称,党支部数,党员数,检视问题数,整改措施数,已完成整改数,调研课题数,建章立制数";

	static final String[] COLUMNS = { "党支部数", "党员数", "检视问题数", "整改措施数", "已完成整改数", "调研课题数", "建章立制数", "应报单位数", "已报单位数" };

	@TempDir
	static Path folder;

	@Autowired
	JobRunner runner;

	Run run;

	WorkbookContent workbook;

	@BeforeAll
	void runOverCleanTallies() {
		InputFolder input = StandardRegistry.input(folder.resolve("input"));
		writeTallies(input);
		this.run = this.runner.completed("2023-11", input.root(), folder.resolve("output"));
		this.workbook = this.run.content();
	}

	/** Own figures: 党支部数, 党员数, 检视问题数, 整改措施数, 已完成整改数, 调研课题数, 建章立制数. */
	static void writeTallies(InputFolder input) {
		input.csv("2023-11/东城区.csv", HEADER, "01,东州市委,0,5,2,2,1,1,0", "0101,东城区委,0,8,3,4,2,1,1",
				"010101,东城区第一党支部,1,20,5,6,3,0,1", "010102,东城区第二党支部,1,15,4,5,5,1,0");
		input.csv("2023-11/西城区.csv", HEADER, "01020101,西城街道第一党支部,1,12,6,8,4,2,1", "01020102,西城街道第二党支部,1,10,0,0,0,0,0",
				"01020103,西城街道临时党支部,1,3,1,1,1,0,0");
		input.csv("2023-11/北县.csv", HEADER, "9,北县县委,0,2,1,1,0,0,0", "101,北县第一党支部,1,30,7,9,6,1,2");
	}

	@Test
	void holdsToTheContract() {
		WorkbookChecks.assertConsistent(this.workbook);
	}

	@Test
	void totalsOfEveryUnitAddTheirOwnRowToTheirSubUnits() {
		assertThat(this.workbook.rows("分级汇总"))
			.extracting((r) -> r.get("单位编码"), (r) -> r.get("党支部数"), (r) -> r.get("党员数"), (r) -> r.get("检视问题数"),
					(r) -> r.get("整改措施数"), (r) -> r.get("已完成整改数"), (r) -> r.get("调研课题数"), (r) -> r.get("建章立制数"),
					(r) -> r.get("应报单位数"), (r) -> r.get("已报单位数"))
			.containsExactly(tuple("01", 5L, 73L, 21L, 26L, 16L, 5L, 3L, 6L, 5L),
					tuple("0101", 2L, 43L, 12L, 15L, 10L, 2L, 2L, 3L, 3L),
					tuple("010101", 1L, 20L, 5L, 6L, 3L, 0L, 1L, 1L, 1L),
					tuple("010102", 1L, 15L, 4L, 5L, 5L, 1L, 0L, 1L, 1L),
					tuple("0102", 3L, 25L, 7L, 9L, 5L, 2L, 1L, 2L, 2L),
					tuple("010201", 3L, 25L, 7L, 9L, 5L, 2L, 1L, 2L, 2L),
					tuple("01020101", 1L, 12L, 6L, 8L, 4L, 2L, 1L, 1L, 1L),
					tuple("01020102", 1L, 10L, 0L, 0L, 0L, 0L, 0L, 1L, 1L),
					tuple("01020103", 1L, 3L, 1L, 1L, 1L, 0L, 0L, 0L, 0L),
					tuple("0103", 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 0L), tuple("9", 1L, 32L, 8L, 10L, 6L, 1L, 2L, 2L, 1L),
					tuple("101", 1L, 30L, 7L, 9L, 6L, 1L, 2L, 1L, 1L),
					tuple("102", 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 0L));
		for (Row row : this.workbook.rows("分级汇总")) {
			for (String category : List.of("党中央关心关注问题数", "制约高质量发展问题数", "群众急难愁盼问题数", "防范化解重大风险问题数", "全面从严治党问题数",
					"其他问题数")) {
				assertThat(row.count(category)).isZero();
			}
		}
	}

	@Test
	void outlinesTheHierarchyAsDeepAsTheRegistryGoes() throws Exception {
		// the deepest unit, 01020101, is at level 4: outline levels 0 to 3
		try (XSSFWorkbook book = new XSSFWorkbook(this.run.workbook().toFile())) {
			XSSFSheet sheet = book.getSheet("分级汇总");
			assertThat(sheet.getCTWorksheet().getSheetFormatPr().getOutlineLevelRow()).isEqualTo((short) 3);
			Map<String, Integer> outlines = new HashMap<>();
			for (int i = 2; i <= sheet.getLastRowNum(); i++) {
				outlines.put(sheet.getRow(i).getCell(0).getStringCellValue(), sheet.getRow(i).getOutlineLevel());
			}
			assertThat(outlines).containsEntry("01", 0).containsEntry("0102", 1).containsEntry("01020101", 3);
		}
	}

	@Test
	void ratesAreBlankWhereTheirDenominatorIsZero() {
		assertThat(this.workbook.unit("分级汇总", "01").rate("整改完成率")).isCloseTo(16.0 / 26, within(1e-12));
		assertThat(this.workbook.unit("分级汇总", "01").rate("报送率")).isCloseTo(5.0 / 6, within(1e-12));
		assertThat(this.workbook.unit("分级汇总", "0101").rate("整改完成率")).isCloseTo(10.0 / 15, within(1e-12));
		assertThat(this.workbook.unit("分级汇总", "0101").rate("报送率")).isEqualTo(1.0);
		assertThat(this.workbook.unit("分级汇总", "9").rate("整改完成率")).isEqualTo(0.6);
		assertThat(this.workbook.unit("分级汇总", "9").rate("报送率")).isEqualTo(0.5);
		// no measures: 整改完成率 blank; must report and did
		assertThat(this.workbook.unit("分级汇总", "01020102").rate("整改完成率")).isNull();
		assertThat(this.workbook.unit("分级汇总", "01020102").rate("报送率")).isEqualTo(1.0);
		// need not report (否) but did: counted in the totals, 报送率 blank
		assertThat(this.workbook.unit("分级汇总", "01020103").rate("整改完成率")).isEqualTo(1.0);
		assertThat(this.workbook.unit("分级汇总", "01020103").rate("报送率")).isNull();
		// must report and did not
		assertThat(this.workbook.unit("分级汇总", "0103").rate("整改完成率")).isNull();
		assertThat(this.workbook.unit("分级汇总", "0103").rate("报送率")).isEqualTo(0.0);
		assertThat(this.workbook.unit("汇总", "102").rate("报送率")).isEqualTo(0.0);
	}

	@Test
	void hierarchyInOrderWithLevelsParentsIndentsAndOutline() {
		List<Row> rows = this.workbook.rows("分级汇总");
		assertThat(rows).extracting((r) -> r.get("单位编码")).containsExactlyElementsOf(StandardRegistry.HIERARCHY);
		assertThat(rows).extracting((r) -> r.get("层级"))
			.containsExactly(1L, 2L, 3L, 3L, 2L, 3L, 4L, 4L, 4L, 2L, 1L, 2L, 2L);
		assertThat(rows).extracting((r) -> r.get("上级单位编码"))
			.containsExactly(null, "01", "0101", "0101", "01", "0102", "010201", "010201", "010201", "01", null, "9",
					"9");
		assertThat(rows).extracting(Row::indent).containsExactly(0, 1, 2, 2, 1, 2, 3, 3, 3, 1, 0, 1, 1);
		assertThat(rows).extracting(Row::outlineLevel).containsExactly(0, 1, 2, 2, 1, 2, 3, 3, 3, 1, 0, 1, 1);
		assertThat(rows).extracting((r) -> r.get("单位名称"))
			.containsExactly("东州市委", "东城区委", "东城区第一党支部", "东城区第二党支部", "西城区委", "西城街道党工委", "西城街道第一党支部", "西城街道第二党支部",
					"西城街道临时党支部", "开发区机关党支部", "北县县委", "北县第一党支部", "北县第二党支部");
		assertThat(this.workbook.sheet("分级汇总").rowSumsBelow()).isFalse();
	}

	@Test
	void summaryShowsTheRootsAndTheirChildren() {
		assertThat(this.workbook.codes("汇总")).containsExactly("01", "0101", "0102", "0103", "9", "101", "102");
		assertThat(this.workbook.unit("汇总", "01").counts(COLUMNS))
			.containsExactlyEntriesOf(this.workbook.unit("分级汇总", "01").counts(COLUMNS));
		assertThat(this.run.report().roots())
			.extracting(UnitTotals::code, (u) -> u.totals()[2], UnitTotals::expected, UnitTotals::reported)
			.containsExactly(tuple("01", 21L, 6L, 5L), tuple("9", 8L, 2L, 1L));
	}

	@Test
	void unitsThatMustReportAndDidNot() {
		assertThat(this.workbook.rows("未报送"))
			.extracting((r) -> r.get("单位编码"), (r) -> r.get("单位名称"), (r) -> r.get("上级单位编码"), (r) -> r.get("上级单位名称"))
			.containsExactly(tuple("0103", "开发区机关党支部", "01", "东州市委"), tuple("102", "北县第二党支部", "9", "北县县委"));
	}

	@Test
	void detailsListEveryAcceptedRowWithItsSource() {
		assertThat(this.workbook.rows("明细"))
			.extracting((r) -> r.get("单位编码"), (r) -> r.get("单位名称"), (r) -> r.get("检视问题数"), (r) -> r.get("整改措施数"),
					(r) -> r.get("来源文件"), (r) -> r.get("工作表"), (r) -> r.get("行号"))
			.containsExactly(tuple("01", "东州市委", 2L, 2L, "东城区.csv", "东城区", 2L),
					tuple("0101", "东城区委", 3L, 4L, "东城区.csv", "东城区", 3L),
					tuple("010101", "东城区第一党支部", 5L, 6L, "东城区.csv", "东城区", 4L),
					tuple("010102", "东城区第二党支部", 4L, 5L, "东城区.csv", "东城区", 5L),
					tuple("9", "北县县委", 1L, 1L, "北县.csv", "北县", 2L), tuple("101", "北县第一党支部", 7L, 9L, "北县.csv", "北县", 3L),
					tuple("01020101", "西城街道第一党支部", 6L, 8L, "西城区.csv", "西城区", 2L),
					tuple("01020102", "西城街道第二党支部", 0L, 0L, "西城区.csv", "西城区", 3L),
					tuple("01020103", "西城街道临时党支部", 1L, 1L, "西城区.csv", "西城区", 4L));
		assertThat(this.workbook.rows("校验问题")).isEmpty();
	}

	@Test
	void runInformationListsTheFilesWithTheirDigests() throws IOException {
		var info = this.workbook.runInfo();
		assertThat(info.fact("报告期")).isEqualTo("2023-11");
		assertThat(info.fact("单位名册")).isEqualTo("units.csv");
		assertThat(info.fact("名册单位数")).isEqualTo(13L);
		assertThat(info.fact("输入文件数")).isEqualTo(3L);
		assertThat((String) info.fact("开始时间")).isNotBlank();
		assertThat((String) info.fact("结束时间")).isNotBlank();
		assertThat(info.files()).extracting(InputFile::path).containsExactly("东城区.csv", "北县.csv", "西城区.csv");
		for (InputFile file : info.files()) {
			Path path = folder.resolve("input/2023-11").resolve(file.path());
			assertThat(file.size()).isEqualTo(Files.size(path));
			assertThat(file.sha256()).isEqualToIgnoringCase(StandardRegistry.sha256(path));
			assertThat(file.status()).isEqualTo("已读取");
		}
		assertThat(info.files()).extracting(InputFile::read, InputFile::accepted)
			.containsExactly(tuple(4L, 4L), tuple(2L, 2L), tuple(3L, 3L));
		assertThat(info.skipped()).isEmpty();
	}

	@Test
	void aRegistryGivenAsUnitsXlsxRollsUpTheSame() {
		// given: the same registry in a workbook, with a sheet of notes before it, other
		// column names, a title, numeric code cells and 需报送 written Y/N
		InputFolder input = new InputFolder(folder.resolve("input-xlsx"));
		Book book = Book.xlsx();
		book.sheet("说明").row("本表为单位名册，请勿改动编码");
		var units = book.sheet("名册");
		units.row("东州市党组织名册").merge("A1:E1").row("编码", "名称", "上级编码", "类别", "是否报送");
		for (String line : StandardRegistry.LINES.subList(1, StandardRegistry.LINES.size())) {
			String[] cells = line.split(",", -1);
			String reports = switch (cells[4]) {
				case "是" -> "Y";
				case "否" -> "N";
				default -> null;
			};
			units.row(numericIfNoLeadingZero(cells[0]), cells[1], numericIfNoLeadingZero(cells[2]), cells[3], reports);
		}
		input.book("units.xlsx", book);
		writeTallies(input);
		// when
		Run xlsxRun = this.runner.completed("2023-11", input.root(), folder.resolve("output-xlsx"));
		// then
		WorkbookContent content = xlsxRun.content();
		WorkbookChecks.assertConsistent(content);
		for (String sheet : List.of("汇总", "分级汇总", "明细", "未报送", "校验问题")) {
			assertThat(content.rows(sheet)).extracting(Row::values)
				.as(sheet)
				.containsExactlyElementsOf(this.workbook.rows(sheet).stream().map(Row::values).toList());
		}
		assertThat(content.runInfo().fact("单位名册")).isEqualTo("units.xlsx");
	}

	@Test
	void anEmptyPeriodFolderGivesAWorkbookOfZerosAndEveryUnitMissing() throws IOException {
		// given: a week's folder with nothing in it yet
		InputFolder input = StandardRegistry.input(folder.resolve("input-empty"));
		Files.createDirectories(input.resolve("2023-W45"));
		// when
		Run empty = this.runner.completed("2023-W45", input.root(), folder.resolve("output-empty"));
		// then
		assertThat(empty.workbook()).isEqualTo(folder.resolve("output-empty/2023-W45/rollup_2023-W45.xlsx"));
		WorkbookContent content = empty.content();
		WorkbookChecks.assertConsistent(content);
		assertThat(content.rows("明细")).isEmpty();
		assertThat(content.rows("校验问题")).isEmpty();
		assertThat(content.codes("未报送")).containsExactly("0101", "010101", "010102", "01020101", "01020102", "0103",
				"101", "102");
		Row city = content.unit("汇总", "01");
		assertThat(city.counts()).containsOnly(0L);
		assertThat(city.rate("整改完成率")).isNull();
		assertThat(city.rate("报送率")).isEqualTo(0.0);
		assertThat(content.unit("分级汇总", "01020103").rate("报送率")).isNull();
		assertThat(content.runInfo().fact("报告期")).isEqualTo("2023-W45");
		assertThat(content.runInfo().files()).isEmpty();
	}

	private static Object numericIfNoLeadingZero(String code) {
		if (code.isEmpty()) {
			return null;
		}
		return code.startsWith("0") ? code : (Object) Integer.valueOf(code);
	}

	@Test
	void countsAreNumbersAndRatesPercentages() {
		Row city = this.workbook.unit("汇总", "01");
		assertThat(city.formats()).containsEntry("整改完成率", "0.00%").containsEntry("报送率", "0.00%");
		assertThat(city.values().get("检视问题数")).isInstanceOf(Long.class);
		assertThat(Map.copyOf(city.formats())).containsEntry("检视问题数", "#,##0");
	}

}
