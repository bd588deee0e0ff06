package org.tallyrollup.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import org.tallyrollup.job.JobRunner.Run;
import org.tallyrollup.job.WorkbookContent.Row;
import org.tallyrollup.job.WorkbookContent.Sheet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sheet past its row limit continues on a sheet of the same name with a suffix, with no
 * row lost (SPEC.md §5), shown at a small scale: 8 rows a sheet, title and header
 * included, so 6 data rows.
 *
 * <p>
 * The registry is a root 00 with 23 branches 001…023; 001…015 report, 7 of them under
 * another name (W1); 016…023 do not.
 */
@JobTest
@TestPropertySource(properties = "tally.max-rows-per-sheet=8")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SheetContinuationJobTests {

	@TempDir
	static Path folder;

	@Autowired
	JobRunner runner;

	Run run;

	WorkbookContent workbook;

	@BeforeAll
	void runWithSmallSheets() {
		List<String> registry = new ArrayList<>(List.of("单位编码,单位名称,上级单位编码", "00,续表市委,"));
		List<String> tally = new ArrayList<>(List.of("单位编码,单位名称,党支部数,检视问题数,整改措施数,已完成整改数"));
		for (int i = 1; i <= 23; i++) {
			registry.add(String.format("%03d,第%d党支部,00", i, i));
			if (i <= 15) {
				tally.add(
						String.format("%03d,%s,1,%d,%d,%d", i, (i % 2 == 0) ? "支部" + i : "第" + i + "党支部", i, i + 1, i));
			}
		}
		InputFolder input = new InputFolder(folder.resolve("input")).registry(registry.toArray(String[]::new));
		input.csv("2023-11/全市.csv", tally.toArray(String[]::new));
		this.run = this.runner.completed("2023-11", input.root(), folder.resolve("output"));
		this.workbook = this.run.content();
	}

	@Test
	void everySheetContinuesUnderItsOwnNameWithASuffix() {
		assertThat(this.workbook.sheetNames()).startsWith("汇总", "汇总(2)", "汇总(3)", "汇总(4)", "分级汇总", "分级汇总(2)", "分级汇总(3)",
				"分级汇总(4)", "明细", "明细(2)", "明细(3)", "未报送", "未报送(2)", "校验问题", "校验问题(2)", "运行信息", "运行信息(2)", "运行信息(3)",
				"运行信息(4)");
		for (Sheet sheet : this.workbook.sheets()) {
			assertThat(sheet.cells()).as("rows of %s", sheet.name()).hasSizeLessThanOrEqualTo(8);
		}
		assertThat(this.workbook.sheet("分级汇总(2)").title()).endsWith("（续）");
	}

	@Test
	void holdsToTheContractOnEveryPart() {
		WorkbookChecks.assertConsistent(this.workbook);
		for (String series : List.of("汇总", "分级汇总", "明细", "未报送", "校验问题")) {
			List<String> headers = this.workbook.parts(series).get(0).headers();
			assertThat(this.workbook.parts(series)).allSatisfy((part) -> assertThat(part.headers()).isEqualTo(headers));
		}
	}

	@Test
	void noRowIsLost() {
		List<String> all = new ArrayList<>(List.of("00"));
		IntStream.rangeClosed(1, 23).forEach((i) -> all.add(String.format("%03d", i)));
		assertThat(this.workbook.codes("分级汇总")).containsExactlyElementsOf(all);
		assertThat(this.workbook.codes("汇总")).containsExactlyElementsOf(all);
		assertThat(this.workbook.codes("明细")).containsExactlyElementsOf(all.subList(1, 16));
		assertThat(this.workbook.rows("明细")).extracting((r) -> r.get("行号"))
			.containsExactlyElementsOf(IntStream.rangeClosed(2, 16).mapToObj(Long::valueOf).toList());
		assertThat(this.workbook.codes("未报送")).containsExactlyElementsOf(all.subList(16, 24));
		assertThat(this.workbook.rows("校验问题")).extracting((r) -> r.get("单位编码"))
			.containsExactly("002", "004", "006", "008", "010", "012", "014");
		Row root = this.workbook.unit("分级汇总", "00");
		assertThat(root.counts("党支部数", "检视问题数", "整改措施数", "已完成整改数", "应报单位数", "已报单位数")).containsValues(15L, 120L, 135L,
				120L, 23L, 15L);
		assertThat(this.workbook.rows("分级汇总").subList(1, 24)).allSatisfy((row) -> {
			assertThat(row.outlineLevel()).isEqualTo(1);
			assertThat(row.indent()).isEqualTo(1);
		});
	}

	@Test
	void runInformationGoesOnToo() {
		var info = this.workbook.runInfo();
		assertThat(info.facts()).containsKeys("报告期", "开始时间", "结束时间", "单位名册", "名册单位数", "读取行数", "接受行数",
				"读取行数 = 接受 + 拒绝 + 被替代 + 跳过");
		assertThat(info.fact("名册单位数")).isEqualTo(24L);
		assertThat(info.files()).hasSize(1);
		assertThat(info.file("全市.csv").states()).containsExactly(15L, 0L, 0L, 0L);
	}

	@Test
	void aWorkbookInPartsChainsWhole() throws IOException {
		// given: the workbook, with 明细 in three parts, in the period folder of a city
		InputFolder city = new InputFolder(folder.resolve("city"));
		city.bytes("units.csv", Files.readAllBytes(folder.resolve("input/units.csv")));
		city.bytes("2023-11/下级/rollup_2023-11.xlsx", Files.readAllBytes(this.run.workbook()));
		// when
		Run chained = this.runner.completed("2023-11", city.root(), folder.resolve("city-output"));
		// then
		WorkbookContent content = chained.content();
		assertThat(content.rows("明细")).extracting((r) -> r.get("工作表")).containsOnly("明细", "明细(2)", "明细(3)").hasSize(15);
		assertThat(content.unit("汇总", "00").counts()).isEqualTo(this.workbook.unit("汇总", "00").counts());
		// 明细 shows the registry's names: the W1 of the level below is not raised again
		assertThat(content.rows("校验问题")).isEmpty();
	}

}
