package org.tallyrollup.job;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * The completed runs kept in the job repository, by period, for one input folder (a run
 * is identified by its period and input folder: another input folder is another office's
 * data). A period run again is represented by its latest completed run, which replaces
 * the earlier ones for comparison.
 */
@Service
public class RunHistory {

	private static final Comparator<CompletedRun> LATEST = Comparator
		.comparing(CompletedRun::endTime, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(CompletedRun::executionId);

	private final JobRepository jobRepository;

	private final StagingRepository staging;

	RunHistory(JobRepository jobRepository, StagingRepository staging) {
		this.jobRepository = jobRepository;
		this.staging = staging;
	}

	/** The latest completed run of a period over an input folder. */
	public Optional<CompletedRun> latestCompleted(String period, Path inputDir) {
		Path input = normalise(inputDir);
		return this.staging.instancesOf(period)
			.stream()
			.map((id) -> completed(id, period, input))
			.flatMap(Optional::stream)
			.max(LATEST);
	}

	/**
	 * The run a period is compared with (较上期): the latest completed run of the greatest
	 * period label smaller than {@code period} that has a completed run.
	 */
	public Optional<CompletedRun> previous(String period, Path inputDir) {
		List<String> earlier = this.staging.storedPeriods()
			.stream()
			.filter((p) -> p.compareTo(period) < 0)
			.sorted(Comparator.reverseOrder())
			.toList();
		for (String candidate : earlier) {
			Optional<CompletedRun> run = latestCompleted(candidate, inputDir);
			if (run.isPresent()) {
				return run;
			}
		}
		return Optional.empty();
	}

	/** The instance's latest completed execution over the input folder. */
	private Optional<CompletedRun> completed(long instanceId, String period, Path input) {
		JobInstance instance = this.jobRepository.getJobInstance(instanceId);
		if (instance == null) {
			return Optional.empty();
		}
		return this.jobRepository.getJobExecutions(instance)
			.stream()
			.filter((execution) -> execution.getStatus() == BatchStatus.COMPLETED)
			.filter((execution) -> input.equals(normalise(inputOf(execution))))
			.map((execution) -> new CompletedRun(instanceId, execution.getId(), period, execution.getEndTime()))
			.max(LATEST);
	}

	private static Path inputOf(JobExecution execution) {
		return RunParameters.of(execution.getJobParameters()).inputDir();
	}

	private static Path normalise(Path path) {
		return path.toAbsolutePath().normalize();
	}

	/**
	 * A completed run.
	 *
	 * @param instanceId its job instance, which keys what it staged (TR_RUN, TR_TOTAL)
	 * @param executionId its completed job execution
	 * @param period its period label
	 * @param endTime when it completed
	 */
	public record CompletedRun(long instanceId, long executionId, String period, LocalDateTime endTime) {
	}

}
