package org.tallyrollup.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.test.context.TestComponent;

import static org.assertj.core.api.Assertions.assertThat;
import org.tallyrollup.run.RollupLauncher;
import org.tallyrollup.run.RunParameters;
import org.tallyrollup.run.RunReports;
import org.tallyrollup.run.RunReport;

/**
 * Runs the real roll-up job through {@link RollupLauncher}, synchronously, and gives what
 * it did: the execution, the report the command line and server show, and the workbook
 * read back.
 */
@TestComponent
public class JobRunner {

	private static final AtomicLong RUN_IDS = new AtomicLong(System.currentTimeMillis());

	private final RollupLauncher launcher;

	private final RunReports reports;

	JobRunner(RollupLauncher launcher, RunReports reports) {
		this.launcher = launcher;
		this.reports = reports;
	}

	/** Runs a period over {@code input}, writing under {@code output}. */
	public Run run(String period, Path input, Path output) {
		RunParameters parameters = new RunParameters(period, input, output, RUN_IDS.incrementAndGet());
		try {
			JobExecution execution = this.launcher.start(parameters);
			return new Run(execution, this.reports.of(execution), parameters.workbook());
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Runs a period that must complete, and reads its workbook. */
	public Run completed(String period, Path input, Path output) {
		Run run = run(period, input, output);
		assertThat(run.execution().getStatus()).as("run status, %s", run.report().exitMessage())
			.isEqualTo(BatchStatus.COMPLETED);
		assertThat(run.workbook()).isRegularFile();
		return run;
	}

	/**
	 * A run: its execution, its report, and where its workbook is (or would be).
	 *
	 * @param execution the job execution
	 * @param report the report built from it
	 * @param workbook the path of the workbook
	 */
	public record Run(JobExecution execution, RunReport report, Path workbook) {

		public WorkbookContent content() {
			assertThat(Files.isRegularFile(this.workbook)).as("workbook %s written", this.workbook).isTrue();
			return WorkbookContent.read(this.workbook);
		}

	}

}
