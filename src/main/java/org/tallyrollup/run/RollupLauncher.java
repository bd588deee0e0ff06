package org.tallyrollup.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import org.tallyrollup.run.RunRefusedException.Reason;
import org.tallyrollup.system.IoReasons;
import org.tallyrollup.system.TallyProperties;
import org.tallyrollup.tally.PeriodFolders;

/**
 * Starts, stops and restarts roll-up runs, after checking what can be checked before
 * reading anything: the period label, the period folder, that the output folder can be
 * written, and that no other run of the period is going.
 *
 * <p>
 * A run the job repository calls running whose process is gone (killed, or its machine
 * rebooted; see {@link ExecutionOwners}) does not block its period: before a run of the
 * period starts or restarts, it is marked failed, and can then be continued. How the
 * command line chooses between resuming a run and starting anew is {@link RunPlanner}'s.
 */
@Service
public class RollupLauncher {

	private static final Logger logger = LoggerFactory.getLogger(RollupLauncher.class);

	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

	private static final int STOP_ATTEMPTS = 10;

	private static final Duration STOP_WAIT = Duration.ofSeconds(5);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	static final String WRITE_PROBE = ".write-check";

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job rollupJob;

	private final RunHistory history;

	private final RunThreads threads;

	private final TallyProperties properties;

	private final ExecutionOwners owners;

	private final LaunchLocks locks;

	private final AtomicLong lastRunId = new AtomicLong();

	/** Periods between the check that none of their runs is going and the launch. */
	private final Set<String> launching = new HashSet<>();

