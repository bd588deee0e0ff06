package org.tallyrollup.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import org.tallyrollup.job.JobRunner.Run;
import org.tallyrollup.job.WorkbookContent.InputFile;
import org.tallyrollup.job.WorkbookContent.Row;
import org.tallyrollup.job.WorkbookContent.Skipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Chaining levels (SPEC.md §2.4): a district rolls its branches up, the city puts the
 * district's workbook in its own period folder, and the job reads that workbook through
 * its 明细 sheet only, so that no unit is counted twice.
 */
@JobTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainingJobTests {

	@TempDir
	static Path folder;

	@Autowired
	JobRunner runner;

	Run district;

	Run city;

	WorkbookContent workbook;

	@BeforeAll
	void runTheDistrictThenTheCity() throws IOException {
		// the district (西城区): its own registry, rooted at 0102
		InputFolder districtInput = new InputFolder(folder.resolve("district")).registry("单位编码,单位名称,上级单位编码,需报送",
				"0102,西城区委,,", "010201,西城街道党工委,0102,", "01020101,西城街道第一党支部,010201,", "01020102,西城街道第二党支部,010201,",
				"01020103,西城街道临时党支部,010201,否");
		Book tallies = Book.xlsx();
		tallies.sheet("11月")
			.row("单位编码", "单位名称", "党支部数", "党员数", "检视问题数", "党中央关心关注问题数", "其他问题数", "整改措施数", "已完成整改数", "调研课题数", "建章立制数")
			.row("0102", "西城区委", 0, 3, 1, 1, 0, 1, 1, 0, 0)
			.row("01020101", "西城街道第一党支部", 1, 12, 6, 4, 2, 8, 4, 2, 1)
			.row("01020102", "西城街道第二党支部", 1, 10, 2, 0, 2, 3, 1, 0, 0)
			.row("099", "不在名册的支部", 1, 1, 1, 1, 0, 1, 1, 0, 0);
		districtInput.book("2023-11/西城区统计表.xlsx", tallies);
		this.district = this.runner.completed("2023-11", districtInput.root(), folder.resolve("district-output"));
		// the city: the whole registry, the district's workbook and another district's
		// tally
		InputFolder cityInput = StandardRegistry.input(folder.resolve("city"));
		cityInput.bytes("2023-11/西城区/rollup_2023-11.xlsx", Files.readAllBytes(this.district.workbook()));
		cityInput.csv("2023-11/东城区.csv", RollupJobTests.HEADER, "0101,东城区委,0,8,3,4,2,1,1",
				"010101,东城区第一党支部,1,20,5,6,3,0,1", "010102,东城区第二党支部,1,15,4,5,5,1,0");
		this.city = this.runner.completed("2023-11", cityInput.root(), folder.resolve("city-output"));
		this.workbook = this.city.content();
	}

	@Test
	void bothWorkbooksHoldToTheContract() {
		WorkbookChecks.assertConsistent(this.district.content());
		WorkbookChecks.assertConsistent(this.workbook);
	}

	@Test
	void theCityCountsTheDistrictOnce() {
		List<Long> districtTotals = this.district.content().unit("汇总", "0102").counts();
		assertThat(districtTotals).containsExactly(2L, 25L, 9L, 12L, 6L, 5L, 0L, 0L, 0L, 0L, 4L, 2L, 1L);
		assertThat(this.workbook.unit("分级汇总", "0102").counts()).containsExactlyElementsOf(districtTotals);
		assertThat(this.workbook.unit("分级汇总", "010201").counts()).containsExactly(2L, 22L, 8L, 11L, 5L, 4L, 0L, 0L, 0L,
				0L, 4L, 2L, 1L);
		assertThat(this.workbook.unit("汇总", "01").counts()).containsExactly(4L, 68L, 21L, 27L, 16L, 5L, 0L, 0L, 0L, 0L,
				4L, 4L, 3L);
		assertThat(this.workbook.unit("汇总", "01").counts("应报单位数", "已报单位数")).containsValues(6L, 5L);
		assertThat(this.workbook.codes("未报送")).containsExactly("0103", "101", "102");
	}

	@Test
	void onlyTheDetailsSheetIsRead() {
		assertThat(this.workbook.rows("明细"))
			.extracting((r) -> r.get("单位编码"), (r) -> r.get("来源文件"), (r) -> r.get("工作表"), (r) -> r.get("行号"))
			.containsExactly(tuple("0101", "东城区.csv", "东城区", 2L), tuple("010101", "东城区.csv", "东城区", 3L),
					tuple("010102", "东城区.csv", "东城区", 4L), tuple("0102", "西城区/rollup_2023-11.xlsx", "明细", 3L),
					tuple("01020101", "西城区/rollup_2023-11.xlsx", "明细", 4L),
					tuple("01020102", "西城区/rollup_2023-11.xlsx", "明细", 5L));
		assertThat(this.workbook.runInfo().skipped()).extracting(Skipped::file, Skipped::sheet)
			.containsExactly(tuple("西城区/rollup_2023-11.xlsx", "汇总"), tuple("西城区/rollup_2023-11.xlsx", "分级汇总"),
					tuple("西城区/rollup_2023-11.xlsx", "未报送"), tuple("西城区/rollup_2023-11.xlsx", "校验问题"),
					tuple("西城区/rollup_2023-11.xlsx", "运行信息"), tuple("西城区/rollup_2023-11.xlsx", "综述"));
		InputFile chained = this.workbook.runInfo().file("西城区/rollup_2023-11.xlsx");
		assertThat(chained.states()).containsExactly(3L, 0L, 0L, 0L);
	}

	@Test
	void theDistrictsRejectedRowDoesNotTravelUp() {
		assertThat(this.district.content().rows("校验问题")).extracting((r) -> r.get("规则"), (r) -> r.get("行号"))
			.containsExactly(tuple("R2", 5L));
		assertThat(this.workbook.rows("校验问题")).isEmpty();
	}

	@Test
	void theSampleChainedIntoACityGivesTheSameTotals() throws IOException {
		// given: the sample rolled up (most of its tallies have no category columns, so
		// its 明细 shows zeros there), its workbook put in a period folder of its own
		Run sample = this.runner.completed("2023-11", SampleJobTests.SAMPLE, folder.resolve("sample-output"));
		InputFolder upper = new InputFolder(folder.resolve("upper"));
		upper.bytes("units.csv", Files.readAllBytes(SampleJobTests.SAMPLE.resolve("units.csv")));
		upper.bytes("2023-11/江州市/rollup_2023-11.xlsx", Files.readAllBytes(sample.workbook()));
		// when
		Run chained = this.runner.completed("2023-11", upper.root(), folder.resolve("upper-output"));
		// then
		WorkbookContent content = chained.content();
		WorkbookChecks.assertConsistent(content);
		// the rows the sample accepted are accepted again, broken down by category or
		// not; the one
		// warning of an accepted row is raised again
		assertThat(content.rows("校验问题")).extracting((r) -> r.get("规则"), (r) -> r.get("单位编码"))
			.containsExactly(tuple("W2", "01050302"));
		assertThat(content.rows("明细")).hasSize(58);
		for (String sheet : List.of("汇总", "分级汇总", "未报送")) {
			assertThat(content.rows(sheet)).extracting(Row::values)
				.as(sheet)
				.containsExactlyElementsOf(sample.content().rows(sheet).stream().map(Row::values).toList());
		}
	}

}
