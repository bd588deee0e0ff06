package org.tallyrollup.run;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.tallyrollup.rollup.UnitTotals;

/**
 * What a run did, for a person: the CLI's summary and the server's run view.
 *
 * @param executionId the job execution
 * @param period the period label
 * @param status STARTING, STARTED, COMPLETED, FAILED, STOPPED…
 * @param startTime when it started
 * @param endTime when it ended, {@code null} while running
 * @param filesTotal files found in the period folder (known once reading has begun)
 * @param filesProcessed files of the period folder gone through so far
 * @param filesRead tally files read
 * @param filesFailed tally files that could not be read (F1)
 * @param filesSkipped files and folders passed over
 * @param sheetsSkipped sheets passed over
 * @param rowsAccepted rows accepted
 * @param rowsRejected rows rejected
 * @param rowsSuperseded rows superseded
 * @param rowsSkipped rows skipped
 * @param roots the roots' totals (after the roll-up)
 * @param findingsByRule findings counted by rule code
 * @param workbook the workbook's path, once written
 * @param exitMessage why it failed, in one line, {@code null} otherwise
 */
public record RunReport(long executionId, String period, String status, LocalDateTime startTime, LocalDateTime endTime,
		long filesTotal, long filesProcessed, long filesRead, long filesFailed, long filesSkipped, long sheetsSkipped,
		long rowsAccepted, long rowsRejected, long rowsSuperseded, long rowsSkipped, List<UnitTotals> roots,
		Map<String, Long> findingsByRule, String workbook, String exitMessage) {

	public long rowsRead() {
		return this.rowsAccepted + this.rowsRejected + this.rowsSuperseded + this.rowsSkipped;
	}

}
