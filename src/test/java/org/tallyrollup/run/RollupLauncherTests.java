package org.tallyrollup.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import org.tallyrollup.run.RunRefusedException.Reason;
import org.tallyrollup.system.TallyProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * What the launcher refuses before the job operator is asked: a second run of a period
 * while one is going, and a restart while the stopped run's thread is still working.
 */
class RollupLauncherTests {

	@TempDir
	Path root;

	private final JobOperator operator = mock(JobOperator.class);

	private final JobRepository repository = mock(JobRepository.class);

	private final RunHistory history = mock(RunHistory.class);

	private final RunThreads threads = new RunThreads();

	private RollupLauncher launcher;

	private RunParameters parameters;

	@BeforeEach
	void folders() throws Exception {
		Files.createDirectories(this.root.resolve("input/2023-11"));
		this.parameters = new RunParameters("2023-11", this.root.resolve("input"), this.root.resolve("output"), 1L);
		ExecutionOwners owners = mock(ExecutionOwners.class);
		LaunchLocks locks = mock(LaunchLocks.class);
		given(locks.acquire(any(String.class))).willReturn(true);
		given(owners.isAlive(any(JobExecution.class))).willReturn(true);
		this.launcher = new RollupLauncher(this.operator, this.repository, mock(Job.class), this.history, this.threads,
				new TallyProperties(this.root.resolve("input").toString(), this.root.resolve("output").toString(),
						this.root.resolve("data").toString(), 100, 1000, 0, null, null),
				owners, locks);
	}

	@Test
	void aSecondRunOfAPeriodWhileOneIsGoingIsRefused() throws Exception {
		given(this.history.running("2023-11")).willReturn(List.of(execution(1, BatchStatus.STARTED)));

		assertThatExceptionOfType(RunRefusedException.class)
			.isThrownBy(() -> this.launcher.start(this.parameters, "web:admin"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.ALREADY_RUNNING));
		verify(this.operator, never()).start(any(Job.class), any(JobParameters.class));
	}

	@Test
	void aRunAnotherServerAlreadyRanWithTheSameParametersIsRefusedAsAlreadyRunning() throws Exception {
		// given: the same scheduled run, done by another server
		given(this.operator.start(any(Job.class), any(JobParameters.class)))
			.willThrow(new JobInstanceAlreadyCompleteException("done"));
		// when, then
		assertThatExceptionOfType(RunRefusedException.class)
			.isThrownBy(() -> this.launcher.start(this.parameters, "schedule"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.ALREADY_RUNNING));
	}

	@Test
	void aStartRecordsTheInputFingerprintAndWhoStartedIt() throws Exception {
		given(this.operator.start(any(Job.class), any(JobParameters.class))).willAnswer((invocation) -> {
			JobParameters parameters = invocation.getArgument(1);
			return new JobExecution(5, new JobInstance(3, "rollupJob"), parameters);
		});

		JobExecution execution = this.launcher.start(this.parameters, "schedule");

		assertThat(RunParameters.startedBy(execution.getJobParameters())).isEqualTo("schedule");
		assertThat(RunParameters.fingerprint(execution.getJobParameters()))
			.isEqualTo(InputFingerprint.of(this.root.resolve("input"), "2023-11"));
		assertThat(this.threads.isActive(5)).isTrue();
	}

	@Test
	void aRestartWaitsForTheStoppedRunsThread() throws Exception {
		// given a run stopped here, whose thread is still finishing its chunk
		JobExecution stopped = execution(7, BatchStatus.STOPPED);
		this.threads.launched(7);
		given(this.operator.restart(stopped)).willReturn(execution(8, BatchStatus.STARTING));

		// when, then
		assertThatExceptionOfType(RunRefusedException.class).isThrownBy(() -> this.launcher.restart(stopped))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.STILL_STOPPING));
		verify(this.operator, never()).restart(any(JobExecution.class));

		// and once the thread is done
		this.threads.afterJob(stopped);
		assertThat(this.launcher.restart(stopped).getId()).isEqualTo(8);
		assertThat(this.threads.isActive(8)).isTrue();
	}

	@Test
	void aRunGoingHereIsAskedToStopAtItsNextChunkWithoutTouchingItsSteps() throws Exception {
		JobExecution going = execution(12, BatchStatus.STARTED);
		this.threads.launched(12);
		given(this.history.execution(12)).willReturn(going);

		this.launcher.stop(going);

		assertThat(going.getStatus()).isEqualTo(BatchStatus.STOPPING);
		verify(this.repository).update(going);
		verify(this.operator, never()).stop(any(JobExecution.class));
	}

	@Test
	void aRunGoingElsewhereIsStoppedByTheJobOperator() throws Exception {
		JobExecution orphan = execution(13, BatchStatus.STARTED);
		given(this.history.execution(13)).willReturn(orphan);

		this.launcher.stop(orphan);

		verify(this.operator).stop(orphan);
		verify(this.repository, never()).update(any(JobExecution.class));
	}

	@Test
	void aRunThatIsNotGoingIsNotStopped() {
		given(this.history.execution(14)).willReturn(execution(14, BatchStatus.COMPLETED));

		assertThatExceptionOfType(RunRefusedException.class)
			.isThrownBy(() -> this.launcher.stop(execution(14, BatchStatus.STARTED)))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NOT_RUNNING));
	}

	@Test
	void onlyAFailedOrStoppedRunIsRestarted() {
		assertThatExceptionOfType(RunRefusedException.class)
			.isThrownBy(() -> this.launcher.restart(execution(9, BatchStatus.COMPLETED)))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NOT_RESTARTABLE));
	}

	@Test
	void aRunThatEndedBeforeItsLaunchReturnedIsNotActive() {
		JobExecution quick = execution(11, BatchStatus.COMPLETED);

		this.threads.afterJob(quick);
		this.threads.launched(11);

		assertThat(this.threads.isActive(11)).isFalse();
		assertThat(this.threads.active()).isEmpty();
	}

	private JobExecution execution(long id, BatchStatus status) {
		JobExecution execution = new JobExecution(id, new JobInstance(id, "rollupJob"),
				this.parameters.toJobParameters());
		execution.setStatus(status);
		return execution;
	}

}
