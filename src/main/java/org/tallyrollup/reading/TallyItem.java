package org.tallyrollup.reading;

import java.util.List;

import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.SheetRow;
import org.tallyrollup.staging.RowState;

/**
 * What the read step passes from reader to writer: every event of reading a period
 * folder, so that each one is stored in the same transaction as the reader's position and
 * a restart never records anything twice.
 */
public sealed interface TallyItem {

	/** The file's position in the period's file list. */
	int fileNo();

	/**
	 * A tally file opened: its facts, and a note for 运行信息 ({@code null} for a plain
	 * tally).
	 */
	record FileRead(int fileNo, String path, long size, String sha256, long modifiedNanos,
			String note) implements TallyItem {
	}

	/**
	 * A tally file that cannot be read (F1); rows it gave before failing are withdrawn.
	 */
	record FileFailed(int fileNo, String path, long size, String sha256, long modifiedNanos,
			Finding finding) implements TallyItem {
	}

	/**
	 * A file, folder or sheet passed over, with the reason ({@code sheet} null for a
	 * file).
	 */
	record Skipped(int fileNo, int seq, String path, String sheet, String reason) implements TallyItem {
	}

	/** A sheet whose header lacks required columns (F2). */
	record SheetFailed(int fileNo, int sheetIndex, Finding finding) implements TallyItem {
	}

	/** A row below a header, as read. */
	record Row(int fileNo, SheetRow row) implements TallyItem {
	}

	/**
	 * A row after the checks: its state, the registry's name for its unit and its
	 * findings.
	 */
	record CheckedRow(int fileNo, SheetRow row, RowState state, String registryName,
			List<Finding> findings) implements TallyItem {
	}

}
