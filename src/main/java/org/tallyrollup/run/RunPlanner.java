package org.tallyrollup.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import org.tallyrollup.run.RunRefusedException.Reason;

/**
 * How the command line runs a period: a new run, or the last one of the same period and
 * input folder resumed. A run that failed, was stopped or was left by a dead process is
 * resumed where it stopped as long as the input is unchanged, and abandoned for a new run
 * otherwise (or when {@code --fresh} asks for one).
 */
@Service
public class RunPlanner {

	private static final Logger logger = LoggerFactory.getLogger(RunPlanner.class);

	private static final Set<BatchStatus> RESUMABLE = Set.of(BatchStatus.FAILED, BatchStatus.STOPPED);

	private final RollupLauncher launcher;

	private final RunHistory history;

	private final JobOperator jobOperator;

	private final AbandonedRuns abandonedRuns;

	private final JdbcTemplate jdbc;

	private final String tablePrefix;

	RunPlanner(RollupLauncher launcher, RunHistory history, JobOperator jobOperator, AbandonedRuns abandonedRuns,
			JdbcTemplate jdbc, @Value("${spring.batch.jdbc.table-prefix:BATCH_}") String tablePrefix) {
		this.launcher = launcher;
		this.history = history;
		this.jobOperator = jobOperator;
		this.abandonedRuns = abandonedRuns;
		this.jdbc = jdbc;
		this.tablePrefix = tablePrefix;
	}

	/**
	 * Decides how the command line runs a period: resume its last run or start a new one.
	 * A run of the period left by a process that is gone is marked failed here.
	 * @param requested the run asked for (its run id is used for a new run)
	 * @param fresh never resume: a run left unfinished is abandoned
	 * @throws RunRefusedException if the run cannot be started as asked, or the period is
	 * being rolled up by a live process
	 */
	public Plan plan(RunParameters requested, boolean fresh) {
		RollupLauncher.check(requested);
		this.launcher.recoverDeadRuns(requested.period());
		List<JobExecution> running = this.history.running(requested.period());
		if (!running.isEmpty()) {
			throw new RunRefusedException(Reason.ALREADY_RUNNING,
					"报告期 " + requested.period() + " 正在汇总" + this.launcher.who(running) + "，请等它结束后再运行");
		}
		JobExecution last = lastExecution(requested);
		if (last == null || !RESUMABLE.contains(last.getStatus())) {
			return new Plan(Plan.Kind.NEW, requested, null);
		}
		if (fresh) {
			return new Plan(Plan.Kind.FRESH_ON_REQUEST, requested, last);
		}
		RunParameters previous = RunParameters.of(last.getJobParameters());
		String fingerprint = InputFingerprint.of(requested.inputDir(), requested.period());
		boolean unchanged = fingerprint.equals(RunParameters.fingerprint(last.getJobParameters()))
				&& RunParameters.normalized(previous.outputDir())
					.equals(RunParameters.normalized(requested.outputDir()));
		return unchanged ? new Plan(Plan.Kind.RESUME, previous, last)
				: new Plan(Plan.Kind.FRESH_INPUT_CHANGED, requested, last);
	}

	/** Carries a plan out, synchronously with the default operator. */
	public JobExecution execute(Plan plan) throws Exception {
		removeStaleTemporaries(plan.parameters());
		if (plan.kind() == Plan.Kind.RESUME) {
			logger.info("继续报告期 {} 编号 {} 的汇总", plan.parameters().period(), plan.previous().getJobInstanceId());
			return this.launcher.restart(plan.previous());
		}
		if (plan.previous() != null) {
			JobExecution abandoned = this.jobOperator.abandon(plan.previous());
			this.abandonedRuns.forget(abandoned.getJobInstanceId());
			logger.info("放弃报告期 {} 编号 {} 未完成的汇总，重新开始", plan.parameters().period(), abandoned.getJobInstanceId());
		}
		return this.launcher.start(plan.parameters(), "cli");
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
				RunParameters.normalized(requested.inputDir()), RollupJob.NAME);
		Long id = ids.isEmpty() ? null : ids.get(0);
		return (id != null) ? this.history.execution(id) : null;
	}

	/**
	 * Deletes what a killed run may have left beside the period's workbooks: half-written
	 * temporary workbooks and write probes (hidden files ending .tmp), in the period's
	 * folder and its runs' folders. Called only once no live run of the period is left.
	 */
	private static void removeStaleTemporaries(RunParameters parameters) {
		Path folder = parameters.workbook().getParent();
		String workbook = "." + parameters.workbook().getFileName() + ".";
		List<Path> folders = new ArrayList<>(List.of(folder));
		try (Stream<Path> runs = Files.list(folder.resolve("runs"))) {
			runs.filter(Files::isDirectory).forEach(folders::add);
		}
		catch (IOException ex) {
			// no runs folder yet
		}
		for (Path dir : folders) {
			try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
				for (Path file : files) {
					String name = file.getFileName().toString();
					if ((name.startsWith(workbook) || name.startsWith(RollupLauncher.WRITE_PROBE))
							&& Files.isRegularFile(file)) {
						Files.deleteIfExists(file);
						logger.info("已删除上次中断的汇总留下的临时文件 {}", file);
					}
				}
			}
			catch (IOException ex) {
				logger.warn("无法清理临时文件（{}）：{}", dir, ex.getMessage());
			}
		}
	}

	/**
	 * How the command line runs a period.
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
