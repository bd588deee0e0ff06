package org.tallyrollup.staging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import org.tallyrollup.tally.AcceptedRow;

/**
 * A run's rows as read: one table per job instance ({@link #rowTable}), so that letting
 * them go once the workbook holds them is a DROP rather than a DELETE of every row (which
 * took longer than writing the workbook's 明细 sheet).
 */
@Repository
public class RowStore {

	private static final String ROW_COLUMNS = """
			(FILE_NO INT NOT NULL,
			SHEET_INDEX INT NOT NULL,
			ROW_NO INT NOT NULL,
			SHEET VARCHAR(255) NOT NULL,
			UNIT_CODE VARCHAR(255),
			UNIT_NAME VARCHAR(1000),
			STATE CHAR(1) NOT NULL,
			COUNTS VARCHAR(1000),
			PRIMARY KEY (FILE_NO, SHEET_INDEX, ROW_NO))""";

	private static final String ROW_NAMES = "FILE_NO, SHEET_INDEX, ROW_NO, SHEET, UNIT_CODE, UNIT_NAME, STATE, COUNTS";

	private final JdbcTemplate jdbc;

	RowStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The table of a job instance's rows (a number, so safe in SQL). */
	public static String rowTable(long instance) {
		return "TR_ROW_" + instance;
	}

	/**
	 * Makes sure the run has its row table, and records the layout its counts are stored
	 * under (the current columns' keys) unless an earlier execution of the run recorded
	 * one.
	 */
	public void prepare(long instance) {
		if (!hasTable(rowTable(instance))) {
			this.jdbc.execute("CREATE TABLE IF NOT EXISTS " + rowTable(instance) + " " + ROW_COLUMNS);
		}
		// one execution of a run at a time prepares it: no other can insert meanwhile
		Integer recorded = this.jdbc.queryForObject("SELECT COUNT(*) FROM TR_ROW_LAYOUT WHERE INSTANCE_ID = ?",
				Integer.class, instance);
		if (recorded == null || recorded == 0) {
			this.jdbc.update("INSERT INTO TR_ROW_LAYOUT (INSTANCE_ID, COUNT_KEYS) VALUES (?, ?)", instance,
					Counts.LAYOUT);
		}
	}

	/** How the run's rows store their counts: by position, under its recorded layout. */
	public Counts.Positional layout(long instance) {
		List<String> layout = this.jdbc.queryForList("SELECT COUNT_KEYS FROM TR_ROW_LAYOUT WHERE INSTANCE_ID = ?",
				String.class, instance);
		return Counts.positional(layout.isEmpty() ? Counts.LAYOUT : layout.get(0));
	}

