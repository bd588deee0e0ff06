package org.tallyrollup.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import org.tallyrollup.job.JobRunner.Run;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Running a period again over the same files gives the same workbook, sheet by sheet, but
 * for when it ran; the new workbook replaces the old one whole.
 */
@JobTest
class RerunJobTests {

	/** The 运行信息 lines that differ from run to run. */
	static final Set<String> TIMES = Set.of("开始时间", "结束时间");

	static final Predicate<List<Object>> NOT_A_TIME = (row) -> row.isEmpty() || !TIMES.contains(row.get(0));

	@TempDir
	Path folder;

	@Autowired
	JobRunner runner;

	@Test
	void sameFilesSameWorkbook() throws IOException {
		// given: every format, finding and file to pass over, and duplicates
		InputFolder input = StandardRegistry.input(this.folder.resolve("input"));
		FormatsJobTests.writeTallies(input);
		input.csv("2023-11/东城区/补报.csv", "单位编码,单位名称,党支部数,检视问题数,整改措施数,已完成整改数", "010102,东城区第二党支部,1,12,16,11");
		Path output = this.folder.resolve("output");
		Run first = this.runner.completed("2023-11", input.root(), output);
		Map<String, List<List<Object>>> before = first.content().cells(NOT_A_TIME);
		// when
		Run second = this.runner.completed("2023-11", input.root(), output);
		// then
		assertThat(second.execution().getJobInstanceId()).isNotEqualTo(first.execution().getJobInstanceId());
		assertThat(second.workbook()).isEqualTo(first.workbook());
		Map<String, List<List<Object>>> after = second.content().cells(NOT_A_TIME);
		assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
		before.forEach((sheet, cells) -> assertThat(after.get(sheet)).as(sheet).isEqualTo(cells));
		assertThat(before.get("校验问题")).anySatisfy((row) -> assertThat(row).contains("W3"));
		assertThat(second.content().runInfo().fact("开始时间")).isNotNull();
		try (Stream<Path> files = Files.list(output.resolve("2023-11"))) {
			assertThat(files.filter(Files::isRegularFile)).extracting((p) -> p.getFileName().toString())
				.containsExactly("rollup_2023-11.xlsx");
		}
		try (Stream<Path> files = Files.walk(output)) {
			// each run keeps its own copy under runs/<id>/, and no temporary file is left
			assertThat(files.filter(Files::isRegularFile)).extracting((p) -> p.getFileName().toString())
				.containsOnly("rollup_2023-11.xlsx")
				.hasSize(3);
		}
	}

	@Test
	void aNewSubmissionChangesTheWorkbookOfTheNextRun() {
		// given
		InputFolder input = StandardRegistry.input(this.folder.resolve("input"));
		RollupJobTests.writeTallies(input);
		Path output = this.folder.resolve("output");
		Run first = this.runner.completed("2023-11", input.root(), output);
		assertThat(first.content().codes("未报送")).containsExactly("0103", "102");
		// when: 0103 sends its tally late
		input.csv("2023-11/开发区.csv", RollupJobTests.HEADER, "0103,开发区机关党支部,1,9,4,5,3,0,0");
		Run second = this.runner.completed("2023-11", input.root(), output);
		// then
		WorkbookContent content = second.content();
		WorkbookChecks.assertConsistent(content);
		assertThat(content.codes("未报送")).containsExactly("102");
		assertThat(content.unit("汇总", "01").counts("检视问题数", "整改措施数", "已完成整改数", "已报单位数")).containsValues(25L, 31L, 19L,
				6L);
	}

}
