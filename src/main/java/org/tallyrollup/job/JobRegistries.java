package org.tallyrollup.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

import org.tallyrollup.unit.RegistryLoader;
import org.tallyrollup.unit.RegistryLoader.LoadedRegistry;

/**
 * The unit registry of each running job execution, loaded once when a step first needs it
 * (so a restarted execution loads it again) and dropped when the execution ends. Kept out
 * of the execution context, which is serialised to the database.
 */
@Component
class JobRegistries implements JobExecutionListener {

	private final Map<Long, LoadedRegistry> registries = new ConcurrentHashMap<>();

	LoadedRegistry get(JobExecution execution) {
		return this.registries.computeIfAbsent(execution.getId(),
				(id) -> RegistryLoader.load(RunParameters.of(execution.getJobParameters()).inputDir()));
	}

	@Override
	public void afterJob(JobExecution execution) {
		this.registries.remove(execution.getId());
	}

}
