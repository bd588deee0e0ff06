package org.tallyrollup.run;

import java.nio.file.Path;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of a roll-up run. A run is identified by its period, its input folder
 * and a run id chosen by whoever starts it; the output folder does not identify it.
 *
 * @param period the period label
 * @param inputDir the input folder (absolute), holding the registry and period folders
 * @param outputDir the output folder (absolute)
 * @param runId the id that makes this run a new job instance
 */
public record RunParameters(String period, Path inputDir, Path outputDir, long runId) {

	static final String PERIOD = "period";

	static final String INPUT = "input";

	static final String OUTPUT = "output";

	static final String RUN_ID = "runId";

	/** Non-identifying: the {@link InputFingerprint} taken when the run was started. */
	static final String FINGERPRINT = "input.fingerprint";

	/** Non-identifying: who started the run, e.g. {@code web:admin}. */
	static final String STARTED_BY = "startedBy";

	public static RunParameters of(JobParameters parameters) {
		return new RunParameters(parameters.getString(PERIOD), Path.of(parameters.getString(INPUT)),
				Path.of(parameters.getString(OUTPUT)), parameters.getLong(RUN_ID));
	}

	public JobParameters toJobParameters() {
		return new JobParametersBuilder().addString(PERIOD, this.period)
			.addString(INPUT, this.inputDir.toAbsolutePath().normalize().toString())
			.addString(OUTPUT, this.outputDir.toAbsolutePath().normalize().toString(), false)
			.addLong(RUN_ID, this.runId)
			.toJobParameters();
	}

	/** The fingerprint of the input when the run was started, if recorded. */
	public static String fingerprint(JobParameters parameters) {
		return parameters.getString(FINGERPRINT);
	}

	/** Who started the run, e.g. {@code web:admin}, {@code schedule}, {@code cli}. */
	public static String startedBy(JobParameters parameters) {
		return parameters.getString(STARTED_BY);
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

	/**
	 * The latest workbook of the period: {@code <output>/<period>/rollup_<period>.xlsx}.
	 */
	public Path workbook() {
		return this.outputDir.resolve(this.period).resolve(workbookName());
	}

	/**
	 * The workbook of one run, kept when later runs replace the latest:
	 * {@code <output>/<period>/runs/<instance>/rollup_<period>.xlsx}.
	 */
	public Path runWorkbook(long instanceId) {
		return this.outputDir.resolve(this.period)
			.resolve("runs")
			.resolve(Long.toString(instanceId))
			.resolve(workbookName());
	}

	private String workbookName() {
		return "rollup_" + this.period + ".xlsx";
	}

}
