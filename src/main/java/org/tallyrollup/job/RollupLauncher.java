package org.tallyrollup.job;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import org.tallyrollup.system.IoReasons;
import org.tallyrollup.tally.PeriodFolders;

/**
 * Starts roll-up runs after checking what can be checked before reading anything: the
 * period label, the period folder, and that the output folder can be written.
 *
 * <p>
 * {@link #plan} and {@link #execute} decide between a new run and resuming the last one
 * of the same period and input folder: a run that failed, was stopped, or was left
 * running by a process that died (its execution is first marked failed) is resumed where
 * it stopped as long as the input is unchanged, and abandoned for a new run otherwise. A
 * run still going in a live process is never touched.
 */
@Service
public class RollupLauncher {

	private static final Logger logger = LoggerFactory.getLogger(RollupLauncher.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final String WRITE_PROBE = ".write-check";

	private static final Set<BatchStatus> RESUMABLE = Set.of(BatchStatus.FAILED, BatchStatus.STOPPED);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job rollupJob;

	private final ExecutionOwners owners;

	private final StagingRepository staging;

	private final JdbcTemplate jdbc;

	private final String tablePrefix;

	RollupLauncher(JobOperator jobOperator, JobRepository jobRepository, Job rollupJob, ExecutionOwners owners,
			StagingRepository staging, JdbcTemplate jdbc,
			@Value("${spring.batch.jdbc.table-prefix:BATCH_}") String tablePrefix) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.rollupJob = rollupJob;
		this.owners = owners;
		this.staging = staging;
		this.jdbc = jdbc;
		this.tablePrefix = tablePrefix;
	}

	/**
	 * Runs (or, with an asynchronous operator, starts) a new roll-up.
	 * @throws RunRefusedException if the run cannot be started as asked
	 */
	public JobExecution start(RunParameters parameters) throws Exception {
		check(parameters);
		return this.jobOperator.start(this.rollupJob, parameters.toJobParameters());
	}

	/**
	 * Decides how to run a period: resume its last run or start a new one. An execution
	 * of the same period left running by a process that is gone is marked failed here.
	 * @param requested the run asked for (its run id is used for a new run)
	 * @param fresh never resume: a run left unfinished is abandoned
	 * @throws RunRefusedException if the run cannot be started as asked, or the period is
	 * being rolled up by a live process
	 */
	public Plan plan(RunParameters requested, boolean fresh) {
		check(requested);
		recoverDeadRuns(requested);
		String digest = InputDigest.of(requested);
		JobExecution last = lastExecution(requested);
		if (last == null || !RESUMABLE.contains(last.getStatus())) {
			return new Plan(Plan.Kind.NEW, requested.withInputDigest(digest), null);
		}
		RunParameters previous = RunParameters.of(last.getJobParameters());
		boolean unchanged = digest.equals(previous.inputDigest()) && RunParameters.normalized(previous.outputDir())
			.equals(RunParameters.normalized(requested.outputDir()));
		if (fresh) {
			return new Plan(Plan.Kind.FRESH_ON_REQUEST, requested.withInputDigest(digest), last);
		}
		if (!unchanged) {
			return new Plan(Plan.Kind.FRESH_INPUT_CHANGED, requested.withInputDigest(digest), last);
		}
		return new Plan(Plan.Kind.RESUME, previous, last);
	}

	/** Carries a plan out, synchronously with the default operator. */
	public JobExecution execute(Plan plan) throws Exception {
		removeStaleTemporaries(plan.parameters());
		if (plan.kind() == Plan.Kind.RESUME) {
			logger.info("继续报告期 {} 未完成的汇总（执行 #{}）", plan.parameters().period(), plan.previous().getId());
			return this.jobOperator.restart(plan.previous());
		}
		if (plan.previous() != null) {
			JobExecution abandoned = this.jobOperator.abandon(plan.previous());
			this.staging.deleteInstance(abandoned.getJobInstanceId());
			logger.info("放弃报告期 {} 未完成的汇总（执行 #{}），重新开始", plan.parameters().period(), abandoned.getId());
		}
		return this.jobOperator.start(this.rollupJob, plan.parameters().toJobParameters());
	}

