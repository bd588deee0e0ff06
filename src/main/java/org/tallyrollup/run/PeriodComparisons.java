package org.tallyrollup.run;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

import org.tallyrollup.rollup.ComparedTotals;
import org.tallyrollup.staging.RunStore;
import org.tallyrollup.staging.TotalsStore;

/**
 * 较上期 for a page: a run's totals beside those of the run it was compared with when its
 * workbook was written (the latest completed run of the previous period then), so that
 * the page and the workbook always agree.
 */
@Service
public class PeriodComparisons {

	private final JobRepository jobRepository;

	private final RunStore runs;

	private final TotalsStore totals;

	PeriodComparisons(JobRepository jobRepository, RunStore runs, TotalsStore totals) {
		this.jobRepository = jobRepository;
		this.runs = runs;
		this.totals = totals;
	}

	/**
	 * The roots of a run, each beside its previous totals; empty while the run has not
	 * rolled up yet or when there is no such execution.
	 */
	public Optional<RunComparison> roots(long executionId) {
		return of(executionId, 1);
	}

	/** Likewise for the units of 汇总: each root and each child of a root. */
	public Optional<RunComparison> summary(long executionId) {
		return of(executionId, 2);
	}

	private Optional<RunComparison> of(long executionId, int maxLevel) {
		JobExecution execution = this.jobRepository.getJobExecution(executionId);
		if (execution == null) {
			return Optional.empty();
		}
		long instance = execution.getJobInstanceId();
		RunStore.StagedRun run = this.runs.run(instance);
		if (run == null) {
			return Optional.empty();
		}
		try (Stream<ComparedTotals> units = this.totals.compared(instance, run.previousInstance(), maxLevel)) {
			return Optional.of(new RunComparison(run.period(), run.previousPeriod(), units.toList()));
		}
	}

	/**
	 * A run's units beside their totals of the previous period.
	 *
	 * @param period the run's period
	 * @param previousPeriod the period compared with, {@code null} when there was none
	 * (every change is then {@code null})
	 * @param units the units in hierarchy order
	 */
	public record RunComparison(String period, String previousPeriod, List<ComparedTotals> units) {
	}

}
