package org.tallyrollup.job;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * The roll-up runs in the job repository, whoever started them. A run is a job instance:
 * a restart continues it as a further execution, under the same id.
 */
@Service
public class RunHistory {

	private final JobRepository jobRepository;

	private final StagingRepository staging;

	RunHistory(JobRepository jobRepository, StagingRepository staging) {
		this.jobRepository = jobRepository;
		this.staging = staging;
	}

	/** The run of that id, if it is a roll-up run. */
	public Optional<JobInstance> run(long id) {
		JobInstance instance = this.jobRepository.getJobInstance(id);
		return (instance != null && RollupJobConfiguration.JOB_NAME.equals(instance.getJobName()))
				? Optional.of(instance) : Optional.empty();
	}

	/** The newest runs first. */
	public List<JobInstance> recent(int count) {
		return this.jobRepository.getJobInstances(RollupJobConfiguration.JOB_NAME, 0, count);
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
		return this.jobRepository.findRunningJobExecutions(RollupJobConfiguration.JOB_NAME)
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
		StagingRepository.StagedRun staged = this.staging.run(run.getInstanceId());
		return Optional.ofNullable((staged != null) ? staged.workbook() : null);
	}

	public static String period(JobExecution execution) {
		return execution.getJobParameters().getString(RunParameters.PERIOD);
	}

}
