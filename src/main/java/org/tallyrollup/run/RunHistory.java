package org.tallyrollup.run;

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
import org.tallyrollup.staging.RunStore;

/**
 * The roll-up runs in the job repository, whoever started them. A run is a job instance:
 * a restart continues it as a further execution, under the same id. For comparing
 * periods, the completed runs by period for one input folder (another input folder is
 * another office's data); a period run again is represented by its latest completed run.
 */
@Service
public class RunHistory {

	private static final Comparator<CompletedRun> LATEST = Comparator
		.comparing(CompletedRun::endTime, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(CompletedRun::executionId);

	private final JobRepository jobRepository;

	private final RunStore staging;

	RunHistory(JobRepository jobRepository, RunStore staging) {
		this.jobRepository = jobRepository;
		this.staging = staging;
	}

	/** The run of that id, if it is a roll-up run. */
	public Optional<JobInstance> run(long id) {
		JobInstance instance = this.jobRepository.getJobInstance(id);
		return (instance != null && RollupJob.NAME.equals(instance.getJobName())) ? Optional.of(instance)
				: Optional.empty();
	}

	/** The newest runs first. */
	public List<JobInstance> recent(int count) {
		return this.jobRepository.getJobInstances(RollupJob.NAME, 0, count);
	}

	/** A run's executions, the latest first. */
	public List<JobExecution> executions(JobInstance run) {
		return this.jobRepository.getJobExecutions(run)
			.stream()
			.sorted(Comparator.comparing(JobExecution::getId).reversed())
			.toList();
	}

	public JobExecution execution(long executionId) {
		return this.jobRepository.getJobExecution(executionId);
	}

	public JobExecution last(JobInstance run) {
		return this.jobRepository.getLastJobExecution(run);
	}

	/** The executions of the period that the repository has as running. */
	public List<JobExecution> running(String period) {
		return this.jobRepository.findRunningJobExecutions(RollupJob.NAME)
			.stream()
			.filter((execution) -> period.equals(period(execution)))
			.toList();
	}

	/** The newest completed run of the period, with its workbook. */
	public Optional<JobExecution> latestCompleted(String period) {
		for (long id : this.staging.runsWithWorkbook(period)) {
			Optional<JobExecution> last = run(id).map(this::last);
			if (last.isPresent() && last.get().getStatus() == BatchStatus.COMPLETED) {
				return last;
			}
		}
		return Optional.empty();
	}

	/** The workbook a completed run wrote, as recorded when it was written. */
	public Optional<String> workbook(JobInstance run) {
		RunStore.StagedRun staged = this.staging.run(run.getInstanceId());
		return Optional.ofNullable((staged != null) ? staged.workbook() : null);
	}

	public static String period(JobExecution execution) {
		return execution.getJobParameters().getString(RunParameters.PERIOD);
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
