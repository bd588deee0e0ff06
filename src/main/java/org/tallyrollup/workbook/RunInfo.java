package org.tallyrollup.workbook;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The facts of a run for the 运行信息 sheet.
 *
 * @param period the period label
 * @param started when the run started
 * @param finished when the workbook was written
 * @param registryFile the registry file's name
 * @param registrySha256 the registry file's digest, so a chained workbook can be matched
 * to its registry
 * @param unitCount units in the registry
 * @param files the tally files read (or failed), in path order
 * @param skipped files and sheets passed over
 * @param previousPeriod the period compared with (较上期), {@code null} for none
 */
public record RunInfo(String period, OffsetDateTime started, OffsetDateTime finished, String registryFile,
		String registrySha256, long unitCount, List<InputFileInfo> files, List<SkippedItem> skipped,
		String previousPeriod) {

	public long accepted() {
		return this.files.stream().mapToLong(InputFileInfo::accepted).sum();
	}

	public long rejected() {
		return this.files.stream().mapToLong(InputFileInfo::rejected).sum();
	}

	public long superseded() {
		return this.files.stream().mapToLong(InputFileInfo::superseded).sum();
	}

	public long skippedRows() {
		return this.files.stream().mapToLong(InputFileInfo::skipped).sum();
	}

	public long rowsRead() {
		return this.files.stream().mapToLong(InputFileInfo::rowsRead).sum();
	}

}
