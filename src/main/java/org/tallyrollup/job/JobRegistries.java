package org.tallyrollup.job;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.tallyrollup.unit.RegistryLoader;
import org.tallyrollup.unit.RegistryLoader.LoadedRegistry;
import org.tallyrollup.unit.RegistryPreload;
import org.tallyrollup.run.RunParameters;

/**
 * The unit registry of each running job execution, loaded once when a step first needs it
 * (so a restarted execution loads it again) and dropped when the execution ends. Kept out
 * of the execution context, which is serialised to the database. The command line's run
 * takes the registry its start read in advance ({@link RegistryPreload}) when it is still
 * the folder's.
 */
@Component
@Order(2)
class JobRegistries implements JobExecutionListener {

	private final Map<Long, LoadedRegistry> registries = new ConcurrentHashMap<>();

	private final ObjectProvider<RegistryPreload> preload;

	JobRegistries(ObjectProvider<RegistryPreload> preload) {
		this.preload = preload;
	}

	LoadedRegistry get(JobExecution execution) {
		return this.registries.computeIfAbsent(execution.getId(),
				(id) -> load(RunParameters.of(execution.getJobParameters()).inputDir()));
	}

	private LoadedRegistry load(Path inputDir) {
		RegistryPreload preloaded = this.preload.getIfAvailable();
		Optional<LoadedRegistry> taken = (preloaded != null) ? preloaded.take(inputDir) : Optional.empty();
		return taken.orElseGet(() -> RegistryLoader.load(inputDir));
	}

	@Override
	public void afterJob(JobExecution execution) {
		this.registries.remove(execution.getId());
	}

}
