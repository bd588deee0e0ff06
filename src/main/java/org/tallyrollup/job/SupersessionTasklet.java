package org.tallyrollup.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.tally.Submission;

/**
 * Resolves duplicates (§3.3): of a unit's accepted rows, the latest submission wins; the
 * others become superseded, each with a W3 naming the row that replaced it.
 */
class SupersessionTasklet implements Tasklet {

	private final StagingRepository staging;

	SupersessionTasklet(StagingRepository staging) {
		this.staging = staging;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution,
			org.springframework.batch.core.scope.context.ChunkContext chunkContext) {
		long instance = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstanceId();
		this.staging.resetSuperseded(instance);
		List<StagingRepository.Candidate> group = new ArrayList<>();
		this.staging.acceptedDuplicates(instance, (candidate) -> {
			if (!group.isEmpty() && !group.get(0).unitCode().equals(candidate.unitCode())) {
				resolve(instance, group);
				group.clear();
			}
			group.add(candidate);
		});
		resolve(instance, group);
		return RepeatStatus.FINISHED;
	}

	private void resolve(long instance, List<StagingRepository.Candidate> group) {
		if (group.size() < 2) {
			return;
		}
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

}
