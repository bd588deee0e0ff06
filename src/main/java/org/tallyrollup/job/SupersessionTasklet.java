package org.tallyrollup.job;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.tally.Submission;
import org.tallyrollup.unit.UnitRegistry;

/**
 * Resolves duplicates (§3.3): of a unit's accepted rows, the latest submission wins; the
 * others become superseded, each with a W3 naming the row that replaced it.
 * <p>
 * The units with more than one accepted row are found in one pass over the rows, marked
 * by their place in the registry (two bits a unit, whatever the number of rows); only
 * when there are some does a second pass gather their rows.
 */
class SupersessionTasklet implements Tasklet {

	/**
	 * Set in the step's context, which is committed with the tasklet's work: a step that
	 * finds it has run (and committed) before, so its supersessions must be undone first.
	 */
	private static final String PASSED = "tally.duplicatesResolved";

	private final StagingRepository staging;

	private final JobRegistries registries;

	SupersessionTasklet(StagingRepository staging, JobRegistries registries) {
		this.staging = staging;
		this.registries = registries;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		long instance = execution.getJobInstanceId();
		ExecutionContext context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
		if (context.containsKey(PASSED)) {
			this.staging.resetSuperseded(instance);
		}
		context.putString(PASSED, "yes");
		Duplicated duplicated = duplicatedUnits(instance, this.registries.get(execution).registry());
		if (duplicated.isEmpty()) {
			return RepeatStatus.FINISHED;
		}
		Map<Integer, StagingRepository.FileFacts> files = this.staging.fileFacts(instance);
		Map<String, List<StagingRepository.Candidate>> groups = new TreeMap<>();
		this.staging.forEachAccepted(instance, true, (unitCode, fileNo, sheetIndex, row, sheet) -> {
			if (duplicated.contains(unitCode)) {
				StagingRepository.FileFacts file = files.get(fileNo);
				groups.computeIfAbsent(unitCode, (code) -> new ArrayList<>(2))
					.add(new StagingRepository.Candidate(unitCode, fileNo, sheetIndex, row, sheet, file.path(),
							file.modifiedNanos()));
			}
		});
		groups.values().forEach((group) -> resolve(instance, group));
		return RepeatStatus.FINISHED;
	}

	private Duplicated duplicatedUnits(long instance, UnitRegistry registry) {
		Duplicated duplicated = new Duplicated(registry);
		BitSet seen = new BitSet(registry.size());
		Set<String> seenElsewhere = new HashSet<>();
		this.staging.forEachAccepted(instance, false, (unitCode, fileNo, sheetIndex, row, sheet) -> {
			int unit = registry.indexOf(unitCode);
			if (unit >= 0) {
				if (seen.get(unit)) {
					duplicated.inRegistry.set(unit);
				}
				seen.set(unit);
			}
			// not a registry unit (R2 rejects those): kept apart rather than lost
			else if (!seenElsewhere.add(unitCode)) {
				duplicated.elsewhere.add(unitCode);
			}
		});
		return duplicated;
	}

	private void resolve(long instance, List<StagingRepository.Candidate> group) {
		StagingRepository.Candidate winner = group.get(0);
		for (StagingRepository.Candidate candidate : group) {
			if (Submission.PRECEDENCE.compare(submission(candidate), submission(winner)) > 0) {
				winner = candidate;
			}
		}
		for (StagingRepository.Candidate loser : group) {
			if (loser != winner) {
				String where = winner.path() + " 工作表“" + winner.sheet() + "”第" + winner.row() + "行";
				Finding finding = new Finding(Rule.W3, loser.path(), loser.sheet(), loser.row(), loser.unitCode(), null,
						null, "同一单位本期有多行数据，此行已被 " + where + " 的数据替代，不计入汇总");
				this.staging.supersede(instance, loser, finding);
			}
		}
	}

	private static Submission submission(StagingRepository.Candidate candidate) {
		return new Submission(candidate.modifiedNanos(), candidate.path(), candidate.sheetIndex(), candidate.row());
	}

	/** The unit codes with more than one accepted row. */
	private static final class Duplicated {

		private final UnitRegistry registry;

		private final BitSet inRegistry = new BitSet();

		private final Set<String> elsewhere = new HashSet<>();

		private Duplicated(UnitRegistry registry) {
			this.registry = registry;
		}

		boolean isEmpty() {
			return this.inRegistry.isEmpty() && this.elsewhere.isEmpty();
		}

		boolean contains(String unitCode) {
			int unit = this.registry.indexOf(unitCode);
			return (unit >= 0) ? this.inRegistry.get(unit) : this.elsewhere.contains(unitCode);
		}

	}

}
