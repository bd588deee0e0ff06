package org.tallyrollup.run;

import java.util.HashSet;
import java.util.Set;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The job executions launched in this process whose thread has not finished yet. A stop
 * marks an execution STOPPED at once, while its thread goes on to the next chunk
 * boundary; a restart must wait for that thread, or two threads would work on one run.
 */
@Component
@Order(3)
public class RunThreads implements JobExecutionListener {

	private final Set<Long> active = new HashSet<>();

	/** Executions whose thread ended before their launch returned (a synchronous run). */
	private final Set<Long> endedEarly = new HashSet<>();

	synchronized void launched(long executionId) {
		if (!this.endedEarly.remove(executionId)) {
			this.active.add(executionId);
		}
	}

	@Override
	public synchronized void afterJob(JobExecution execution) {
		if (!this.active.remove(execution.getId())) {
			this.endedEarly.add(execution.getId());
		}
	}

	/** Whether the thread of this execution, launched here, is still working. */
	public synchronized boolean isActive(long executionId) {
		return this.active.contains(executionId);
	}

	public synchronized Set<Long> active() {
		return Set.copyOf(this.active);
	}

}
