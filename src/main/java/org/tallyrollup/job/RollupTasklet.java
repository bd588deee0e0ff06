package org.tallyrollup.job;

import org.tallyrollup.staging.TotalsInserter;
import org.tallyrollup.staging.TotalsStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.tallyrollup.rollup.Rollup;
import org.tallyrollup.unit.RegistryLoader.LoadedRegistry;
import org.tallyrollup.unit.UnitRegistry;
import org.tallyrollup.run.RunHistory;
import org.tallyrollup.run.RunParameters;
import org.tallyrollup.staging.RowState;
import org.tallyrollup.staging.Stores;

/**
 * Resolves duplicates ({@link Supersession}), rolls the accepted rows up the hierarchy
 * and stores every unit's totals, in hierarchy order, with each file's row counts by
 * state and the run this one is compared with. One pass over the staged rows gives the
 * roll-up, the counts and the units with more than one accepted row; the rows that lose
 * to another of their unit are then taken back out of both. (Earlier versions resolved
 * duplicates in a step of their own, with a pass of its own: 0.4 s of a province's run.)
 * <p>
 * The totals are stored in transactions of their own ({@code REQUIRES_NEW}), a batch at a
 * time and on two threads ({@link TotalsInserter}): one transaction of a million inserts
 * cost H2 more at its commit than the inserts themselves (5 of the step's 14 s at a
 * million units). The step stays restartable: done again, it first deletes whatever an
 * earlier attempt stored.
 */
class RollupTasklet implements Tasklet {

	private static final int BATCH = 5000;

	private final Stores staging;

	private final Supersession supersession;

	private final JobRegistries registries;

	private final RunHistory history;

	private final TransactionTemplate ownTransactions;

	/**
	 * The job's context entry that holds the deepest level of a unit, for the workbook.
	 */
	static final String DEEPEST_LEVEL = "tally.deepestLevel";

	RollupTasklet(Stores staging, Supersession supersession, JobRegistries registries, RunHistory history,
			PlatformTransactionManager transactionManager) {
		this.staging = staging;
		this.supersession = supersession;
		this.registries = registries;
		this.history = history;
		this.ownTransactions = new TransactionTemplate(transactionManager);
		this.ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		long instance = execution.getJobInstanceId();
		LoadedRegistry loaded = this.registries.get(execution);
		UnitRegistry registry = loaded.registry();
		Map<Integer, long[]> rowsPerFile = new HashMap<>();
		Rollup rollup = rollUp(instance, registry, rowsPerFile);
		this.staging.files().saveRowCounts(instance, rowsPerFile);
		RunParameters parameters = RunParameters.of(execution.getJobParameters());
		RunHistory.CompletedRun previous = this.history.previous(parameters.period(), parameters.inputDir())
			.orElse(null);
		PreviousPositions previousPositions = PreviousPositions.of(this.staging.runs(), this.staging.totals(),
				(previous != null) ? previous.instanceId() : null, loaded);
		this.ownTransactions.executeWithoutResult((status) -> this.staging.totals().deleteInstance(instance));
		int deepest = 0;
		try (TotalsInserter inserter = new TotalsInserter(this.staging.totals(), this.ownTransactions, instance)) {
			List<TotalsStore.StagedTotal> batch = new ArrayList<>(BATCH);
			int position = 0;
			for (int unit : registry.hierarchyOrder()) {
				deepest = Math.max(deepest, registry.level(unit));
				int parent = registry.parent(unit);
				batch.add(new TotalsStore.StagedTotal(position, rollup.totals(unit),
						(parent >= 0) ? registry.unit(parent).name() : null, registry.mustReport(unit),
						rollup.hasOwnRow(unit), previousPositions.of(unit, position)));
				position++;
				if (batch.size() == BATCH) {
					inserter.insert(batch);
					batch = new ArrayList<>(BATCH);
				}
			}
			inserter.insert(batch);
		}
		// the workbook declares 分级汇总's outline depth before its rows
		execution.getExecutionContext().putInt(DEEPEST_LEVEL, deepest);
		this.staging.runs()
			.save(instance, parameters.period(), loaded.fileName(), loaded.sha256(), registry.size(),
					(previous != null) ? previous.instanceId() : null, (previous != null) ? previous.period() : null);
		return RepeatStatus.FINISHED;
	}

	/**
	 * Adds up each unit's accepted row and each file's rows by state, in one pass over
	 * the rows, then takes the rows that lose to another of their unit back out of both.
	 * @param rowsPerFile filled in: by file number, its rows by state
	 */
	private Rollup rollUp(long instance, UnitRegistry registry, Map<Integer, long[]> rowsPerFile) {
		Rollup rollup = new Rollup(registry);
		Supersession.Duplicates duplicates = new Supersession.Duplicates(registry);
		this.staging.rows().forEachRow(instance, (fileNo, state, unitCode, counts) -> {
			if (state == null) {
				return;
			}
			rowsPerFile.computeIfAbsent(fileNo, (file) -> new long[RowState.values().length])[state.ordinal()]++;
			if (state == RowState.ACCEPTED) {
				duplicates.accepted(unitCode);
				rollup.add(registry.indexOf(unitCode), counts);
			}
		});
		for (Supersession.Superseded row : this.supersession.resolve(instance, duplicates)) {
			long[] byState = rowsPerFile.get(row.fileNo());
			byState[RowState.ACCEPTED.ordinal()]--;
			byState[RowState.SUPERSEDED.ordinal()]++;
			int unit = registry.indexOf(row.unitCode());
			if (unit >= 0) {
				rollup.takeBack(unit, row.counts());
			}
		}
		return rollup.compute();
	}

}
