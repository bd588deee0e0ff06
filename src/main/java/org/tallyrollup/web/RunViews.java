package org.tallyrollup.web;

import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.run.RunParameters;
import org.tallyrollup.run.RunReports;
import org.tallyrollup.run.RunReport;

/** Builds the {@link RunView} of a run from the job repository and staging. */
@Component
class RunViews {

	private final RunReports reports;

	RunViews(RunReports reports) {
		this.reports = reports;
	}

	RunView of(JobInstance run, JobExecution last, int attempts) {
		RunReport report = this.reports.of(last);
		BatchStatus status = last.getStatus();
		return new RunView(run.getInstanceId(), report.period(), status.name(), RunStatusText.of(status), phase(last),
				status.isRunning(), report.startTime(), report.endTime(),
				RunView.durationSeconds(report.startTime(), report.endTime()), report.filesTotal(),
				report.filesProcessed(), report.filesFailed(), report.filesSkipped(), report.rowsAccepted(),
				report.rowsRejected(), report.rowsSuperseded(), report.rowsSkipped(), unitsMissing(report.roots()),
				report.findingsByRule(), exitMessage(last, report), RunParameters.startedBy(last.getJobParameters()),
				attempts, status == BatchStatus.COMPLETED && report.workbook() != null, null);
	}

	private static String phase(JobExecution execution) {
		if (!execution.getStatus().isRunning()) {
			return null;
		}
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStatus().isRunning())
			.map(StepExecution::getStepName)
			.map(RunStatusText::ofStep)
			.findFirst()
			.orElse("正在准备");
	}

	private static Long unitsMissing(List<UnitTotals> roots) {
		if (roots.isEmpty()) {
			return null;
		}
		return roots.stream().mapToLong((root) -> root.expected() - root.reported()).sum();
	}

	private static String exitMessage(JobExecution execution, RunReport report) {
		if (report.exitMessage() != null) {
			return report.exitMessage();
		}
		return (execution.getStatus() == BatchStatus.STOPPED) ? "已被停止，可以继续汇总" : null;
	}

}
