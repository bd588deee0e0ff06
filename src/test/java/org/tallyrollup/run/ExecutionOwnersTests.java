package org.tallyrollup.run;

import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import org.tallyrollup.system.TallyProperties;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionOwnersTests {

	private EmbeddedDatabase database;

	private JdbcTemplate jdbc;

	private ExecutionOwners owners;

	@BeforeEach
	void database() {
		this.database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
			.generateUniqueName(true)
			.addScript("classpath:db/migration/common/V2__Staging_tables.sql")
			.build();
		this.jdbc = new JdbcTemplate(this.database);
		this.owners = new ExecutionOwners(this.jdbc,
				new TallyProperties("input", "output", "data", 1000, 1000, 0, null, Duration.ofMinutes(2)),
				new LaunchLocks(this.jdbc));
	}

	@AfterEach
	void shutDown() {
		this.owners.destroy();
		this.database.shutdown();
	}

	@Test
	void takesTheRunOfThisProcessForAlive() {
		// given
		JobExecution execution = execution(1);
		// when
		this.owners.beforeJob(execution);
		// then
		assertThat(this.owners.isAlive(execution)).isTrue();
		this.owners.afterJob(execution);
		assertThat(this.owners.owner(execution)).isEmpty();
	}

	@Test
	void takesARunOnThisHostForDeadOnceItsProcessIsGone() throws Exception {
		// given: a process that has ended
		Process ended = new ProcessBuilder("true").start();
		ended.waitFor();
		JobExecution execution = execution(2);
		own(execution, ExecutionOwners.HOST, ended.pid(), null, System.currentTimeMillis());
		// then
		assertThat(this.owners.isAlive(execution)).isFalse();
	}

	@Test
	void takesARunForDeadWhenItsProcessIdNowBelongsToAnotherProcess() {
		// given: this process's id, but another start time (the id was reused after a
		// reboot)
		ProcessHandle self = ProcessHandle.current();
		long started = self.info().startInstant().orElseThrow().toEpochMilli();
		JobExecution execution = execution(3);
		own(execution, ExecutionOwners.HOST, self.pid(), started - 3_600_000, System.currentTimeMillis());
		// then
		assertThat(this.owners.isAlive(execution)).isFalse();
	}

	@Test
	void judgesARunOnAnotherHostByItsHeartbeat() {
		// given
		JobExecution beating = execution(4);
		JobExecution silent = execution(5);
		own(beating, "other-host", 1, null, System.currentTimeMillis() - 10_000);
		own(silent, "other-host", 1, null, System.currentTimeMillis() - 180_000);
		// then
		assertThat(this.owners.isAlive(beating)).isTrue();
		assertThat(this.owners.isAlive(silent)).isFalse();
	}

	@Test
	void judgesARunWithoutOwnerByWhenTheRepositoryLastHeardOfIt() {
		// given
		JobExecution recent = execution(6);
		recent.setLastUpdated(LocalDateTime.now().minusSeconds(10));
		JobExecution old = execution(7);
		old.setLastUpdated(LocalDateTime.now().minusMinutes(10));
		// then
		assertThat(this.owners.isAlive(recent)).isTrue();
		assertThat(this.owners.isAlive(old)).isFalse();
	}

	private static JobExecution execution(long id) {
		JobExecution execution = new JobExecution(id, new JobInstance(id, "rollupJob"), new JobParameters());
		execution.setCreateTime(LocalDateTime.now());
		return execution;
	}

	private void own(JobExecution execution, String host, long pid, Long processStart, long heartbeat) {
		this.jdbc.update(
				"INSERT INTO TR_EXECUTION (EXECUTION_ID, INSTANCE_ID, HOST, PID, PROCESS_START, HEARTBEAT) VALUES (?,?,?,?,?,?)",
				execution.getId(), execution.getJobInstanceId(), host, pid, processStart, heartbeat);
	}

}
