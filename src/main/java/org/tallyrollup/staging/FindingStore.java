package org.tallyrollup.staging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;

/** What a run's checks found (TR_FINDING), in the order of the files and rows. */
@Repository
public class FindingStore {

	private final JdbcTemplate jdbc;

	FindingStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(long instance, List<NumberedFinding> findings) {
		this.jdbc.batchUpdate(
				"INSERT INTO TR_FINDING (INSTANCE_ID, FILE_NO, SHEET_INDEX, ROW_NO, SEQ, RULE_CODE, FILE_PATH, SHEET, UNIT_CODE, COLUMN_NAME, RAW_VALUE, MESSAGE) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
				findings, findings.size(), (ps, n) -> {
					Finding f = n.finding();
					ps.setLong(1, instance);
					ps.setInt(2, n.fileNo());
					ps.setInt(3, n.sheetIndex());
					ps.setInt(4, (f.row() != null) ? f.row() : 0);
					ps.setInt(5, n.seq());
					ps.setString(6, f.rule().name());
					ps.setString(7, Sql.truncate(f.file(), Sql.PATH));
					ps.setString(8, Sql.truncate(f.sheet(), Sql.NAME));
					ps.setString(9, Sql.truncate(f.unitCode(), Sql.NAME));
					ps.setString(10, Sql.truncate(f.column(), Sql.NAME));
					ps.setString(11, Sql.truncate(f.rawValue(), Sql.REASON));
					ps.setString(12, Sql.truncate(f.message(), Sql.MESSAGE));
				});
	}

	/** Withdraws a file's findings (it failed after giving some). */
	public void deleteFile(long instance, int fileNo) {
		this.jdbc.update("DELETE FROM TR_FINDING WHERE INSTANCE_ID = ? AND FILE_NO = ?", instance, fileNo);
	}

	/**
	 * Withdraws a row's W1 and W2: a superseded row is not counted, so what it would have
	 * warned of does not matter.
	 */
	public void deleteRowWarnings(long instance, int fileNo, int sheetIndex, int row) {
		this.jdbc.update(
				"DELETE FROM TR_FINDING WHERE INSTANCE_ID = ? AND FILE_NO = ? AND SHEET_INDEX = ? AND ROW_NO = ? AND RULE_CODE IN ('W1', 'W2')",
				instance, fileNo, sheetIndex, row);
	}

	public Stream<Finding> findings(long instance) {
		return this.jdbc.queryForStream(
				"SELECT RULE_CODE, FILE_PATH, SHEET, ROW_NO, UNIT_CODE, COLUMN_NAME, RAW_VALUE, MESSAGE FROM TR_FINDING WHERE INSTANCE_ID = ? ORDER BY FILE_NO, SHEET_INDEX, ROW_NO, RULE_CODE, SEQ",
				(rs, i) -> new Finding(Rule.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
						(rs.getInt(4) == 0) ? null : rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7),
						rs.getString(8)),
				instance);
	}

	/** Findings counted by rule code, in rule order. */
	public Map<String, Long> countsByRule(long instance) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.query(
				"SELECT RULE_CODE, COUNT(*) FROM TR_FINDING WHERE INSTANCE_ID = ? GROUP BY RULE_CODE ORDER BY RULE_CODE",
				(RowCallbackHandler) (rs) -> counts.put(rs.getString(1), rs.getLong(2)), instance);
		return counts;
	}

	public void deleteInstance(long instance) {
		this.jdbc.update("DELETE FROM TR_FINDING WHERE INSTANCE_ID = ?", instance);
	}

	/** A finding with the keys it is stored under. */
	public record NumberedFinding(int fileNo, int sheetIndex, int seq, Finding finding) {
	}

}
