package org.tallyrollup.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

import org.tallyrollup.system.TallyProperties;
import org.tallyrollup.run.RollupLauncher;
import org.tallyrollup.run.RunHistory;
import org.tallyrollup.run.RunParameters;
import org.tallyrollup.run.RunRefusedException;
import org.tallyrollup.run.InputFingerprint;

/**
 * The nightly run: at the configured time it rolls up the chosen period, unless the last
 * completed run of that period read the same input (same {@link InputFingerprint}) or a
 * run of it is going. What it did is logged and kept for the page; a failure does not
 * stop the next night's run.
 *
 * <p>
 * Several servers may share one job repository and the same schedule: a scheduled run is
 * identified by the time it was due (its run id), so for one night they all name the same
 * job instance, and the job repository lets one of them run it. The others find it going
 * or done, log it and move on.
 */
public class NightlyRollup implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(NightlyRollup.class);

	private final RollupLauncher launcher;

	private final RunHistory history;

	private final ScheduleProperties schedule;

	private final Path inputDir;

	private final Path outputDir;

	private final ZoneId zone;

	private final CronExpression cron;

	private volatile NightlyOutcome last;

	/**
	 * When the scheduler last planned the task for: the run it is running now is due
	 * then.
	 */
	private final AtomicReference<Instant> due = new AtomicReference<>();

	NightlyRollup(RollupLauncher launcher, RunHistory history, ScheduleProperties schedule, TallyProperties folders) {
		this.launcher = launcher;
		this.history = history;
		this.schedule = schedule;
		this.inputDir = folders.inputPath();
		this.outputDir = folders.outputPath();
		this.zone = ZoneId.of(schedule.zone());
		this.cron = CronExpression.parse(schedule.cron());
		// a period rule that can give no valid label is a mistake to report at start-up
		PeriodChoice.resolve(schedule.period(), this.inputDir, ZonedDateTime.now(this.zone));
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		CronTrigger cron = new CronTrigger(this.schedule.cron(), this.zone);
		Trigger noting = (context) -> {
			Instant next = cron.nextExecution(context);
			this.due.set(next);
			return next;
		};
		registrar.addTriggerTask(this::runAsScheduled, noting);
		logger.info("自动汇总已开启：{}（{}），报告期 {}，下次 {}", this.schedule.cron(), this.zone, this.schedule.period(), next());
	}

	private void runAsScheduled() {
		Instant planned = this.due.get();
		run((planned != null) ? planned.atZone(this.zone) : ZonedDateTime.now(this.zone).withNano(0));
	}

	/** Runs once, as the schedule does, due now. Never throws. */
	public NightlyOutcome run() {
		return run(ZonedDateTime.now(this.zone).withNano(0));
	}

	/** Runs once, as the run due at that time. Never throws. */
	NightlyOutcome run(ZonedDateTime due) {
		ZonedDateTime now = due;
		NightlyOutcome outcome;
		try {
			outcome = decide(now);
		}
		catch (RuntimeException ex) {
			logger.error("自动汇总无法开始", ex);
			outcome = new NightlyOutcome(now, null, null, NightlyOutcome.Kind.FAILED, "自动汇总无法开始：" + ex.getMessage());
		}
		this.last = outcome;
		return outcome;
	}

	private NightlyOutcome decide(ZonedDateTime now) {
		Optional<String> chosen = PeriodChoice.resolve(this.schedule.period(), this.inputDir, now);
		if (chosen.isEmpty()) {
			return failed(now, null, "输入文件夹 " + this.inputDir + " 中没有报告期文件夹，自动汇总没有运行");
		}
		String period = chosen.get();
		if (!Files.isDirectory(this.inputDir.resolve(period))) {
			return failed(now, period, "报告期文件夹 " + this.inputDir.resolve(period) + " 不存在，自动汇总没有运行");
		}
		if (!this.history.running(period).isEmpty()) {
			logger.info("报告期 {} 正在汇总，这次自动汇总跳过", period);
			return new NightlyOutcome(now, period, null, NightlyOutcome.Kind.BUSY, "报告期 " + period + " 正在汇总，这次跳过");
		}
		Optional<JobExecution> completed = this.history.latestCompleted(period);
		String fingerprint = InputFingerprint.of(this.inputDir, period);
		if (completed.isPresent()
				&& fingerprint.equals(RunParameters.fingerprint(completed.get().getJobParameters()))) {
			long id = completed.get().getJobInstanceId();
			logger.info("报告期 {} 的输入自编号 {} 的汇总以来没有变化，不重复汇总", period, id);
			return new NightlyOutcome(now, period, id, NightlyOutcome.Kind.UNCHANGED,
					"报告期 " + period + " 的统计表和单位名册自编号 " + id + " 的汇总以来没有变化，没有重复汇总");
		}
		return start(now, period);
	}

	private NightlyOutcome start(ZonedDateTime now, String period) {
		try {
			// the time it was due identifies the run: the same on every server
			RunParameters parameters = new RunParameters(period, this.inputDir, this.outputDir,
					now.toInstant().toEpochMilli());
			JobExecution execution = this.launcher.start(parameters, "schedule");
			long id = execution.getJobInstanceId();
			if (execution.getStatus() == BatchStatus.FAILED) {
				logger.error("自动汇总失败：报告期 {}，编号 {}", period, id);
			}
			else {
				logger.info("自动汇总已开始：报告期 {}，编号 {}", period, id);
			}
			return new NightlyOutcome(now, period, id, NightlyOutcome.Kind.STARTED, "已开始汇总报告期 " + period);
		}
		catch (RunRefusedException ex) {
			if (ex.reason() == RunRefusedException.Reason.ALREADY_RUNNING) {
				// another server of the same repository took this night's run
				logger.info("报告期 {} 这次自动汇总已由别处开始或完成，本机跳过：{}", period, ex.getMessage());
				return new NightlyOutcome(now, period, null, NightlyOutcome.Kind.BUSY, ex.getMessage());
			}
			return failed(now, period, ex.getMessage());
		}
		catch (Exception ex) {
			logger.error("自动汇总失败：报告期 {}", period, ex);
			return new NightlyOutcome(now, period, null, NightlyOutcome.Kind.FAILED, "自动汇总失败：" + ex.getMessage());
		}
	}

	private static NightlyOutcome failed(ZonedDateTime now, String period, String message) {
		logger.error(message);
		return new NightlyOutcome(now, period, null, NightlyOutcome.Kind.FAILED, message);
	}

	/** When the schedule runs next. */
	public ZonedDateTime next() {
		return this.cron.next(ZonedDateTime.now(this.zone));
	}

	/** What the last scheduled run did, {@code null} before the first. */
	public NightlyOutcome last() {
		return this.last;
	}

	public ScheduleProperties schedule() {
		return this.schedule;
	}

}
