package org.tallyrollup.job;

import org.tallyrollup.staging.RunStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.tallyrollup.system.FilePlacement;
import org.tallyrollup.system.IoReasons;
import org.tallyrollup.workbook.RollupWorkbookWriter;
import org.tallyrollup.workbook.RunInfo;
import org.tallyrollup.run.RunParameters;
import org.tallyrollup.run.RunNarratives;
import org.tallyrollup.staging.Stores;

/**
 * Writes the consolidated workbook (into place only when complete) as this run's own
 * file, copies it to the period's latest workbook, records where the run's file is, and
 * then lets the run's staged rows go: they are in the workbook now. A later run replaces
 * the latest workbook but never an earlier run's file.
 */
class WorkbookTasklet implements Tasklet {

	static final String WORKBOOK = "workbook";

	private final Stores staging;

	private final RollupWorkbookWriter writer;

	private final RunNarratives narratives;

	private final TransactionTemplate reads;

	WorkbookTasklet(Stores staging, RollupWorkbookWriter writer, RunNarratives narratives,
			PlatformTransactionManager transactionManager) {
		this.staging = staging;
		this.writer = writer;
		this.narratives = narratives;
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		long instance = execution.getJobInstanceId();
		RunParameters parameters = RunParameters.of(execution.getJobParameters());
		RunStore.StagedRun run = this.staging.runs().run(instance);
		if (run.workbook() != null) {
			// an earlier execution wrote, placed and recorded the workbook and had begun
			// letting the rows go (on H2 that commits at once): what is left is the
			// release
			execution.getExecutionContext().putString(WORKBOOK, run.workbook());
			this.staging.rows().release(instance);
			return RepeatStatus.FINISHED;
		}
		ZoneId zone = ZoneId.systemDefault();
		RunInfo info = new RunInfo(parameters.period(),
				execution.getStartTime().atZone(zone).toOffsetDateTime().withNano(0),
				OffsetDateTime.now(zone).withNano(0), run.registryFile(), run.registrySha256(), run.unitCount(),
				this.staging.files().files(instance), this.staging.files().skipped(instance), run.previousPeriod());
		Path target = parameters.runWorkbook(instance);
		// saved by the roll-up; asked of the staged totals (a scan) only if it is not
		// there
		int deepestLevel = execution.getExecutionContext().containsKey(RollupTasklet.DEEPEST_LEVEL)
				? execution.getExecutionContext().getInt(RollupTasklet.DEEPEST_LEVEL)
				: this.staging.totals().deepestLevel(instance);
		this.writer.write(new StagedWorkbookSource(this.staging, this.reads, instance, run.previousInstance(),
				deepestLevel, info, () -> this.narratives.of(instance, run)), target);
		try {
			FilePlacement.copyIntoPlace(target, parameters.workbook());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法写出汇总表 " + parameters.workbook() + "：" + IoReasons.describe(ex), ex);
		}
		this.staging.runs().saveWorkbook(instance, target.toString());
		execution.getExecutionContext().putString(WORKBOOK, target.toString());
		this.staging.rows().release(instance);
		return RepeatStatus.FINISHED;
	}

}
