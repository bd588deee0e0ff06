package org.tallyrollup.job;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.workbook.InputFileInfo;
import org.tallyrollup.workbook.SkippedItem;

/**
 * Builds the {@link RunReport} of a job execution from the job repository and staging.
 */
@Service
public class RunReports {

	/** The class name a stack trace's first line starts with. */
	private static final Pattern EXCEPTION_CLASS = Pattern.compile("^(?:[\\w$]+\\.)+[\\w$]+(?:Exception|Error): ");

	private final StagingRepository staging;

	private final JobRepository jobRepository;

	RunReports(StagingRepository staging, JobRepository jobRepository) {
		this.staging = staging;
		this.jobRepository = jobRepository;
	}

	public RunReport of(JobExecution execution) {
		long instance = execution.getJobInstanceId();
		List<InputFileInfo> files = this.staging.files(instance);
		List<SkippedItem> skipped = this.staging.skipped(instance);
		long failed = files.stream().filter((f) -> !f.status().equals("已读取")).count();
		long filesSkipped = skipped.stream().filter((s) -> s.sheet() == null).count();
		long[] byState = rowCounts(instance, files);
		List<UnitTotals> roots;
		try (var stream = this.staging.totals(instance, 1)) {
			roots = stream.toList();
		}
		StagingRepository.StagedRun run = this.staging.run(instance);
		StepExecution reading = this.jobRepository.getLastStepExecution(execution.getJobInstance(),
				RollupJobConfiguration.READ_TALLIES);
		return new RunReport(execution.getId(), execution.getJobParameters().getString(RunParameters.PERIOD),
				execution.getStatus().name(), execution.getStartTime(), execution.getEndTime(), filesTotal(reading),
				filesProcessed(reading), files.size() - failed, failed, filesSkipped, skipped.size() - filesSkipped,
				byState[0], byState[1], byState[2], byState[3], roots, this.staging.findingsByRule(instance),
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
		return this.staging.rowCountsByState(instance);
	}

	/**
	 * Files of the period folder, from the reading step of this run (which, after a
	 * restart, may be an earlier execution's).
	 */
	private static long filesTotal(StepExecution reading) {
		return (reading != null) ? reading.getExecutionContext().getInt(TallyItemReader.FILES_TOTAL, 0) : 0;
	}

	/** Files gone through: the reader's position, saved with every chunk. */
	private static long filesProcessed(StepExecution reading) {
		if (reading == null) {
			return 0;
		}
		if (reading.getStatus() == BatchStatus.COMPLETED) {
			return filesTotal(reading);
		}
		return reading.getExecutionContext().getInt(TallyItemReader.FILE_INDEX, 0);
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
		Throwable cause = failures.get(0);
		while (cause.getCause() != null && cause.getMessage() == null) {
			cause = cause.getCause();
		}
		return firstLine((cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName());
	}

	private static String firstLine(String text) {
		int end = text.indexOf('\n');
		return (end < 0) ? text : text.substring(0, end);
	}

}
