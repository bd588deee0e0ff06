package org.tallyrollup.job;

import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import org.tallyrollup.system.TallyProperties;
import org.tallyrollup.workbook.RollupWorkbookWriter;
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

	@Bean
	Step readTalliesWorker(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			TallyProperties properties, TallyItemReader tallyReader, TallyItemProcessor tallyChecker,
			StagingWriter stagingWriter) {
		return new StepBuilder(READ_WORKER, jobRepository).<TallyItem, TallyItem>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(tallyReader)
			.processor(tallyChecker)
			.writer(stagingWriter)
			.build();
	}

	@Bean
	@StepScope
	TallyItemReader tallyReader(@Value("#{stepExecution}") StepExecution stepExecution) {
		RunParameters parameters = RunParameters.of(stepExecution.getJobExecution().getJobParameters());
		return new TallyItemReader(parameters.periodDir(), parameters.period(),
				stepExecution.getExecutionContext().getInt(StripePartitioner.PARTITION, 0),
				stepExecution.getExecutionContext().getInt(StripePartitioner.PARTITIONS, 1));
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
	Step rollUp(JobRepository jobRepository, PlatformTransactionManager transactionManager, Stores staging,
			JobRegistries registries, RunHistory history) {
		return new StepBuilder("rollUp", jobRepository)
			.tasklet(new RollupTasklet(staging, new Supersession(staging), registries, history, transactionManager),
					transactionManager)
			.build();
	}

	@Bean
	Step writeWorkbook(JobRepository jobRepository, PlatformTransactionManager transactionManager, Stores staging,
			TallyProperties properties, RunNarratives narratives) {
		return new StepBuilder("writeWorkbook", jobRepository)
			.tasklet(new WorkbookTasklet(staging, new RollupWorkbookWriter(properties.maxRowsPerSheet()), narratives,
					transactionManager), transactionManager)
			.build();
	}

}
