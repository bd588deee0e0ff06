package org.tallyrollup.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Service;

import org.tallyrollup.tally.PeriodFolders;

/**
 * Starts roll-up runs after checking what can be checked before reading anything: the
 * period label, the period folder, and that the output folder can be written.
 */
@Service
public class RollupLauncher {

	private final JobOperator jobOperator;

	private final Job rollupJob;

	RollupLauncher(JobOperator jobOperator, Job rollupJob) {
		this.jobOperator = jobOperator;
		this.rollupJob = rollupJob;
	}

	/**
	 * Runs (or, with an asynchronous operator, starts) a roll-up.
	 * @throws RunRefusedException if the run cannot be started as asked
	 */
	public JobExecution start(RunParameters parameters) throws Exception {
		check(parameters);
		return this.jobOperator.start(this.rollupJob, parameters.toJobParameters());
	}

	/** The checks made before a run starts. */
	public static void check(RunParameters parameters) {
		if (!PeriodFolders.isValidLabel(parameters.period())) {
			throw new RunRefusedException(RunRefusedException.Reason.BAD_PERIOD,
					"报告期“" + parameters.period() + "”无效：只能由字母、数字和“-”组成");
		}
		if (!Files.isDirectory(parameters.inputDir())) {
			throw new RunRefusedException(RunRefusedException.Reason.NO_INPUT, "输入文件夹不存在：" + parameters.inputDir());
		}
		if (!Files.isDirectory(parameters.periodDir())) {
			throw new RunRefusedException(RunRefusedException.Reason.NO_INPUT, "报告期文件夹不存在：" + parameters.periodDir());
		}
		Path folder = parameters.workbook().getParent();
		try {
			Files.createDirectories(folder);
			Path probe = Files.createTempFile(folder, ".write-check", ".tmp");
			Files.delete(probe);
		}
		catch (IOException | SecurityException ex) {
			throw new RunRefusedException(RunRefusedException.Reason.OUTPUT_NOT_WRITABLE,
					"输出文件夹不可写：" + folder + "（" + ex.getClass().getSimpleName() + "）");
		}
	}

}
