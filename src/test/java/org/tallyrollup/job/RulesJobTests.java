package org.tallyrollup.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import org.tallyrollup.job.JobRunner.Run;
import org.tallyrollup.job.WorkbookContent.InputFile;
import org.tallyrollup.job.WorkbookContent.Row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The checks of SPEC.md §3.1–§3.2 through the whole job: a row breaking each rule, a row
 * breaking two, a row with two bad count cells, warnings on accepted rows only, and a 合计
 * row compared with the rows since the previous one.
 *
 * <p>
 * The registry is a root 00 with twelve branches 001…012 named 第1党支部…第12党支部.
 */
@JobTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulesJobTests {

	@TempDir
	static Path folder;

	@Autowired
	JobRunner runner;

	Run run;

	WorkbookContent workbook;

	@BeforeAll
	void runOverRowsBreakingTheRules() {
		List<String> registry = new ArrayList<>(List.of("单位编码,单位名称,上级单位编码", "00,检查市委,"));
		for (int i = 1; i <= 12; i++) {
			registry.add(String.format("%03d,第%d党支部,00", i, i));
		}
		InputFolder input = new InputFolder(folder.resolve("input")).registry(registry.toArray(String[]::new));
		Book book = Book.xlsx();
		book.sheet("11月")
			.row("单位编码", "单位名称", "报告期", "党支部数", "党员数", "检视问题数", "党中央关心关注问题数", "其他问题数", "整改措施数", "已完成整改数")
			.row("001", "第1党支部", "2023-11", 1, 10, 2, 1, 1, 3, 1) // 2 accepted
			.row("", "新成立党支部", "2023-11", 1, 5, 0, 0, 0, 0, 0) // 3 R1
			.row("099", "第99党支部", "2023-11", 1, 5, 0, 0, 0, 0, 0) // 4 R2
			.row("002", "第2党支部", "2023-11", "十二", 10, 2, 1, 1, 3, 1) // 5 R3
			.row("003", "三支部", "2023-11", 1, 10, 2, 1, 1, 3, 5) // 6 R4, and no W1
			.row("004", "第4党支部", "2023-11", 1, 10, 3, 1, 1, 3, 1) // 7 R5
			.row("005", "第5党支部", "2023-10", 1, 10, 2, 1, 1, 3, 1) // 8 R6
			.row("006", "第六党支部", "2023-11", 1, 10, 2, 1, 1, 3, 1) // 9 W1
			.row("007", "第7党支部", "", 1, 10, 2, 1, 1, 0, 0) // 10 W2, blank 报告期
			.row("008", "第8党支部", "2023-10", 1, 10, 2, 1, 1, 3, 4) // 11 R4 and R6
			.row("009", "第9党支部", "2023-11", "一", "很多", 2, 1, 1, 3, 1) // 12 R3 twice
			.row("010", "十支部", "2023-11", 1, 1, 1, 0, 1, 0, 0) // 13 W1 and W2
			.row("", "无编码支部", "2023-11", "x", 1, 0, 0, 0, 0, 0) // 14 R1 and R3
			.row("098", "第98党支部", "2023-11", 1, 1, 5, 1, 1, 5, 0) // 15 R2 and R5
			.row("011", "第11党支部", "2023-11 ", 1, 10, 2, 1, 1, 3, 3); // 16 accepted
		input.book("2023-11/规则.xlsx", book);
		input.csv("2023-11/合计.csv", "单位编码,单位名称,党支部数,检视问题数,整改措施数,已完成整改数", "012,第12党支部,1,4,5,2", // 2
				"合计,,1,4,5,2", // 3 agrees
				"097,未知党支部,1,1,1,1", // 4 R2
				"合计,,1,1,2,1", // 5 W4 on 整改措施数 only: rows since the previous 合计
				"", // 6
				"填报人：某某"); // 7
		this.run = this.runner.completed("2023-11", input.root(), folder.resolve("output"));
		this.workbook = this.run.content();
	}

	@Test
	void holdsToTheContract() {
		WorkbookChecks.assertConsistent(this.workbook);
	}

	@Test
	void aLinePerBrokenRuleInFileSheetRowOrder() {
		assertThat(this.workbook.rows("校验问题"))
			.extracting((r) -> r.get("文件"), (r) -> r.get("工作表"), (r) -> r.get("行号"), (r) -> r.get("规则"),
					(r) -> r.get("级别"), (r) -> r.get("单位编码"))
			.containsExactly(tuple("合计.csv", "合计", 4L, "R2", "错误", "097"), tuple("合计.csv", "合计", 5L, "W4", "警告", null),
					tuple("规则.xlsx", "11月", 3L, "R1", "错误", null), tuple("规则.xlsx", "11月", 4L, "R2", "错误", "099"),
					tuple("规则.xlsx", "11月", 5L, "R3", "错误", "002"), tuple("规则.xlsx", "11月", 6L, "R4", "错误", "003"),
					tuple("规则.xlsx", "11月", 7L, "R5", "错误", "004"), tuple("规则.xlsx", "11月", 8L, "R6", "错误", "005"),
					tuple("规则.xlsx", "11月", 9L, "W1", "警告", "006"), tuple("规则.xlsx", "11月", 10L, "W2", "警告", "007"),
					tuple("规则.xlsx", "11月", 11L, "R4", "错误", "008"), tuple("规则.xlsx", "11月", 11L, "R6", "错误", "008"),
					tuple("规则.xlsx", "11月", 12L, "R3", "错误", "009"), tuple("规则.xlsx", "11月", 12L, "R3", "错误", "009"),
					tuple("规则.xlsx", "11月", 13L, "W1", "警告", "010"), tuple("规则.xlsx", "11月", 13L, "W2", "警告", "010"),
					tuple("规则.xlsx", "11月", 14L, "R1", "错误", null), tuple("规则.xlsx", "11月", 14L, "R3", "错误", null),
					tuple("规则.xlsx", "11月", 15L, "R2", "错误", "098"), tuple("规则.xlsx", "11月", 15L, "R5", "错误", "098"));
	}

	@Test
	void eachBadCountCellIsNamedWithItsRawText() {
		assertThat(this.workbook.rows("校验问题").stream().filter((r) -> "R3".equals(r.get("规则"))))
			.extracting((r) -> r.get("行号"), (r) -> r.get("列"), (r) -> r.get("原值"))
			.containsExactly(tuple(5L, "党支部数", "十二"), tuple(12L, "党支部数", "一"), tuple(12L, "党员数", "很多"),
					tuple(14L, "党支部数", "x"));
	}

	@Test
	void theStaleTotalIsComparedWithTheRowsSinceThePreviousOne() {
		Row w4 = this.workbook.rows("校验问题").get(1);
		assertThat(w4.get("列")).isEqualTo("整改措施数");
		assertThat(w4.get("原值")).isEqualTo("2");
	}

	@Test
	void rowsEndAcceptedRejectedOrSkipped() {
		assertThat(this.workbook.runInfo().files())
			.extracting(InputFile::path, InputFile::accepted, InputFile::rejected, InputFile::superseded,
					InputFile::skipped, InputFile::read)
			.containsExactly(tuple("合计.csv", 1L, 1L, 0L, 4L, 6L), tuple("规则.xlsx", 5L, 10L, 0L, 0L, 15L));
		assertThat(this.workbook.codes("明细")).containsExactly("012", "001", "006", "007", "010", "011");
	}

	@Test
	void unitsWhoseOnlyRowWasRejectedDidNotReport() {
		assertThat(this.workbook.codes("未报送")).containsExactly("002", "003", "004", "005", "008", "009");
	}

	@Test
	void onlyAcceptedRowsAreRolledUp() {
		Row root = this.workbook.unit("汇总", "00");
		assertThat(root.counts()).containsExactly(6L, 41L, 13L, 14L, 7L, 4L, 0L, 0L, 0L, 0L, 5L, 0L, 0L);
		assertThat(root.counts("应报单位数", "已报单位数")).containsValues(12L, 6L);
		assertThat(root.rate("整改完成率")).isEqualTo(0.5);
		assertThat(root.rate("报送率")).isEqualTo(0.5);
		assertThat(this.run.report().findingsByRule()).containsEntry("R1", 2L)
			.containsEntry("R2", 3L)
			.containsEntry("R3", 4L)
			.containsEntry("R4", 2L)
			.containsEntry("R5", 2L)
			.containsEntry("R6", 2L)
			.containsEntry("W1", 2L)
			.containsEntry("W2", 2L)
			.containsEntry("W4", 1L)
			.doesNotContainKeys("F1", "F2", "W3");
	}

}
