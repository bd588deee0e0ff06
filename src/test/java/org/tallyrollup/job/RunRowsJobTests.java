package org.tallyrollup.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import org.tallyrollup.job.JobRunner.Run;
import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.testhooks.PausePoints;
import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.workbook.InputFileInfo;
import org.tallyrollup.workbook.RollupWorkbookWriter;
import org.tallyrollup.run.RunHistory;
import org.tallyrollup.run.RunNarratives;
import org.tallyrollup.staging.RowStore;
import org.tallyrollup.staging.Stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A run's rows live in a table of its own while the run needs them: made as the run
 * starts, dropped once the workbook holds them, moved over from the table earlier
 * versions shared, and every step that uses them can be done again after a failure.
 */
@JobTest
class RunRowsJobTests {

	static final String HEADER = "单位编码,单位名称,党支部数,检视问题数,整改措施数,已完成整改数";

	@TempDir
	Path folder;

	@Autowired
	JobRunner runner;

	@Autowired
	Stores staging;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JobRegistries registries;

	@Autowired
	RunNarratives narratives;

	@Autowired
	RunHistory history;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@AfterEach
	void clear() {
		PausePoints.clear();
	}

	/** 001 twice (b.csv is newer and wins), 002 once, 003 rejected (R4). */
	private Path input() {
		InputFolder input = new InputFolder(this.folder.resolve("input")).registry("单位编码,单位名称,上级单位编码", "00,市委,",
				"001,第1党支部,00", "002,第2党支部,00", "003,第3党支部,00");
		input.csv("2023-11/a.csv", HEADER, "001,第1党支部,1,10,10,10", "002,第2党支部,1,2,2,2");
		input.csv("2023-11/b.csv", HEADER, "001,第1党支部,1,1,1,1", "003,第3党支部,1,3,3,9");
		input.modified("2023-11/a.csv", Instant.parse("2023-11-20T08:00:00Z"));
		input.modified("2023-11/b.csv", Instant.parse("2023-11-21T08:00:00Z"));
		return input.root();
	}

	@Test
	void aCompletedRunHasLetItsRowsGoAndKeptTheirCounts() {
		Run run = this.runner.completed("2023-11", input(), this.folder.resolve("output"));
		long instance = run.execution().getJobInstanceId();
		assertThat(this.staging.rows().hasTable(RowStore.rowTable(instance))).isFalse();
		assertThat(this.staging.rows().countsByState(instance)).containsExactly(0, 0, 0, 0);
		assertThat(run.report().rowsAccepted()).isEqualTo(2);
		assertThat(run.report().rowsSuperseded()).isEqualTo(1);
		assertThat(run.report().rowsRejected()).isEqualTo(1);
		assertThat(run.report().roots().get(0).totals()[TallyColumn.ISSUES_FOUND.countIndex()]).isEqualTo(3);
	}

	@Test
	void theRollUpDoneAgainAfterItsCommitSupersedesNothingMoreAndCountsTheSame() throws Exception {
		// given: a run that rolled up (a.csv's row of 001 superseded by b.csv's) and then
		// failed writing its workbook
		PausePoints.onReaching("write", 1, () -> {
			throw new IllegalStateException("stopped by the test");
		});
		Run failed = this.runner.run("2023-11", input(), this.folder.resolve("output"));
		assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
		long instance = failed.execution().getJobInstanceId();
		StepExecution rolledUp = this.jobRepository.getLastStepExecution(failed.execution().getJobInstance(), "rollUp");
		assertThat(rolledUp.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.staging.rows().countsByState(instance)).containsExactly(2, 1, 1, 0);
		// when: the step's work is done again, as after a crash between its commit and
		// its end
		RepeatStatus status = new RollupTasklet(this.staging, new Supersession(this.staging), this.registries,
				this.history, this.transactionManager)
			.execute(null, new ChunkContext(new StepContext(rolledUp)));
		// then: still one row superseded, with one W3, counted in its file, and 001
		// counted once, with b.csv's figures
		assertThat(status).isEqualTo(RepeatStatus.FINISHED);
		assertThat(this.staging.rows().countsByState(instance)).containsExactly(2, 1, 1, 0);
		assertThat(this.staging.findings().countsByRule(instance)).containsEntry("W3", 1L);
		assertThat(this.staging.files().files(instance))
			.extracting(InputFileInfo::accepted, InputFileInfo::rejected, InputFileInfo::superseded)
			.containsExactly(tuple(1L, 0L, 1L), tuple(1L, 1L, 0L));
		try (Stream<UnitTotals> units = this.staging.totals().totals(instance, 2)) {
			assertThat(units.map((unit) -> unit.totals()[TallyColumn.ISSUES_FOUND.countIndex()])).containsExactly(3L,
					1L, 2L, 0L);
		}
	}

	@Test
	void aWorkbookStepDoneAgainAfterTheRowsWentKeepsTheWorkbook() throws Exception {
		// given: a completed run, whose rows are gone with its workbook recorded
		Run run = this.runner.completed("2023-11", input(), this.folder.resolve("output"));
		JobExecution execution = run.execution();
		StepExecution written = this.jobRepository.getLastStepExecution(execution.getJobInstance(), "writeWorkbook");
		Path workbook = Path.of(this.staging.runs().run(execution.getJobInstanceId()).workbook());
		FileTime before = Files.getLastModifiedTime(workbook);
		byte[] bytes = Files.readAllBytes(workbook);
		// when: the step is done again (its end had not been recorded before a crash)
		this.staging.rows().prepare(execution.getJobInstanceId());
		RepeatStatus status = new WorkbookTasklet(this.staging, new RollupWorkbookWriter(1_048_576), this.narratives,
				this.transactionManager)
			.execute(null, new ChunkContext(new StepContext(written)));
		// then: the workbook written before stays, and the (empty) rows are let go again
		assertThat(status).isEqualTo(RepeatStatus.FINISHED);
		assertThat(Files.getLastModifiedTime(workbook)).isEqualTo(before);
		assertThat(Files.readAllBytes(workbook)).isEqualTo(bytes);
		assertThat(this.staging.rows().hasTable(RowStore.rowTable(execution.getJobInstanceId()))).isFalse();
	}

}
