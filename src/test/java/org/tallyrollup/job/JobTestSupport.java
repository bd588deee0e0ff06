package org.tallyrollup.job;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import org.tallyrollup.run.RollupLauncher;
import org.tallyrollup.run.RunParameters;
import org.tallyrollup.staging.Stores;

/**
 * Whole-job tests: one application context (an in-memory job repository) shared by every
 * test class that extends this, runs launched synchronously on files written into a
 * temporary folder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.datasource.url=jdbc:h2:mem:job-tests;DB_CLOSE_DELAY=-1", "tally.read-threads=1",
				"tally.chunk-size=200", "logging.level.org.tallyrollup=WARN" })
abstract class JobTestSupport {

	private static final AtomicLong RUN_IDS = new AtomicLong(System.currentTimeMillis());

	@TempDir
	Path folder;

	@Autowired
	RollupLauncher launcher;

	@Autowired
	Stores staging;

	/** Runs the job and expects it to complete. */
	JobExecution run(Path input, Path output, String period) throws Exception {
		JobExecution execution = this.launcher
			.start(new RunParameters(period, input, output, RUN_IDS.incrementAndGet()));
		assertThat(execution.getStatus()).as("%s", execution.getAllFailureExceptions())
			.isEqualTo(BatchStatus.COMPLETED);
		return execution;
	}

	static Path workbook(Path output, String period) {
		return output.resolve(period).resolve("rollup_" + period + ".xlsx");
	}

}
