package org.tallyrollup.job;

import java.nio.file.Path;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of a roll-up run. A run is identified by its period, its input folder
 * and a run id chosen by whoever starts it; the output folder and the digest of the input
 * it started on do not identify it.
 *
 * @param period the period label
 * @param inputDir the input folder (absolute), holding the registry and period folders
 * @param outputDir the output folder (absolute)
 * @param runId the id that makes this run a new job instance
 * @param inputDigest what the input looked like when the run started
 * ({@link InputDigest}), {@code null} when not known
 */
public record RunParameters(String period, Path inputDir, Path outputDir, long runId, String inputDigest) {

	static final String PERIOD = "period";

	static final String INPUT = "input";

	static final String OUTPUT = "output";

	static final String RUN_ID = "runId";

	static final String INPUT_DIGEST = "inputDigest";

	public RunParameters(String period, Path inputDir, Path outputDir, long runId) {
		this(period, inputDir, outputDir, runId, null);
	}

	public static RunParameters of(JobParameters parameters) {
		return new RunParameters(parameters.getString(PERIOD), Path.of(parameters.getString(INPUT)),
				Path.of(parameters.getString(OUTPUT)), parameters.getLong(RUN_ID), parameters.getString(INPUT_DIGEST));
	}

	public JobParameters toJobParameters() {
		JobParametersBuilder builder = new JobParametersBuilder().addString(PERIOD, this.period)
			.addString(INPUT, normalized(this.inputDir))
			.addString(OUTPUT, normalized(this.outputDir), false)
			.addLong(RUN_ID, this.runId);
		if (this.inputDigest != null) {
			builder.addString(INPUT_DIGEST, this.inputDigest, false);
		}
		return builder.toJobParameters();
	}

	RunParameters withInputDigest(String digest) {
		return new RunParameters(this.period, this.inputDir, this.outputDir, this.runId, digest);
	}

	/** Whether both name the same period of the same input folder. */
	boolean samePeriodAndInput(RunParameters other) {
		return this.period.equals(other.period) && normalized(this.inputDir).equals(normalized(other.inputDir));
	}

	static String normalized(Path folder) {
		return folder.toAbsolutePath().normalize().toString();
	}

	public Path periodDir() {
		return this.inputDir.resolve(this.period);
	}

	/** Where the workbook goes: {@code <output>/<period>/rollup_<period>.xlsx}. */
	public Path workbook() {
		return this.outputDir.resolve(this.period).resolve("rollup_" + this.period + ".xlsx");
	}

}
