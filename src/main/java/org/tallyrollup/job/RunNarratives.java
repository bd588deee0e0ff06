package org.tallyrollup.job;

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

/**
 * The sentences of the summary report (综述) about each root and each child of a root, as
 * the workbook's 综述 sheet holds them and as a page shows them to copy.
 */
@Service
public class RunNarratives {

	private final JobRepository jobRepository;

	private final StagingRepository staging;

	RunNarratives(JobRepository jobRepository, StagingRepository staging) {
		this.jobRepository = jobRepository;
		this.staging = staging;
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
		StagingRepository.StagedRun run = this.staging.run(execution.getJobInstanceId());
		return (run != null) ? of(execution.getJobInstanceId(), run) : List.of();
	}

	List<UnitNarrative> of(long instance, StagingRepository.StagedRun run) {
		List<Integer> positions = this.staging.positions(instance, 2);
		List<ComparedTotals> units;
		try (Stream<ComparedTotals> stream = this.staging.compared(instance, run.previousInstance(), 2)) {
			units = stream.toList();
		}
		List<UnitNarrative> narratives = new ArrayList<>(units.size());
		for (int i = 0; i < units.size(); i++) {
			int level = units.get(i).totals().level();
			int end = Integer.MAX_VALUE;
			for (int j = i + 1; j < units.size(); j++) {
				if (units.get(j).totals().level() <= level) {
					end = positions.get(j);
					break;
				}
			}
			List<String> missing = this.staging.missingNames(instance, positions.get(i), end, Narrative.MAX_NAMED);
			narratives.add(Narrative.of(new NarrativeFigures(run.period(), units.get(i), missing)));
		}
		return narratives;
	}

}
