package org.tallyrollup.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.tallyrollup.TestFolders;
import org.tallyrollup.run.RunHistory;
import org.tallyrollup.run.RunParameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The schedule, firing every second: no period folder is a logged failure that does not
 * stop the next run; a new period is rolled up once; an unchanged input is not rolled up
 * again; a changed one is.
 */
@SpringBootTest(properties = { "tally.web.async-runs=false", "tally.schedule.cron=* * * * * *",
		"tally.schedule.zone=UTC", "spring.datasource.url=jdbc:h2:mem:nightly-tests;DB_CLOSE_DELAY=-1",
		"TALLY_ADMIN_PASSWORD=admin-secret", "logging.level.org.springframework.batch=WARN" })
@DirtiesContext
class NightlyRollupTests {

	private static final Path ROOT = TestFolders.temporary("tally-nightly-");

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	NightlyRollup nightly;

	@Autowired
	RunHistory history;

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) throws Exception {
		Files.createDirectories(ROOT.resolve("input"));
		Files.copy(Path.of("input/units.csv"), ROOT.resolve("input/units.csv"));
		registry.add("tally.input-dir", () -> ROOT.resolve("input").toString());
		registry.add("tally.output-dir", () -> ROOT.resolve("output").toString());
		registry.add("tally.data-dir", () -> ROOT.resolve("data").toString());
	}

	@Test
	void rollsUpANewOrChangedPeriodOnceAndLeavesAnUnchangedOneAlone() throws Exception {
		// with no period folder, the run fails and says why
		await().atMost(PATIENCE).until(() -> kind() == NightlyOutcome.Kind.FAILED);
		assertThat(this.nightly.last().message()).contains("没有报告期文件夹");

		// when a period folder arrives (all at once), the next run rolls it up
		Path staging = ROOT.resolve("input/.arriving");
		TestFolders.copy(Path.of("input/2023-11"), staging);
		Files.move(staging, ROOT.resolve("input/2023-11"), StandardCopyOption.ATOMIC_MOVE);
		await().atMost(PATIENCE).until(() -> this.history.latestCompleted("2023-11").isPresent());
		JobExecution first = this.history.latestCompleted("2023-11").get();
		assertThat(RunParameters.startedBy(first.getJobParameters())).isEqualTo("schedule");

		// then the runs after it find the input unchanged
		await().atMost(PATIENCE).until(() -> kind() == NightlyOutcome.Kind.UNCHANGED);
		assertThat(this.nightly.last().runId()).isEqualTo(first.getJobInstanceId());
		assertThat(this.nightly.last().message()).contains("没有变化");
		assertThat(runsOf("2023-11")).containsExactly(first.getJobInstanceId());

		// when a unit sends its sheet again
		Path tally = ROOT.resolve("input/2023-11/高新区/高新区.csv");
		Files.setLastModifiedTime(tally, FileTime.from(Instant.now().plusSeconds(3600)));

		// then it is rolled up once more, and only once
		await().atMost(PATIENCE)
			.until(() -> this.history.latestCompleted("2023-11")
				.filter((run) -> run.getJobInstanceId() != first.getJobInstanceId())
				.isPresent());
		long second = this.history.latestCompleted("2023-11").get().getJobInstanceId();
		await().atMost(PATIENCE)
			.until(() -> kind() == NightlyOutcome.Kind.UNCHANGED && this.nightly.last().runId() == second);
		assertThat(runsOf("2023-11")).containsExactly(second, first.getJobInstanceId());
		assertThat(this.history.run(second).map(this.history::last).map(JobExecution::getStatus))
			.contains(BatchStatus.COMPLETED);
	}

	private NightlyOutcome.Kind kind() {
		NightlyOutcome last = this.nightly.last();
		return (last != null) ? last.kind() : null;
	}

	private List<Long> runsOf(String period) {
		return this.history.recent(100)
			.stream()
			.filter((run) -> period.equals(RunHistory.period(this.history.last(run))))
			.map((run) -> run.getInstanceId())
			.toList();
	}

}
