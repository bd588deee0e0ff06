package org.tallyrollup.job;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import org.tallyrollup.job.JobRunner.Run;
import org.tallyrollup.job.WorkbookContent.InputFile;
import org.tallyrollup.job.WorkbookContent.Row;
import org.tallyrollup.job.WorkbookContent.RunInfo;
import org.tallyrollup.job.WorkbookContent.Skipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The bundled sample (input/) rolled up by the whole job gives what docs/sample.md says.
 */
@JobTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleJobTests {

	static final Path SAMPLE = Path.of("input").toAbsolutePath();

	@TempDir
	static Path output;

	@Autowired
	JobRunner runner;

	Run run;

	WorkbookContent workbook;

	@BeforeAll
	void runTheSample() {
		this.run = this.runner.completed("2023-11", SAMPLE, output);
		this.workbook = this.run.content();
	}

	@Test
	void writesTheWorkbookOfThePeriod() {
		assertThat(this.run.workbook()).isEqualTo(output.resolve("2023-11/rollup_2023-11.xlsx"));
		assertThat(this.workbook.sheetNames()).startsWith("汇总", "分级汇总", "明细", "未报送", "校验问题", "运行信息");
		WorkbookChecks.assertConsistent(this.workbook);
	}

	@Test
	void totalsOfTheCityAndItsDistricts() {
		assertThat(this.workbook.codes("汇总")).containsExactly("01", "0101", "0102", "0103", "0104", "0105");
		assertThat(this.workbook.rows("汇总"))
			.extracting((r) -> r.get("单位编码"), (r) -> r.get("单位名称"), (r) -> r.get("党支部数"), (r) -> r.get("党员数"),
					(r) -> r.get("检视问题数"), (r) -> r.get("整改措施数"), (r) -> r.get("已完成整改数"), (r) -> r.get("应报单位数"),
					(r) -> r.get("已报单位数"))
			.containsExactly(tuple("01", "中共江州市委", 81L, 2437L, 320L, 440L, 249L, 64L, 58L),
					tuple("0101", "中共城东区委", 12L, 341L, 74L, 105L, 59L, 15L, 14L),
					tuple("0102", "中共城西区委", 40L, 1388L, 106L, 144L, 84L, 13L, 13L),
					tuple("0103", "中共江州高新区工委", 11L, 280L, 51L, 69L, 39L, 11L, 11L),
					tuple("0104", "中共滨江县委", 9L, 222L, 45L, 62L, 32L, 11L, 10L),
					tuple("0105", "中共江州市直机关工委", 9L, 206L, 44L, 60L, 35L, 14L, 10L));
		Row city = this.workbook.unit("汇总", "01");
		assertThat(city.counts("党中央关心关注问题数", "制约高质量发展问题数", "群众急难愁盼问题数", "防范化解重大风险问题数", "全面从严治党问题数", "其他问题数", "调研课题数",
				"建章立制数"))
			.containsExactly(Map.entry("党中央关心关注问题数", 18L), Map.entry("制约高质量发展问题数", 31L), Map.entry("群众急难愁盼问题数", 38L),
					Map.entry("防范化解重大风险问题数", 3L), Map.entry("全面从严治党问题数", 25L), Map.entry("其他问题数", 3L),
					Map.entry("调研课题数", 39L), Map.entry("建章立制数", 40L));
		assertThat(city.rate("整改完成率")).isCloseTo(249.0 / 440, within(1e-12));
		assertThat(city.rate("报送率")).isEqualTo(0.90625);
		assertThat(this.workbook.unit("汇总", "0105").rate("报送率")).isCloseTo(10.0 / 14, within(1e-12));
	}

	@Test
	void theElevenFindings() {
		assertThat(this.workbook.rows("校验问题"))
			.extracting((r) -> r.get("级别"), (r) -> r.get("规则"), (r) -> r.get("文件"), (r) -> r.get("工作表"),
					(r) -> r.get("行号"), (r) -> r.get("单位编码"))
			.containsExactly(tuple("错误", "R3", "市直机关/市直机关工委.xlsx", "统计表", 7L, "01050103"),
					tuple("错误", "R1", "市直机关/市直机关工委.xlsx", "统计表", 8L, null),
					tuple("错误", "R4", "市直机关/市直机关工委.xlsx", "统计表", 10L, "01050202"),
					tuple("错误", "R2", "市直机关/市直机关工委.xlsx", "统计表", 11L, "01050203"),
					tuple("错误", "R5", "市直机关/市直机关工委.xlsx", "统计表", 13L, "0105030102"),
					tuple("警告", "W2", "市直机关/市直机关工委.xlsx", "统计表", 14L, "01050302"),
					tuple("警告", "W1", "市直机关/市直机关工委.xlsx", "统计表", 16L, "01050601"),
					tuple("错误", "F1", "市直机关/损坏的文件.xlsx", null, null, null),
					tuple("错误", "R6", "滨江县/滨江县_补报.csv", "滨江县_补报", 6L, "0104010202"),
					tuple("警告", "W3", "滨江县/滨江县_补报.csv", "滨江县_补报", 9L, "0104020201"),
					tuple("警告", "W4", "高新区/高新区.csv", "高新区", 15L, null));
		Row r3 = this.workbook.rows("校验问题").get(0);
		assertThat(r3.get("列")).isEqualTo("党员数");
		assertThat(r3.get("原值")).isEqualTo("十二");
		Row w3 = this.workbook.rows("校验问题").get(9);
		assertThat(w3.text("说明")).contains("滨江县/滨江县_补报.csv").contains("第13行");
		Row w4 = this.workbook.rows("校验问题").get(10);
		assertThat(w4.get("列")).isEqualTo("已完成整改数");
		assertThat(w4.get("原值")).isEqualTo("41");
	}

	@Test
	void sixUnitsDidNotReport() {
		assertThat(this.workbook.rows("未报送"))
			.extracting((r) -> r.get("单位编码"), (r) -> r.get("单位名称"), (r) -> r.get("上级单位编码"), (r) -> r.get("上级单位名称"))
			.containsExactly(tuple("0101010203", "桂花社区离退休党员党支部", "01010102", "桂花社区党总支"),
					tuple("0104010202", "河西村第二党支部", "01040102", "河西村党总支"),
					tuple("01050103", "市财政局国库处党支部", "010501", "市财政局机关党委"),
					tuple("01050202", "市教育局机关第二党支部", "010502", "市教育局机关党委"),
					tuple("0105030102", "市卫生健康委医政医管处党支部", "01050301", "市卫生健康委机关党总支"),
					tuple("010504", "市审计局机关党支部", "0105", "中共江州市直机关工委"));
	}

	@Test
	void rowsOfEveryFile() {
		RunInfo info = this.workbook.runInfo();
		assertThat(info.files())
			.extracting(InputFile::path, InputFile::accepted, InputFile::rejected, InputFile::superseded,
					InputFile::skipped, InputFile::read)
			.containsExactly(tuple("城东区/城东区主题教育检视整改进展统计表.xlsx", 14L, 0L, 0L, 3L, 17L),
					tuple("城西区/城西区统计表.xls", 13L, 0L, 0L, 1L, 14L), tuple("市直机关/市直机关工委.xlsx", 10L, 5L, 0L, 3L, 18L),
					tuple("市直机关/损坏的文件.xlsx", 0L, 0L, 0L, 0L, 0L), tuple("滨江县/滨江县_补报.csv", 10L, 1L, 1L, 0L, 12L),
					tuple("高新区/高新区.csv", 11L, 0L, 0L, 2L, 13L));
		assertThat(info.filesTotal().states()).containsExactly(58L, 6L, 1L, 9L);
		assertThat(info.filesTotal().read()).isEqualTo(74L);
		assertThat(info.file("市直机关/损坏的文件.xlsx").status()).contains("F1");
		assertThat(info.fact("报告期")).isEqualTo("2023-11");
		assertThat(info.fact("单位名册")).isEqualTo("units.csv");
		assertThat(info.fact("名册单位数")).isEqualTo(104L);
		assertThat(this.run.report().rowsRead()).isEqualTo(74);
		assertThat(Arrays.asList(this.run.report().rowsAccepted(), this.run.report().rowsRejected(),
				this.run.report().rowsSuperseded(), this.run.report().rowsSkipped()))
			.containsExactly(58L, 6L, 1L, 9L);
	}

	@Test
	void skippedFilesAndSheets() {
		assertThat(this.workbook.runInfo().skipped()).extracting(Skipped::file, Skipped::sheet)
			.containsExactlyInAnyOrder(tuple("填报通知.docx", null), tuple("城东区/~$城东区主题教育检视整改进展统计表.xlsx", null),
					tuple("城西区/城西区统计表.xls", "10月"), tuple("城西区/城西区统计表.xls", "填表说明"), tuple("市直机关/市直机关工委.xlsx", "说明"));
	}

	@Test
	void detailsOfAcceptedRows() {
		List<Row> details = this.workbook.rows("明细");
		assertThat(details).hasSize(58);
		Row corrected = this.workbook.unit("明细", "0104020201");
		assertThat(corrected.get("来源文件")).isEqualTo("滨江县/滨江县_补报.csv");
		assertThat(corrected.get("工作表")).isEqualTo("滨江县_补报");
		assertThat(corrected.get("行号")).isEqualTo(13L);
		assertThat(corrected.counts("检视问题数", "整改措施数", "已完成整改数")).containsValues(7L, 9L, 4L);
		assertThat(details).extracting((r) -> r.get("单位编码"))
			.contains("6102011", "6102022")
			.doesNotContain("01050203", "0104010202");
	}

}
