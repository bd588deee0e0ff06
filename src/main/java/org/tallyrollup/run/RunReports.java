package org.tallyrollup.run;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.system.IoReasons;
import org.tallyrollup.workbook.InputFileInfo;
import org.tallyrollup.workbook.SkippedItem;
import org.tallyrollup.staging.RunStore;
import org.tallyrollup.staging.Stores;

/**
 * Builds the {@link RunReport} of a job execution from the job repository and staging.
 */
@Service
public class RunReports {

	/** The class name a stack trace's first line starts with. */
	private static final Pattern EXCEPTION_CLASS = Pattern.compile("^(?:[\\w$]+\\.)+[\\w$]+(?:Exception|Error): ");

	/** More read workers than any machine would give a run. */
	private static final int MAX_WORKERS = 256;

	private final Stores staging;

	private final JobRepository jobRepository;

	RunReports(Stores staging, JobRepository jobRepository) {
		this.staging = staging;
		this.jobRepository = jobRepository;
	}

	public RunReport of(JobExecution execution) {
		long instance = execution.getJobInstanceId();
		List<InputFileInfo> files = this.staging.files().files(instance);
		List<SkippedItem> skipped = this.staging.files().skipped(instance);
		long failed = files.stream().filter(InputFileInfo::failed).count();
		long filesSkipped = skipped.stream().filter((s) -> s.sheet() == null).count();
		long[] byState = rowCounts(instance, files);
		List<UnitTotals> roots;
		try (var stream = this.staging.totals().totals(instance, 1)) {
			roots = stream.toList();
		}
		RunStore.StagedRun run = this.staging.runs().run(instance);
		List<StepExecution> reading = readingWorkers(execution);
		return new RunReport(execution.getId(), execution.getJobParameters().getString(RunParameters.PERIOD),
				execution.getStatus().name(), execution.getStartTime(), execution.getEndTime(), filesTotal(reading),
				filesProcessed(reading), files.size() - failed, failed, filesSkipped, skipped.size() - filesSkipped,
				byState[0], byState[1], byState[2], byState[3], roots, this.staging.findings().countsByRule(instance),
				(run != null) ? run.workbook() : null, exitMessage(execution));
	}

	/** Per-file counts once the roll-up has stored them; the live rows before that. */
	private long[] rowCounts(long instance, List<InputFileInfo> files) {
		long[] fromFiles = new long[4];
		for (InputFileInfo file : files) {
			fromFiles[0] += file.accepted();
			fromFiles[1] += file.rejected();
			fromFiles[2] += file.superseded();
			fromFiles[3] += file.skipped();
		}
		if (fromFiles[0] + fromFiles[1] + fromFiles[2] + fromFiles[3] > 0) {
			return fromFiles;
		}
		return this.staging.rows().countsByState(instance);
	}

	/**
	 * The read workers' last executions in this run's job instance (after a restart, a
	 * worker that had finished keeps its earlier execution).
	 */
	private List<StepExecution> readingWorkers(JobExecution execution) {
		List<StepExecution> workers = new java.util.ArrayList<>();
		for (int i = 0; i < MAX_WORKERS; i++) {
			StepExecution worker = this.jobRepository.getLastStepExecution(execution.getJobInstance(),
					RollupJob.READ_WORKER + ":" + RollupJob.stripeName(i));
			if (worker == null) {
				break;
			}
			workers.add(worker);
		}
		return workers;
	}

	/** Files of the period folder given to the read workers, once they have started. */
	private static long filesTotal(List<StepExecution> workers) {
		return workers.stream().mapToLong((w) -> w.getExecutionContext().getInt(RollupJob.FILES_TOTAL, 0)).sum();
	}

	/**
	 * Files gone through: each worker's position in its stripe, saved with every chunk.
	 */
	private static long filesProcessed(List<StepExecution> workers) {
		long processed = 0;
		for (StepExecution worker : workers) {
			int assigned = worker.getExecutionContext().getInt(RollupJob.FILES_TOTAL, 0);
			if (worker.getStatus() == BatchStatus.COMPLETED) {
				processed += assigned;
				continue;
			}
			int partition = worker.getExecutionContext().getInt(RollupJob.PARTITION, 0);
			int partitions = worker.getExecutionContext().getInt(RollupJob.PARTITIONS, 1);
			int index = worker.getExecutionContext().getInt(RollupJob.FILE_INDEX, partition);
			processed += Math.min(assigned, Math.max(0, (index - partition) / partitions));
		}
		return processed;
	}

	private static String exitMessage(JobExecution execution) {
		if (execution.getStatus() != BatchStatus.FAILED) {
			return null;
		}
		List<Throwable> failures = execution.getAllFailureExceptions();
		if (failures.isEmpty()) {
			// read back from the repository: the description is the stack trace
			String description = execution.getExitStatus().getExitDescription();
			return (description == null || description.isBlank()) ? "运行失败"
					: EXCEPTION_CLASS.matcher(firstLine(description)).replaceFirst("");
		}
		for (Throwable failure : failures) {
			for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause()
					: null) {
				if (saysWhy(cause)) {
					return firstLine(cause.getMessage());
				}
			}
		}
		Throwable deepest = failures.get(0);
		while (deepest.getCause() != null && deepest.getCause() != deepest) {
			deepest = deepest.getCause();
		}
		return firstLine(IoReasons.describe(deepest));
	}

	/**
	 * Whether an exception is one of ours (its message is the reason, written for the
	 * person who ran the job), rather than a framework's wrapper such as "Unable to
	 * process chunk".
	 */
	private static boolean saysWhy(Throwable failure) {
		return failure.getMessage() != null && (failure.getClass().getName().startsWith("org.tallyrollup.")
				|| failure instanceof java.io.UncheckedIOException);
	}

	private static String firstLine(String text) {
		int end = text.indexOf('\n');
		return (end < 0) ? text : text.substring(0, end);
	}

}