	RollupLauncher(JobOperator jobOperator, JobRepository jobRepository, Job rollupJob, RunHistory history,
			RunThreads threads, TallyProperties properties, ExecutionOwners owners, LaunchLocks locks) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.rollupJob = rollupJob;
		this.history = history;
		this.threads = threads;
		this.properties = properties;
		this.owners = owners;
		this.locks = locks;
	}

	/**
	 * Runs (or starts) a roll-up of the period over the configured folders.
	 * @param startedBy who starts it, e.g. {@code web:admin} or {@code schedule}
	 * @throws RunRefusedException if the run cannot be started as asked
	 */
	public JobExecution start(String period, String startedBy) throws Exception {
		long runId = this.lastRunId.updateAndGet((last) -> Math.max(last + 1, System.currentTimeMillis()));
		return start(new RunParameters(period, this.properties.inputPath(), this.properties.outputPath(), runId),
				startedBy);
	}

	/** Runs a roll-up started from the command line. */
	public JobExecution start(RunParameters parameters) throws Exception {
		return start(parameters, "cli");
	}

	/**
	 * Runs (or, with an asynchronous operator, starts) a roll-up.
	 * @param startedBy who starts it, e.g. {@code web:admin}
	 * @throws RunRefusedException if the run cannot be started as asked
	 */
	public JobExecution start(RunParameters parameters, String startedBy) throws Exception {
		check(parameters);
		recoverDeadRuns(parameters.period());
		JobParameters jobParameters = new JobParametersBuilder(parameters.toJobParameters())
			.addString(RunParameters.FINGERPRINT, InputFingerprint.of(parameters.inputDir(), parameters.period()),
					false)
			.addString(RunParameters.STARTED_BY, startedBy, false)
			.toJobParameters();
		reserve(parameters.period());
		try {
			JobExecution execution = this.jobOperator.start(this.rollupJob, jobParameters);
			this.threads.launched(execution.getId());
			return execution;
		}
		catch (JobExecutionAlreadyRunningException | JobInstanceAlreadyCompleteException
				| DataIntegrityViolationException ex) {
			// the same run (same identifying parameters: a scheduled run another server
			// started for the same night) is going or done
			throw new RunRefusedException(Reason.ALREADY_RUNNING, "报告期" + parameters.period() + "已有一次相同的汇总，请稍后再试");
		}
		finally {
			release(parameters.period());
		}
	}

	/**
	 * Continues a failed or stopped run where it ended, as a new execution of the same
	 * job instance.
	 * @throws RunRefusedException if the run cannot be restarted now
	 */
	public JobExecution restart(JobExecution last) throws Exception {
		recoverDeadRuns(RunHistory.period(last));
		JobExecution current = this.history.execution(last.getId());
		if (current != null) {
			last = current;
		}
		if (last.getStatus() != BatchStatus.FAILED && last.getStatus() != BatchStatus.STOPPED) {
			throw new RunRefusedException(Reason.NOT_RESTARTABLE, "只能继续失败或已停止的汇总");
		}
		if (this.threads.isActive(last.getId())) {
			throw new RunRefusedException(Reason.STILL_STOPPING, "这次汇总正在停止，请稍候几秒再继续");
		}
		RunParameters parameters = RunParameters.of(last.getJobParameters());
		check(parameters);
		reserve(parameters.period());
		try {
			JobExecution execution = this.jobOperator.restart(last);
			this.threads.launched(execution.getId());
			return execution;
		}
		catch (JobRestartException ex) {
			throw new RunRefusedException(Reason.NOT_RESTARTABLE, "这次汇总无法继续：" + ex.getMessage());
		}
		finally {
			release(parameters.period());
		}
	}

	/**
	 * Asks a running execution to stop.
	 * <p>
	 * A run going in this process is marked STOPPING and left to stop by itself at its
	 * next chunk boundary, where it saves the reader's position with the rows it has
	 * stored; it is STOPPED when its thread is done. {@link JobOperator#stop} is not used
	 * for it: it also writes the step's execution context as it read it a moment before,
	 * over what the running step has committed since, and a restart would then read rows
	 * again or skip them. A run not going here (started by another process, or left over
	 * by one that died) is stopped by the job operator, which marks it STOPPED at once.
	 * Waits a few seconds for the run to stop, so that it usually is STOPPED on return.
	 */
	public void stop(JobExecution execution) throws InterruptedException {
		ask(execution);
		long deadline = System.nanoTime() + STOP_WAIT.toNanos();
		while (this.threads.isActive(execution.getId()) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
	}

	private void ask(JobExecution execution) {
		for (int attempt = 1;; attempt++) {
			JobExecution current = this.history.execution(execution.getId());
			if (current == null || !current.getStatus().isRunning()) {
				throw new RunRefusedException(Reason.NOT_RUNNING, "这次汇总没有在运行，无需停止");
			}
			if (current.getStatus() == BatchStatus.STOPPING) {
				return;
			}
			try {
				if (this.threads.isActive(current.getId())) {
					current.setStatus(BatchStatus.STOPPING);
					this.jobRepository.update(current);
				}
				else {
					this.jobOperator.stop(current);
				}
				return;
			}
			catch (JobExecutionNotRunningException ex) {
				throw new RunRefusedException(Reason.NOT_RUNNING, "这次汇总没有在运行，无需停止");
			}
			catch (OptimisticLockingFailureException ex) {
				// the run saved its progress meanwhile: ask again on what it has become
				if (attempt == STOP_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * On shutdown, asks the runs going in this process to stop, and waits a little for
	 * them: a stopped run can be restarted after the next start, a run cut off in the
	 * middle would stay "STARTED" for ever.
	 */
	@PreDestroy
	void stopRunning() throws InterruptedException {
		Set<Long> active = this.threads.active();
		for (long id : active) {
			JobExecution execution = this.history.execution(id);
			if (execution != null && execution.getStatus().isRunning()) {
				logger.info("服务停止：正在停止编号 {} 的汇总，之后可以继续", execution.getJobInstanceId());
				try {
					ask(execution);
				}
				catch (RuntimeException ex) {
					logger.warn("无法停止执行 {}：{}", id, ex.getMessage());
				}
			}
		}
		long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
		while (!this.threads.active().isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
	}

	/**
	 * Claims the period for a launch, here and in the database shared with other
	 * processes; refuses if a run of it is going or being launched.
	 */
	private void reserve(String period) {
		synchronized (this.launching) {
			if (this.launching.contains(period)) {
				throw new RunRefusedException(Reason.ALREADY_RUNNING, "报告期" + period + "正在汇总，请等这次汇总结束后再试");
			}
			if (!this.locks.acquire(period)) {
				throw new RunRefusedException(Reason.ALREADY_RUNNING, "报告期" + period + "正在由另一处开始汇总，请等这次汇总结束后再试");
			}
			List<JobExecution> running = this.history.running(period);
			if (!running.isEmpty()) {
				this.locks.release(period);
				throw new RunRefusedException(Reason.ALREADY_RUNNING,
						"报告期" + period + "正在汇总" + who(running) + "，请等这次汇总结束后再试");
			}
			this.launching.add(period);
		}
	}

	/** Which process runs the first of these executions, as far as it is known. */
	String who(List<JobExecution> running) {
		if (running.isEmpty()) {
			return "";
		}
		JobExecution execution = running.get(0);
		String process = this.owners.owner(execution).map((o) -> "主机 " + o.host() + " 的进程 " + o.pid() + "，").orElse("");
		String since = (execution.getStartTime() != null) ? "，开始于 " + TIME.format(execution.getStartTime()) : "";
		return "（" + process + "编号 " + execution.getJobInstanceId() + since + "）";
	}

	/**
	 * Marks failed the executions of the period that the repository calls running but
	 * whose process is gone, so that they no longer block it and can be continued.
	 */
	void recoverDeadRuns(String period) {
		for (JobExecution running : this.history.running(period)) {
			if (this.threads.isActive(running.getId()) || this.owners.isAlive(running)) {
				continue;
			}
			JobExecution full = this.history.execution(running.getId());
			this.jobOperator.recover((full != null) ? full : running);
			logger.warn("报告期 {} 编号 {} 的汇总所在进程已不存在（被终止或机器重启），已标记为失败，可以继续", period, running.getJobInstanceId());
		}
	}

	private void release(String period) {
		synchronized (this.launching) {
			this.launching.remove(period);
			this.locks.release(period);
		}
	}

	/** The checks made before a run starts. */
	public static void check(RunParameters parameters) {
		if (!PeriodFolders.isValidLabel(parameters.period())) {
			throw new RunRefusedException(Reason.BAD_PERIOD, "报告期“" + parameters.period() + "”无效：只能由字母、数字和“-”组成");
		}
		if (!Files.isDirectory(parameters.inputDir())) {
			throw new RunRefusedException(Reason.NO_INPUT, "输入文件夹不存在：" + parameters.inputDir());
		}
		if (!Files.isDirectory(parameters.periodDir())) {
			throw new RunRefusedException(Reason.NO_INPUT, "报告期文件夹不存在：" + parameters.periodDir());
		}
		Path folder = parameters.workbook().getParent();
		try {
			Files.createDirectories(folder);
			Path probe = Files.createTempFile(folder, WRITE_PROBE, ".tmp");
			Files.delete(probe);
		}
		catch (IOException | SecurityException ex) {
			throw new RunRefusedException(Reason.OUTPUT_NOT_WRITABLE,
					"输出文件夹不可写：" + folder + "（" + IoReasons.describe(ex) + "）");
		}
	}

}
