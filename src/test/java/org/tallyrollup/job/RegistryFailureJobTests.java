package org.tallyrollup.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

import org.tallyrollup.job.JobRunner.Run;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registry that cannot be rolled up fails the run before any tally is read, and the
 * failure lists every problem with its code and row (SPEC.md §2.1); no workbook is
 * written, and one written before is left as it was.
 */
@JobTest
class RegistryFailureJobTests {

	@TempDir
	Path folder;

	@Autowired
	JobRunner runner;

	@Test
	void everyProblemIsListedAndNothingIsWritten() throws IOException {
		// given: a duplicate code (rows 3 and 4), an unknown parent (row 5) and a cycle
		// (rows 6 and 7)
		InputFolder input = new InputFolder(this.folder.resolve("input")).registry("单位编码,单位名称,上级单位编码", "01,市委,",
				"0101,甲区委,01", "0101,甲区委（重复）,01", "0102,乙区委,09", "0201,丙党委,0202", "0202,丁党委,0201");
		input.csv("2023-11/甲区.csv", "单位编码,单位名称,党支部数,检视问题数,整改措施数,已完成整改数", "0101,甲区委,1,1,1,1");
		Path output = this.folder.resolve("output");
		Path previous = output.resolve("2023-11/rollup_2023-11.xlsx");
		Files.createDirectories(previous.getParent());
		Files.writeString(previous, "the workbook of the last good run");
		// when
		Run run = this.runner.run("2023-11", input.root(), output);
		// then
		assertThat(run.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
		String message = run.report().exitMessage();
		assertThat(message).doesNotContain("\n")
			.contains("units.csv")
			.contains("0101")
			.containsPattern("第3\\D+4行")
			.contains("0102")
			.contains("09")
			.contains("第5行")
			.contains("0201")
			.contains("0202")
			.containsPattern("第6\\D+7行");
		assertThat(run.execution().getStepExecutions()).extracting(StepExecution::getStepName)
			.containsExactly("loadRegistry");
		assertThat(run.report().filesTotal()).isZero();
		assertThat(run.report().rowsRead()).isZero();
		assertThat(Files.readString(previous, StandardCharsets.UTF_8)).isEqualTo("the workbook of the last good run");
		try (Stream<Path> files = Files.list(previous.getParent())) {
			assertThat(files).containsExactly(previous);
		}
	}

	@Test
	void noWorkbookWhereThereWasNone() {
		// given: a registry row without a name besides a parent that does not exist
		InputFolder input = new InputFolder(this.folder.resolve("input")).registry("单位编码,单位名称,上级单位编码", "01,市委,",
				"0101,,01", "0102,乙区委,0199");
		input.csv("2023-11/甲区.csv", "单位编码,单位名称,党支部数,检视问题数,整改措施数,已完成整改数", "0102,乙区委,1,1,1,1");
		Path output = this.folder.resolve("output");
		// when
		Run run = this.runner.run("2023-11", input.root(), output);
		// then
		assertThat(run.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(run.report().exitMessage()).contains("第3行").contains("0101").contains("第4行").contains("0199");
		assertThat(run.workbook()).doesNotExist();
	}

	@Test
	void aMissingRegistryFailsTheRun() {
		// given
		InputFolder input = new InputFolder(this.folder.resolve("input"));
		input.csv("2023-11/甲区.csv", "单位编码,单位名称,党支部数,检视问题数,整改措施数,已完成整改数", "0102,乙区委,1,1,1,1");
		// when
		Run run = this.runner.run("2023-11", input.root(), this.folder.resolve("output"));
		// then
		assertThat(run.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(run.report().exitMessage()).contains("units.csv");
		assertThat(run.workbook()).doesNotExist();
	}

}
