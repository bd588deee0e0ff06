package org.tallyrollup.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Gives each job execution its run's row table before any step needs it (a restarted
 * execution finds the one its first execution filled).
 */
@Component
class RunRows implements JobExecutionListener {

	private final StagingRepository staging;

	RunRows(StagingRepository staging) {
		this.staging = staging;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		this.staging.prepareRows(execution.getJobInstanceId());
	}

}
