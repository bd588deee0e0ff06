package org.tallyrollup.run;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

import org.tallyrollup.narrative.Narrative;
import org.tallyrollup.narrative.NarrativeFigures;
import org.tallyrollup.narrative.UnitNarrative;
import org.tallyrollup.rollup.ComparedTotals;
import org.tallyrollup.staging.RunStore;
import org.tallyrollup.staging.TotalsStore;

/**
 * The sentences of the summary report (综述) about each root and each child of a root, as
 * the workbook's 综述 sheet holds them and as a page shows them to copy.
 */
@Service
public class RunNarratives {

	private final JobRepository jobRepository;

	private final RunStore runs;

	private final TotalsStore totals;

	RunNarratives(JobRepository jobRepository, RunStore runs, TotalsStore totals) {
		this.jobRepository = jobRepository;
		this.runs = runs;
		this.totals = totals;
	}

	/**
	 * A run's sentences, roots and their children in hierarchy order; empty while the run
	 * has not rolled up yet or when there is no such execution.
	 */
	public List<UnitNarrative> of(long executionId) {
		JobExecution execution = this.jobRepository.getJobExecution(executionId);
		if (execution == null) {
			return List.of();
		}
		RunStore.StagedRun run = this.runs.run(execution.getJobInstanceId());
		return (run != null) ? of(execution.getJobInstanceId(), run) : List.of();
	}

	public List<UnitNarrative> of(long instance, RunStore.StagedRun run) {
		List<ComparedTotals> units;
		try (Stream<ComparedTotals> stream = this.totals.compared(instance, run.previousInstance(), 2)) {
			units = stream.toList();
		}
		List<List<String>> missing = missingUnder(instance, units.size());
		List<UnitNarrative> narratives = new ArrayList<>(units.size());
		for (int i = 0; i < units.size(); i++) {
			narratives.add(Narrative.of(new NarrativeFigures(run.period(), units.get(i), missing.get(i))));
		}
		return narratives;
	}

	/**
	 * For each root and child of a root, in hierarchy order, the first units under it
	 * (itself included) that must report and did not: one pass over the hierarchy.
	 */
	private List<List<String>> missingUnder(long instance, int count) {
		List<List<String>> names = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			names.add(new ArrayList<>());
		}
		// at[0]: the last root or child of a root passed (its index in names); at[1],
		// at[2]: the root and the child of a root whose subtrees the pass is in
		int[] at = { -1, -1, -1 };
		this.totals.forEachMissingOrUpper(instance, 2, (level, name, missing) -> {
			if (level <= 2) {
				at[0]++;
				at[level] = at[0];
				if (level == 1) {
					at[2] = -1;
				}
			}
			if (missing) {
				for (int l = 1; l <= 2; l++) {
					if (at[l] >= 0 && at[l] < count && names.get(at[l]).size() < Narrative.MAX_NAMED) {
						names.get(at[l]).add(name);
					}
				}
			}
		});
		return names;
	}

}