	/**
	 * Whether the database has a table of this name (H2 upper-cases it, PostgreSQL
	 * lower).
	 */
	public boolean hasTable(String name) {
		Integer tables = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = ?", Integer.class,
				name.toUpperCase(Locale.ROOT));
		return tables != null && tables > 0;
	}

	public void insert(long instance, List<StagedRow> rows) {
		this.jdbc.batchUpdate("INSERT INTO " + rowTable(instance) + " (" + ROW_NAMES + ") VALUES (?,?,?,?,?,?,?,?)",
				rows, rows.size(), (ps, r) -> {
					ps.setInt(1, r.fileNo());
					ps.setInt(2, r.sheetIndex());
					ps.setInt(3, r.row());
					ps.setString(4, Sql.truncate(r.sheet(), Sql.NAME));
					ps.setString(5, Sql.truncate(r.unitCode(), Sql.NAME));
					ps.setString(6, Sql.truncate(r.unitName(), Sql.UNIT_NAME));
					ps.setString(7, r.state().code());
					ps.setString(8, r.counts());
				});
	}

	/** Withdraws the rows a file gave before it failed. */
	public void deleteFile(long instance, int fileNo) {
		this.jdbc.update("DELETE FROM " + rowTable(instance) + " WHERE FILE_NO = ?", fileNo);
	}

	/**
	 * Every accepted row with its place and counts, in storage order (no sort, no
	 * grouping: the caller picks the rows it needs).
	 */
	public void forEachAccepted(long instance, CandidateVisitor visitor) {
		Counts.Positional counts = layout(instance);
		String sql = "SELECT UNIT_CODE, FILE_NO, SHEET_INDEX, ROW_NO, SHEET, COUNTS FROM " + rowTable(instance)
				+ " WHERE STATE = 'A'";
		this.jdbc.query((connection) -> Sql.fetching(connection, sql),
				(RowCallbackHandler) (rs) -> visitor.row(new Candidate(rs.getString(1), rs.getInt(2), rs.getInt(3),
						rs.getInt(4), rs.getString(5), counts.decode(rs.getString(6)))));
	}

	public void markSuperseded(long instance, Candidate loser) {
		this.jdbc.update(
				"UPDATE " + rowTable(instance)
						+ " SET STATE = 'S' WHERE FILE_NO = ? AND SHEET_INDEX = ? AND ROW_NO = ?",
				loser.fileNo(), loser.sheetIndex(), loser.row());
	}

	/**
	 * Every row staged for the run, in storage order (no join, no sort): its file, state,
	 * unit code and, for an accepted row, its counts as stored.
	 */
	public void forEachRow(long instance, RowVisitor visitor) {
		Counts.Positional counts = layout(instance);
		this.jdbc.query(
				(connection) -> Sql.fetching(connection,
						"SELECT FILE_NO, STATE, UNIT_CODE, COUNTS FROM " + rowTable(instance)),
				(RowCallbackHandler) (rs) -> {
					String stored = rs.getString(4);
					visitor.row(rs.getInt(1), RowState.of(rs.getString(2)), rs.getString(3),
							(stored != null) ? counts.decode(stored) : null);
				});
	}

	/** The accepted rows with their files, in the order the files and rows were read. */
	public Stream<AcceptedRow> details(long instance) {
		Counts.Positional counts = layout(instance);
		String sql = """
				SELECT R.UNIT_CODE, R.UNIT_NAME, R.COUNTS, F.PATH, R.SHEET, R.ROW_NO
				FROM %s R JOIN TR_FILE F ON F.INSTANCE_ID = ? AND F.FILE_NO = R.FILE_NO
				WHERE R.STATE = 'A'
				ORDER BY R.FILE_NO, R.SHEET_INDEX, R.ROW_NO""".formatted(rowTable(instance));
		return this.jdbc.queryForStream((connection) -> Sql.fetching(connection, sql, instance),
				(rs, i) -> accepted(rs, counts));
	}

	private static AcceptedRow accepted(ResultSet rs, Counts.Positional counts) throws SQLException {
		return new AcceptedRow(rs.getString(1), rs.getString(2), counts.decode(rs.getString(3)), rs.getString(4),
				rs.getString(5), rs.getInt(6));
	}

	/** Rows read so far (while a run is going): none before reading or once released. */
	public long[] countsByState(long instance) {
		long[] counts = new long[4];
		if (!hasTable(rowTable(instance))) {
			return counts;
		}
		List<RowState> states = List.of(RowState.values());
		this.jdbc.query("SELECT STATE, COUNT(*) FROM " + rowTable(instance) + " GROUP BY STATE",
				(RowCallbackHandler) (rs) -> {
					for (RowState state : states) {
						if (state.code().equals(rs.getString(1))) {
							counts[state.ordinal()] = rs.getLong(2);
						}
					}
				});
		return counts;
	}

	/**
	 * The rows themselves are in the workbook once it is written; the counts stay. On H2
	 * the DROP commits the work before it (the workbook recorded by
	 * {@link RunStore#saveWorkbook}), so a run whose rows are gone is one whose workbook
	 * is written.
	 */
	public void release(long instance) {
		this.jdbc.execute("DROP TABLE IF EXISTS " + rowTable(instance));
		this.jdbc.update("DELETE FROM TR_ROW_LAYOUT WHERE INSTANCE_ID = ?", instance);
	}

	/**
	 * A row as stored.
	 *
	 * @param counts by position ({@link Counts#encodePositional}), {@code null} unless
	 * accepted
	 */
	public record StagedRow(int fileNo, int sheetIndex, int row, String sheet, String unitCode, String unitName,
			RowState state, String counts) {
	}

	/** An accepted row, which may compete with others of the same unit. */
	public record Candidate(String unitCode, int fileNo, int sheetIndex, int row, String sheet, long[] counts) {
	}

	/** Receives the rows of {@link #forEachAccepted}. */
	@FunctionalInterface
	public interface CandidateVisitor {

		void row(Candidate row);

	}

	/** Receives the rows of {@link #forEachRow}. */
	@FunctionalInterface
	public interface RowVisitor {

		/**
		 * @param state the row's state, {@code null} for a code this version does not
		 * know
		 * @param counts the row's counts, {@code null} unless accepted
		 */
		void row(int fileNo, RowState state, String unitCode, long[] counts);

	}

}