	/**
	 * Marks failed the executions of this period (or writing its workbook) that the
	 * repository calls running but whose process is gone; refuses if one is alive.
	 */
	private void recoverDeadRuns(RunParameters requested) {
		for (JobExecution running : this.jobRepository.findRunningJobExecutions(this.rollupJob.getName())) {
			RunParameters other = RunParameters.of(running.getJobParameters());
			if (!other.samePeriodAndInput(requested) && !RunParameters.normalized(other.workbook())
				.equals(RunParameters.normalized(requested.workbook()))) {
				continue;
			}
			if (this.owners.isAlive(running)) {
				String who = this.owners.owner(running).map((o) -> "主机 " + o.host() + " 的进程 " + o.pid()).orElse("另一进程");
				String since = (running.getStartTime() != null) ? "，开始于 " + TIME.format(running.getStartTime()) : "";
				throw new RunRefusedException(RunRefusedException.Reason.ALREADY_RUNNING, "报告期 " + requested.period()
						+ " 正由" + who + " 汇总（执行 #" + running.getId() + since + "），请等它结束后再运行");
			}
			JobExecution full = this.jobRepository.getJobExecution(running.getId());
			this.jobOperator.recover((full != null) ? full : running);
			logger.warn("报告期 {} 的执行 #{} 所在进程已不存在（被终止或机器重启），已标记为失败", other.period(), running.getId());
		}
	}

	/** The latest execution of the same period and input folder, or {@code null}. */
	private JobExecution lastExecution(RunParameters requested) {
		String p = this.tablePrefix;
		List<Long> ids = this.jdbc.queryForList("SELECT MAX(E.JOB_EXECUTION_ID) FROM " + p + "JOB_EXECUTION E JOIN " + p
				+ "JOB_INSTANCE I ON I.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID JOIN " + p
				+ "JOB_EXECUTION_PARAMS A ON A.JOB_EXECUTION_ID = E.JOB_EXECUTION_ID AND A.PARAMETER_NAME = ? AND A.PARAMETER_VALUE = ? JOIN "
				+ p
				+ "JOB_EXECUTION_PARAMS B ON B.JOB_EXECUTION_ID = E.JOB_EXECUTION_ID AND B.PARAMETER_NAME = ? AND B.PARAMETER_VALUE = ? WHERE I.JOB_NAME = ?",
				Long.class, RunParameters.PERIOD, requested.period(), RunParameters.INPUT,
				RunParameters.normalized(requested.inputDir()), this.rollupJob.getName());
		Long id = ids.isEmpty() ? null : ids.get(0);
		return (id != null) ? this.jobRepository.getJobExecution(id) : null;
	}

	/**
	 * Deletes what a killed run may have left beside the workbook: its half-written
	 * temporary workbook and write probes (hidden files ending .tmp). Called only once no
	 * live run writes there.
	 */
	private static void removeStaleTemporaries(RunParameters parameters) {
		Path folder = parameters.workbook().getParent();
		String workbook = "." + parameters.workbook().getFileName() + ".";
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*.tmp")) {
			for (Path file : files) {
				String name = file.getFileName().toString();
				if ((name.startsWith(workbook) || name.startsWith(WRITE_PROBE)) && Files.isRegularFile(file)) {
					Files.deleteIfExists(file);
					logger.info("已删除上次中断的运行留下的临时文件 {}", file);
				}
			}
		}
		catch (IOException ex) {
			logger.warn("无法清理临时文件（{}）：{}", folder, ex.getMessage());
		}
	}

	/** The checks made before a run starts. */
	public static void check(RunParameters parameters) {
		if (!PeriodFolders.isValidLabel(parameters.period())) {
			throw new RunRefusedException(RunRefusedException.Reason.BAD_PERIOD,
					"报告期“" + parameters.period() + "”无效：只能由字母、数字和“-”组成");
		}
		if (!Files.isDirectory(parameters.inputDir())) {
			throw new RunRefusedException(RunRefusedException.Reason.NO_INPUT, "输入文件夹不存在：" + parameters.inputDir());
		}
		if (!Files.isDirectory(parameters.periodDir())) {
			throw new RunRefusedException(RunRefusedException.Reason.NO_INPUT, "报告期文件夹不存在：" + parameters.periodDir());
		}
		Path folder = parameters.workbook().getParent();
		try {
			Files.createDirectories(folder);
			Path probe = Files.createTempFile(folder, WRITE_PROBE, ".tmp");
			Files.delete(probe);
		}
		catch (IOException | SecurityException ex) {
			throw new RunRefusedException(RunRefusedException.Reason.OUTPUT_NOT_WRITABLE,
					"输出文件夹不可写：" + folder + "（" + IoReasons.describe(ex) + "）");
		}
	}

	/**
	 * How a period will be run.
	 *
	 * @param kind new, resumed, or new after abandoning an unfinished run
	 * @param parameters the parameters it runs with
	 * @param previous the unfinished execution resumed or abandoned, {@code null} for
	 * none
	 */
	public record Plan(Kind kind, RunParameters parameters, JobExecution previous) {

		/** What a plan does. */
		public enum Kind {

			/** A new run; the period has no unfinished run. */
			NEW,
			/** The unfinished run continues where it stopped. */
			RESUME,
			/** The unfinished run is abandoned because the input changed since. */
			FRESH_INPUT_CHANGED,
			/** The unfinished run is abandoned because a new run was asked for. */
			FRESH_ON_REQUEST

		}

	}

}
