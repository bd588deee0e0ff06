package org.tallyrollup.staging;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import org.tallyrollup.workbook.InputFileInfo;
import org.tallyrollup.workbook.SkippedItem;

/**
 * The files a run read (TR_FILE) and what it passed over (TR_SKIP): each file's facts,
 * status and row counts by state.
 */
@Repository
public class FileStore {

	/** The longest path stored; a longer one is cut, with an ellipsis. */
	public static final int PATH = Sql.PATH;

	private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final JdbcTemplate jdbc;

	FileStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void insertRead(long instance, List<StagedFile> files) {
		this.jdbc.batchUpdate(
				"INSERT INTO TR_FILE (INSTANCE_ID, FILE_NO, PATH, SIZE_BYTES, SHA256, MODIFIED_NANOS, STATUS, NOTE) VALUES (?,?,?,?,?,?,'READ',?)",
				files, files.size(), (ps, f) -> {
					ps.setLong(1, instance);
					ps.setInt(2, f.fileNo());
					ps.setString(3, Sql.truncate(f.path(), Sql.PATH));
					ps.setLong(4, f.size());
					ps.setString(5, f.sha256());
					ps.setLong(6, f.modifiedNanos());
					ps.setString(7, Sql.truncate(f.note(), 2000));
				});
	}

	/** Records a file that could not be read (F1), in place of whatever it had. */
	public void insertFailed(long instance, StagedFile failed, String reason) {
		this.jdbc.update(
				"INSERT INTO TR_FILE (INSTANCE_ID, FILE_NO, PATH, SIZE_BYTES, SHA256, MODIFIED_NANOS, STATUS, REASON) VALUES (?,?,?,?,?,?,'FAILED',?)",
				instance, failed.fileNo(), Sql.truncate(failed.path(), Sql.PATH), failed.size(), failed.sha256(),
				failed.modifiedNanos(), Sql.truncate(reason, Sql.REASON));
	}

	public void insertSkipped(long instance, List<StagedSkip> skipped) {
		this.jdbc.batchUpdate(
				"INSERT INTO TR_SKIP (INSTANCE_ID, FILE_NO, SEQ, FILE_PATH, SHEET, REASON) VALUES (?,?,?,?,?,?)",
				skipped, skipped.size(), (ps, s) -> {
					ps.setLong(1, instance);
					ps.setInt(2, s.fileNo());
					ps.setInt(3, s.seq());
					ps.setString(4, Sql.truncate(s.path(), Sql.PATH));
					ps.setString(5, Sql.truncate(s.sheet(), Sql.NAME));
					ps.setString(6, Sql.truncate(s.reason(), Sql.REASON));
				});
	}

	/** Forgets a file and what was passed over in it. */
	public void deleteFile(long instance, int fileNo) {
		this.jdbc.update("DELETE FROM TR_SKIP WHERE INSTANCE_ID = ? AND FILE_NO = ?", instance, fileNo);
		this.jdbc.update("DELETE FROM TR_FILE WHERE INSTANCE_ID = ? AND FILE_NO = ?", instance, fileNo);
	}

	/** Each file's path and modification time (for precedence), by file number. */
	public Map<Integer, FileFacts> fileFacts(long instance) {
		Map<Integer, FileFacts> files = new HashMap<>();
		this.jdbc.query("SELECT FILE_NO, PATH, MODIFIED_NANOS FROM TR_FILE WHERE INSTANCE_ID = ?",
				(RowCallbackHandler) (rs) -> files.put(rs.getInt(1), new FileFacts(rs.getString(2), rs.getLong(3))),
				instance);
		return files;
	}

	/**
	 * Stores each file's row counts by state (the rows themselves may then go), counted
	 * by the caller in its pass over the rows: files not in {@code counts} have no rows.
	 */
	public void saveRowCounts(long instance, Map<Integer, long[]> counts) {
		this.jdbc.update(
				"UPDATE TR_FILE SET ACCEPTED = 0, REJECTED = 0, SUPERSEDED = 0, SKIPPED = 0 WHERE INSTANCE_ID = ? AND (ACCEPTED <> 0 OR REJECTED <> 0 OR SUPERSEDED <> 0 OR SKIPPED <> 0)",
				instance);
		List<Map.Entry<Integer, long[]>> files = new ArrayList<>(counts.entrySet());
		this.jdbc.batchUpdate(
				"UPDATE TR_FILE SET ACCEPTED = ?, REJECTED = ?, SUPERSEDED = ?, SKIPPED = ? WHERE INSTANCE_ID = ? AND FILE_NO = ?",
				files, 1000, (ps, file) -> {
					long[] byState = file.getValue();
					ps.setLong(1, byState[RowState.ACCEPTED.ordinal()]);
					ps.setLong(2, byState[RowState.REJECTED.ordinal()]);
					ps.setLong(3, byState[RowState.SUPERSEDED.ordinal()]);
					ps.setLong(4, byState[RowState.SKIPPED.ordinal()]);
					ps.setLong(5, instance);
					ps.setInt(6, file.getKey());
				});
	}

	public List<InputFileInfo> files(long instance) {
		return this.jdbc.query(
				"SELECT PATH, SIZE_BYTES, SHA256, MODIFIED_NANOS, ACCEPTED, REJECTED, SUPERSEDED, SKIPPED, STATUS, REASON, NOTE FROM TR_FILE WHERE INSTANCE_ID = ? ORDER BY FILE_NO",
				(rs, i) -> new InputFileInfo(rs.getString(1), rs.getLong(2), rs.getString(3), modified(rs.getLong(4)),
						rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
						status(rs.getString(9), rs.getString(10), rs.getString(11))),
				instance);
	}

	public List<SkippedItem> skipped(long instance) {
		return this.jdbc.query(
				"SELECT FILE_PATH, SHEET, REASON FROM TR_SKIP WHERE INSTANCE_ID = ? ORDER BY FILE_NO, SEQ",
				(rs, i) -> new SkippedItem(rs.getString(1), rs.getString(2), rs.getString(3)), instance);
	}

	public void deleteInstance(long instance) {
		this.jdbc.update("DELETE FROM TR_SKIP WHERE INSTANCE_ID = ?", instance);
		this.jdbc.update("DELETE FROM TR_FILE WHERE INSTANCE_ID = ?", instance);
	}

	private static String status(String status, String reason, String note) {
		if (!"READ".equals(status)) {
			return InputFileInfo.FAILED + "（F1）：" + reason;
		}
		return (note != null) ? InputFileInfo.READ + "（" + note + "）" : InputFileInfo.READ;
	}

	/** Always with seconds: {@code LocalDateTime.toString()} drops them when zero. */
	private static String modified(long nanos) {
		return MODIFIED.format(Instant.ofEpochSecond(0, nanos).atZone(ZoneId.systemDefault()));
	}

	/**
	 * A tally file opened: its facts, and a note for 运行信息 ({@code null} for a plain
	 * tally).
	 */
	public record StagedFile(int fileNo, String path, long size, String sha256, long modifiedNanos, String note) {
	}

	/**
	 * A file, folder or sheet passed over, with the reason ({@code sheet} null for a
	 * file).
	 */
	public record StagedSkip(int fileNo, int seq, String path, String sheet, String reason) {
	}

	/** A file as duplicate resolution needs it. */
	public record FileFacts(String path, long modifiedNanos) {
	}

}
