package org.tallyrollup.web;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A run as the API and the page show it. The file and row counts move while the run is
 * going. A run keeps its id when it is restarted; {@code attempts} counts its executions.
 *
 * @param id the run's id
 * @param period the period label
 * @param status STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED…
 * @param statusText the status in Chinese
 * @param phase what a going run is doing, in Chinese, {@code null} otherwise
 * @param running whether the run is going
 * @param startTime when the latest execution started
 * @param endTime when it ended, {@code null} while going
 * @param durationSeconds how long it took, or has been going, {@code null} before it
 * started
 * @param filesTotal files in the period folder (known once reading has begun)
 * @param filesRead files of the period folder gone through so far
 * @param filesFailed files that could not be read (F1)
 * @param filesSkipped files passed over (not tallies)
 * @param rowsAccepted rows accepted
 * @param rowsRejected rows rejected
 * @param rowsSuperseded rows superseded by a later submission
 * @param rowsSkipped rows that are not data
 * @param unitsMissing units that must report and have no accepted row (未报送), once rolled
 * up
 * @param findingsByRule findings counted by rule code
 * @param exitMessage why the run failed, in one line
 * @param startedBy who started it: {@code web:<user>}, {@code schedule} or {@code cli}
 * @param attempts the run's executions (more than one after a restart)
 * @param workbookAvailable whether the run's workbook can be downloaded
 * @param comparison 较上期 of the roots, only in {@code GET /api/runs/{id}} and once the run
 * has rolled up
 */
public record RunView(long id, String period, String status, String statusText, String phase, boolean running,
		LocalDateTime startTime, LocalDateTime endTime, Long durationSeconds, long filesTotal, long filesRead,
		long filesFailed, long filesSkipped, long rowsAccepted, long rowsRejected, long rowsSuperseded,
		long rowsSkipped, Long unitsMissing, Map<String, Long> findingsByRule, String exitMessage, String startedBy,
		int attempts, boolean workbookAvailable, @JsonInclude(JsonInclude.Include.NON_NULL) ComparisonView comparison) {

	/** This run with its 较上期. */
	RunView withComparison(ComparisonView comparison) {
		return new RunView(this.id, this.period, this.status, this.statusText, this.phase, this.running, this.startTime,
				this.endTime, this.durationSeconds, this.filesTotal, this.filesRead, this.filesFailed,
				this.filesSkipped, this.rowsAccepted, this.rowsRejected, this.rowsSuperseded, this.rowsSkipped,
				this.unitsMissing, this.findingsByRule, this.exitMessage, this.startedBy, this.attempts,
				this.workbookAvailable, comparison);
	}

	static Long durationSeconds(LocalDateTime startTime, LocalDateTime endTime) {
		if (startTime == null) {
			return null;
		}
		LocalDateTime end = (endTime != null) ? endTime : LocalDateTime.now();
		return Math.max(0, Duration.between(startTime, end).toSeconds());
	}

	/** How long the run took, or has been going, e.g. 1分05秒. */
	public String durationText() {
		if (this.durationSeconds == null) {
			return "—";
		}
		long seconds = this.durationSeconds;
		if (seconds < 60) {
			return seconds + "秒";
		}
		if (seconds < 3600) {
			return (seconds / 60) + "分" + String.format("%02d", seconds % 60) + "秒";
		}
		return (seconds / 3600) + "小时" + String.format("%02d", (seconds % 3600) / 60) + "分";
	}

	/** Who started the run, in Chinese. */
	public String startedByText() {
		if (this.startedBy == null) {
			return "—";
		}
		if (this.startedBy.startsWith("web:")) {
			return this.startedBy.substring(4) + "（网页）";
		}
		return switch (this.startedBy) {
			case "schedule" -> "自动汇总";
			case "cli" -> "命令行";
			default -> this.startedBy;
		};
	}

	/** Whether an administrator may continue this run. */
	public boolean restartable() {
		return "FAILED".equals(this.status) || "STOPPED".equals(this.status);
	}

	/** Files gone through, as a percentage of the folder, for a progress bar. */
	public int progressPercent() {
		return (this.filesTotal == 0) ? 0 : (int) Math.min(100, this.filesRead * 100 / this.filesTotal);
	}

}
