package org.tallyrollup.job;

import org.tallyrollup.staging.RowStore;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives each job execution its run's row table before any step needs it (a restarted
 * execution finds the one its first execution filled).
 */
@Component
@Order(4)
class RunRows implements JobExecutionListener {

	private final RowStore rows;

	RunRows(RowStore rows) {
		this.rows = rows;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		this.rows.prepare(execution.getJobInstanceId());
	}

}
