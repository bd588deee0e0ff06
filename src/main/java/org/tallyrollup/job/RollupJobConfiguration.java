package org.tallyrollup.job;

import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import org.tallyrollup.reading.TallyItem;
import org.tallyrollup.system.TallyProperties;
import org.tallyrollup.workbook.RollupWorkbookWriter;
import org.tallyrollup.workbook.WorkbookStreamDecorator;
import org.tallyrollup.run.RunHistory;
import org.tallyrollup.run.RunParameters;
import org.tallyrollup.run.RunNarratives;
import org.tallyrollup.run.RollupJob;
import org.tallyrollup.staging.Stores;

/**
 * The roll-up job, read top to bottom as the process it is: load and check the registry,
 * read and check the tallies, resolve duplicates, roll up, write the workbook.
 */
@Configuration(proxyBeanMethods = false)
class RollupJobConfiguration {

	static final String JOB_NAME = RollupJob.NAME;

	static final String READ_WORKER = RollupJob.READ_WORKER;

	/**
	 * The job, with every {@link JobExecutionListener} bean in their order: who runs the
	 * execution ({@code run/ExecutionOwners}), its registry, its threads, its row table,
	 * and last its start written at once ({@link DurableStart}).
	 */
	@Bean
	Job rollupJob(JobRepository jobRepository, List<JobExecutionListener> listeners, Step loadRegistry,
			Step readTallies, Step rollUp, Step writeWorkbook) {
		JobBuilder job = new JobBuilder(JOB_NAME, jobRepository);
		listeners.forEach(job::listener);
		return job.start(loadRegistry).next(readTallies).next(rollUp).next(writeWorkbook).build();
	}

	@Bean
	Step loadRegistry(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JobRegistries registries) {
		return new StepBuilder("loadRegistry", jobRepository).tasklet((contribution, context) -> {
			registries.get(context.getStepContext().getStepExecution().getJobExecution());
			return RepeatStatus.FINISHED;
		}, transactionManager).allowStartIfComplete(true).build();
	}

	/** Reads the files on as many workers as there are cores (or tally.read-threads). */
	@Bean
	Step readTallies(JobRepository jobRepository, Step readTalliesWorker, TallyProperties properties) {
		int workers = (properties.readThreads() > 0) ? properties.readThreads()
				: Runtime.getRuntime().availableProcessors();
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("read-");
		executor.setConcurrencyLimit(workers);
		return new StepBuilder("readTallies", jobRepository).partitioner(READ_WORKER, new StripePartitioner())
			.step(readTalliesWorker)
			.gridSize(workers)
			.taskExecutor(executor)
			.build();
	}

	/**
	 * A read worker. Every {@link ItemWriteListener} bean is told of each chunk written,
	 * before its transaction commits; the application itself has none.
	 */
	@Bean
	Step readTalliesWorker(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			TallyProperties properties, TallyItemReader tallyReader, TallyItemProcessor tallyChecker,
			StagingWriter stagingWriter, List<ItemWriteListener<Object>> writeListeners) {
		var step = new StepBuilder(READ_WORKER, jobRepository).<TallyItem, TallyItem>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(tallyReader)
			.processor(tallyChecker)
			.writer(stagingWriter);
		writeListeners.forEach(step::listener);
		return step.build();
	}

	@Bean
	@StepScope
	TallyItemReader tallyReader(@Value("#{stepExecution}") StepExecution stepExecution,
			List<TallyFileListener> listeners) {
		RunParameters parameters = RunParameters.of(stepExecution.getJobExecution().getJobParameters());
		return new TallyItemReader(parameters.periodDir(), parameters.period(),
				stepExecution.getExecutionContext().getInt(StripePartitioner.PARTITION, 0),
				stepExecution.getExecutionContext().getInt(StripePartitioner.PARTITIONS, 1), listeners);
	}

	@Bean
	@StepScope
	TallyItemProcessor tallyChecker(@Value("#{stepExecution}") StepExecution stepExecution, JobRegistries registries) {
		String period = RunParameters.of(stepExecution.getJobExecution().getJobParameters()).period();
		return new TallyItemProcessor(registries.get(stepExecution.getJobExecution()).registry(), period);
	}

	@Bean
	@StepScope
	StagingWriter stagingWriter(@Value("#{stepExecution}") StepExecution stepExecution, Stores staging) {
		return new StagingWriter(staging.files(), staging.rows(), staging.findings(),
				stepExecution.getJobExecution().getJobInstanceId());
	}

	@Bean
	Tasklet rollUpTasklet(PlatformTransactionManager transactionManager, Stores staging, JobRegistries registries,
			RunHistory history) {
		return new RollupTasklet(staging, new Supersession(staging), registries, history, transactionManager);
	}

	@Bean
	Step rollUp(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet rollUpTasklet) {
		return new StepBuilder("rollUp", jobRepository).tasklet(rollUpTasklet, transactionManager).build();
	}

	/**
	 * The workbook's step; its file is written through the
	 * {@link WorkbookStreamDecorator} bean if there is one (the application itself has
	 * none).
	 */
	@Bean
	Tasklet writeWorkbookTasklet(PlatformTransactionManager transactionManager, Stores staging,
			TallyProperties properties, RunNarratives narratives, ObjectProvider<WorkbookStreamDecorator> decorator) {
		RollupWorkbookWriter writer = new RollupWorkbookWriter(properties.maxRowsPerSheet(),
				decorator.getIfAvailable(() -> WorkbookStreamDecorator.NONE));
		return new WorkbookTasklet(staging, writer, narratives, transactionManager);
	}

	@Bean
	Step writeWorkbook(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tasklet writeWorkbookTasklet) {
		return new StepBuilder("writeWorkbook", jobRepository).tasklet(writeWorkbookTasklet, transactionManager)
			.build();
	}

}
