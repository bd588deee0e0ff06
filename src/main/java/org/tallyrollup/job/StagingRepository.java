package org.tallyrollup.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import org.tallyrollup.rollup.ComparedTotals;
import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.tally.AcceptedRow;
import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.workbook.InputFileInfo;
import org.tallyrollup.workbook.MissingUnit;
import org.tallyrollup.workbook.SkippedItem;

/**
 * The job's staging tables (see db/migration): what was read, found and rolled up, per
 * job instance.
 */
@Repository
public class StagingRepository {

	private static final int FETCH_SIZE = 2000;

	/** Rows in one INSERT of {@link #insertMany}. */
	private static final int ROWS_PER_INSERT = 100;

	/**
	 * A run's rows: one table per job instance ({@link #rowTable}), so that letting them
	 * go once the workbook holds them is a DROP rather than a DELETE of every row (which
	 * took longer than writing the workbook's 明细 sheet).
	 */
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

	/**
	 * Column sizes of the staging tables (db/migration), in characters: whatever a file
	 * brings (an overlong code, sheet name or path) is cut to them rather than fail the
	 * run. A unit code of the registry is never cut: the registry refuses longer ones.
	 */
	static final int NAME = 255;

	static final int UNIT_NAME = 1000;

	static final int PATH = 2000;

	static final int REASON = 2000;

	static final int MESSAGE = 4000;

	private static final java.time.format.DateTimeFormatter MODIFIED = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final JdbcTemplate jdbc;

	StagingRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	// ---- a run's row table ----------------------------------------------------

	/** The table of a job instance's rows (a number, so safe in SQL). */
	static String rowTable(long instance) {
		return "TR_ROW_" + instance;
	}

	/**
	 * Makes sure the run has its row table (rows an earlier release kept in a shared
	 * table were moved into it by a migration).
	 */
	void prepareRows(long instance) {
		if (!hasTable(rowTable(instance))) {
			this.jdbc.execute("CREATE TABLE IF NOT EXISTS " + rowTable(instance) + " " + ROW_COLUMNS);
		}
	}

	/**
	 * Whether the database has a table of this name (H2 upper-cases it, PostgreSQL
	 * lower).
	 */
	boolean hasTable(String name) {
		Integer tables = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = ?", Integer.class,
				name.toUpperCase(java.util.Locale.ROOT));
		return tables != null && tables > 0;
	}

	// ---- writing while reading ------------------------------------------------

	void insertFiles(long instance, List<TallyItem.FileRead> files) {
		this.jdbc.batchUpdate(
				"INSERT INTO TR_FILE (INSTANCE_ID, FILE_NO, PATH, SIZE_BYTES, SHA256, MODIFIED_NANOS, STATUS, NOTE) VALUES (?,?,?,?,?,?,'READ',?)",
				files, files.size(), (ps, f) -> {
					ps.setLong(1, instance);
					ps.setInt(2, f.fileNo());
					ps.setString(3, truncate(f.path(), PATH));
					ps.setLong(4, f.size());
					ps.setString(5, f.sha256());
					ps.setLong(6, f.modifiedNanos());
					ps.setString(7, truncate(f.note(), 2000));
				});
	}

	/** Marks a file unreadable: withdraws whatever rows it gave before failing. */
	void failFile(long instance, TallyItem.FileFailed failed) {
		this.jdbc.update("DELETE FROM " + rowTable(instance) + " WHERE FILE_NO = ?", failed.fileNo());
		this.jdbc.update("DELETE FROM TR_FINDING WHERE INSTANCE_ID = ? AND FILE_NO = ?", instance, failed.fileNo());
		this.jdbc.update("DELETE FROM TR_SKIP WHERE INSTANCE_ID = ? AND FILE_NO = ?", instance, failed.fileNo());
		this.jdbc.update("DELETE FROM TR_FILE WHERE INSTANCE_ID = ? AND FILE_NO = ?", instance, failed.fileNo());
		this.jdbc.update(
				"INSERT INTO TR_FILE (INSTANCE_ID, FILE_NO, PATH, SIZE_BYTES, SHA256, MODIFIED_NANOS, STATUS, REASON) VALUES (?,?,?,?,?,?,'FAILED',?)",
				instance, failed.fileNo(), truncate(failed.path(), PATH), failed.size(), failed.sha256(),
				failed.modifiedNanos(), truncate(failed.finding().message(), REASON));
		insertFindings(instance, List.of(new NumberedFinding(failed.fileNo(), -1, 0, failed.finding())));
	}

	void insertSkipped(long instance, List<TallyItem.Skipped> skipped) {
		this.jdbc.batchUpdate(
				"INSERT INTO TR_SKIP (INSTANCE_ID, FILE_NO, SEQ, FILE_PATH, SHEET, REASON) VALUES (?,?,?,?,?,?)",
				skipped, skipped.size(), (ps, s) -> {
					ps.setLong(1, instance);
					ps.setInt(2, s.fileNo());
					ps.setInt(3, s.seq());
					ps.setString(4, truncate(s.path(), PATH));
					ps.setString(5, truncate(s.sheet(), NAME));
					ps.setString(6, truncate(s.reason(), REASON));
				});
	}

	void insertRows(long instance, List<StagedRow> rows) {
		this.jdbc.batchUpdate("INSERT INTO " + rowTable(instance) + " (" + ROW_NAMES + ") VALUES (?,?,?,?,?,?,?,?)",
				rows, rows.size(), (ps, r) -> {
					ps.setInt(1, r.fileNo());
					ps.setInt(2, r.sheetIndex());
					ps.setInt(3, r.row());
					ps.setString(4, truncate(r.sheet(), NAME));
					ps.setString(5, truncate(r.unitCode(), NAME));
					ps.setString(6, truncate(r.unitName(), UNIT_NAME));
					ps.setString(7, r.state().code());
					ps.setString(8, r.counts());
				});
	}

	void insertFindings(long instance, List<NumberedFinding> findings) {
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
					ps.setString(7, truncate(f.file(), PATH));
					ps.setString(8, truncate(f.sheet(), NAME));
					ps.setString(9, truncate(f.unitCode(), NAME));
					ps.setString(10, truncate(f.column(), NAME));
					ps.setString(11, truncate(f.rawValue(), REASON));
					ps.setString(12, truncate(f.message(), MESSAGE));
				});
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	// ---- duplicates -----------------------------------------------------------

	/**
	 * Every accepted row with its place and counts, in storage order (no sort, no
	 * grouping: the caller picks the rows it needs).
	 */
	void forEachAccepted(long instance, CandidateVisitor visitor) {
		String sql = "SELECT UNIT_CODE, FILE_NO, SHEET_INDEX, ROW_NO, SHEET, COUNTS FROM " + rowTable(instance)
				+ " WHERE STATE = 'A'";
		this.jdbc.query((connection) -> fetching(connection, sql),
				(RowCallbackHandler) (rs) -> visitor.row(new Candidate(rs.getString(1), rs.getInt(2), rs.getInt(3),
						rs.getInt(4), rs.getString(5), rs.getString(6))));
	}

	/** Each file's path and modification time (for precedence), by file number. */
	Map<Integer, FileFacts> fileFacts(long instance) {
		Map<Integer, FileFacts> files = new HashMap<>();
		this.jdbc.query("SELECT FILE_NO, PATH, MODIFIED_NANOS FROM TR_FILE WHERE INSTANCE_ID = ?",
				(RowCallbackHandler) (rs) -> files.put(rs.getInt(1), new FileFacts(rs.getString(2), rs.getLong(3))),
				instance);
		return files;
	}

	void supersede(long instance, Candidate loser, Finding finding) {
		this.jdbc.update(
				"UPDATE " + rowTable(instance)
						+ " SET STATE = 'S' WHERE FILE_NO = ? AND SHEET_INDEX = ? AND ROW_NO = ?",
				loser.fileNo(), loser.sheetIndex(), loser.row());
		this.jdbc.update(
				"DELETE FROM TR_FINDING WHERE INSTANCE_ID = ? AND FILE_NO = ? AND SHEET_INDEX = ? AND ROW_NO = ? AND RULE_CODE IN ('W1', 'W2')",
				instance, loser.fileNo(), loser.sheetIndex(), loser.row());
		insertFindings(instance, List.of(new NumberedFinding(loser.fileNo(), loser.sheetIndex(), 99, finding)));
	}

	// ---- roll-up --------------------------------------------------------------

	/**
	 * Every row staged for the run, in storage order (no join, no sort): its file, state,
	 * unit code and, for an accepted row, its counts as stored.
	 */
	void forEachRow(long instance, RowVisitor visitor) {
		this.jdbc.query(
				(connection) -> fetching(connection,
						"SELECT FILE_NO, STATE, UNIT_CODE, COUNTS FROM " + rowTable(instance)),
				(RowCallbackHandler) (rs) -> visitor.row(rs.getInt(1), RowState.of(rs.getString(2)), rs.getString(3),
						rs.getString(4)));
	}

	/**
	 * A query of one run's rows that fetches them a batch at a time rather than all at
	 * once.
	 */
	private static PreparedStatement fetching(Connection connection, String sql, Object... parameters)
			throws SQLException {
		PreparedStatement ps = connection.prepareStatement(sql);
		for (int i = 0; i < parameters.length; i++) {
			ps.setObject(i + 1, parameters[i]);
		}
		ps.setFetchSize(FETCH_SIZE);
		return ps;
	}

	private static AcceptedRow accepted(ResultSet rs) throws SQLException {
		return new AcceptedRow(rs.getString(1), rs.getString(2), Counts.decode(rs.getString(3)), rs.getString(4),
				rs.getString(5), rs.getInt(6));
	}

	/**
	 * Stores each file's row counts by state (the rows themselves may then go), counted
	 * by the caller in its pass over the rows: files not in {@code counts} have no rows.
	 */
	void saveRowCounts(long instance, Map<Integer, long[]> counts) {
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

	void deleteTotals(long instance) {
		this.jdbc.update("DELETE FROM TR_TOTAL WHERE INSTANCE_ID = ?", instance);
	}

	void insertTotals(long instance, List<StagedTotal> totals) {
		insertMany("TR_TOTAL",
				"INSTANCE_ID, POS, UNIT_CODE, UNIT_NAME, LEVEL_NO, PARENT_CODE, PARENT_NAME, MUST_REPORT, HAS_ROW, TOTALS, EXPECTED, REPORTED, PREV_POS",
				13, totals, (ps, base, t) -> {
					UnitTotals u = t.totals();
					ps.setLong(base + 1, instance);
					ps.setInt(base + 2, t.position());
					ps.setString(base + 3, u.code());
					ps.setString(base + 4, u.name());
					ps.setInt(base + 5, u.level());
					if (u.parentCode() != null) {
						ps.setString(base + 6, u.parentCode());
						ps.setString(base + 7, t.parentName());
					}
					else {
						ps.setNull(base + 6, Types.VARCHAR);
						ps.setNull(base + 7, Types.VARCHAR);
					}
					ps.setBoolean(base + 8, t.mustReport());
					ps.setBoolean(base + 9, t.hasRow());
					ps.setString(base + 10, Counts.encode(u.totals()));
					ps.setLong(base + 11, u.expected());
					ps.setLong(base + 12, u.reported());
					if (t.previousPosition() >= 0) {
						ps.setInt(base + 13, t.previousPosition());
					}
					else {
						ps.setNull(base + 13, Types.INTEGER);
					}
				});
	}

	/**
	 * Inserts rows {@value #ROWS_PER_INSERT} to a statement ({@code INSERT … VALUES (…),
	 * (…), …}): H2 runs each row of a JDBC batch as a statement of its own, and the
	 * statements cost more than the rows.
	 * @param setter sets a row's {@code columnCount} parameters after {@code base}
	 */
	private <T> void insertMany(String table, String columns, int columnCount, List<T> rows, RowParameters<T> setter) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			int perStatement = Math.min(ROWS_PER_INSERT, rows.size());
			int full = rows.size() / perStatement;
			try (PreparedStatement ps = connection
				.prepareStatement(multiRowInsert(table, columns, columnCount, perStatement))) {
				for (int group = 0; group < full; group++) {
					for (int row = 0; row < perStatement; row++) {
						setter.set(ps, row * columnCount, rows.get(group * perStatement + row));
					}
					ps.executeUpdate();
				}
			}
			int rest = rows.size() - full * perStatement;
			if (rest > 0) {
				try (PreparedStatement ps = connection
					.prepareStatement(multiRowInsert(table, columns, columnCount, rest))) {
					for (int row = 0; row < rest; row++) {
						setter.set(ps, row * columnCount, rows.get(full * perStatement + row));
					}
					ps.executeUpdate();
				}
			}
			return null;
		});
	}

	private static String multiRowInsert(String table, String columns, int columnCount, int rows) {
		String row = "(" + "?,".repeat(columnCount - 1) + "?)";
		StringBuilder sql = new StringBuilder("INSERT INTO ").append(table)
			.append(" (")
			.append(columns)
			.append(") VALUES ")
			.append(row);
		for (int i = 1; i < rows; i++) {
			sql.append(',').append(row);
		}
		return sql.toString();
	}

	/**
	 * Each unit code of a run's totals with its position there, in no particular order.
	 */
	void forEachPosition(long instance, PositionVisitor visitor) {
		this.jdbc.query((connection) -> fetching(connection,
				"SELECT UNIT_CODE, POS FROM TR_TOTAL WHERE INSTANCE_ID = ?", instance),
				(RowCallbackHandler) (rs) -> visitor.unit(rs.getString(1), rs.getInt(2)));
	}

	void saveRun(long instance, String period, String registryFile, String registrySha256, long unitCount,
			RunHistory.CompletedRun previous) {
		this.jdbc.update("DELETE FROM TR_RUN WHERE INSTANCE_ID = ?", instance);
		this.jdbc.update(
				"INSERT INTO TR_RUN (INSTANCE_ID, PERIOD, REGISTRY_FILE, REGISTRY_SHA256, UNIT_COUNT, PREVIOUS_INSTANCE_ID, PREVIOUS_PERIOD) VALUES (?,?,?,?,?,?,?)",
				instance, period, registryFile, registrySha256, unitCount,
				(previous != null) ? previous.instanceId() : null, (previous != null) ? previous.period() : null);
	}

	/** The periods of the runs stored (completed or not), in no particular order. */
	List<String> storedPeriods() {
		return this.jdbc.queryForList("SELECT DISTINCT PERIOD FROM TR_RUN", String.class);
	}

	/** The job instances of the runs of a period stored (completed or not). */
	List<Long> instancesOf(String period) {
		return this.jdbc.queryForList("SELECT INSTANCE_ID FROM TR_RUN WHERE PERIOD = ?", Long.class, period);
	}

	void saveWorkbook(long instance, String workbook) {
		this.jdbc.update("UPDATE TR_RUN SET WORKBOOK = ? WHERE INSTANCE_ID = ?", workbook, instance);
	}

	/**
	 * The rows themselves are in the workbook once it is written; the counts stay. On H2
	 * the DROP commits the work before it (the workbook recorded by
	 * {@link #saveWorkbook}), so a run whose rows are gone is one whose workbook is
	 * written.
	 */
	void releaseRows(long instance) {
		this.jdbc.execute("DROP TABLE IF EXISTS " + rowTable(instance));
	}

	/** Forgets everything staged for a job instance that will not be resumed. */
	void deleteInstance(long instance) {
		releaseRows(instance);
		for (String table : List.of("TR_FINDING", "TR_SKIP", "TR_FILE", "TR_TOTAL", "TR_RUN")) {
			this.jdbc.update("DELETE FROM " + table + " WHERE INSTANCE_ID = ?", instance);
		}
	}

	// ---- reading back ---------------------------------------------------------

	/**
	 * Each unit's totals in hierarchy order down to {@code maxLevel}, fetched in batches.
	 */
	public Stream<UnitTotals> totals(long instance, int maxLevel) {
		return this.jdbc.queryForStream((connection) -> fetching(connection,
				"SELECT UNIT_CODE, UNIT_NAME, LEVEL_NO, PARENT_CODE, TOTALS, EXPECTED, REPORTED FROM TR_TOTAL WHERE INSTANCE_ID = ? AND LEVEL_NO <= ? ORDER BY POS",
				instance, maxLevel), (rs, i) -> unitTotals(rs));
	}

	private static UnitTotals unitTotals(ResultSet rs) throws SQLException {
		return new UnitTotals(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
				Counts.decode(rs.getString(5)), rs.getLong(6), rs.getLong(7));
	}

	/** The accepted rows with their files, in the order the files and rows were read. */
	public Stream<AcceptedRow> details(long instance) {
		String sql = """
				SELECT R.UNIT_CODE, R.UNIT_NAME, R.COUNTS, F.PATH, R.SHEET, R.ROW_NO
				FROM %s R JOIN TR_FILE F ON F.INSTANCE_ID = ? AND F.FILE_NO = R.FILE_NO
				WHERE R.STATE = 'A'
				ORDER BY R.FILE_NO, R.SHEET_INDEX, R.ROW_NO""".formatted(rowTable(instance));
		return this.jdbc.queryForStream((connection) -> fetching(connection, sql, instance), (rs, i) -> accepted(rs));
	}

	public Stream<MissingUnit> missing(long instance) {
		return this.jdbc.queryForStream(
				"SELECT UNIT_CODE, UNIT_NAME, PARENT_CODE, PARENT_NAME FROM TR_TOTAL WHERE INSTANCE_ID = ? AND MUST_REPORT AND NOT HAS_ROW ORDER BY POS",
				(rs, i) -> new MissingUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
				instance);
	}

	public Stream<Finding> findings(long instance) {
		return this.jdbc.queryForStream(
				"SELECT RULE_CODE, FILE_PATH, SHEET, ROW_NO, UNIT_CODE, COLUMN_NAME, RAW_VALUE, MESSAGE FROM TR_FINDING WHERE INSTANCE_ID = ? ORDER BY FILE_NO, SHEET_INDEX, ROW_NO, RULE_CODE, SEQ",
				(rs, i) -> new Finding(Rule.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
						(rs.getInt(4) == 0) ? null : rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7),
						rs.getString(8)),
				instance);
	}

	/**
	 * Each unit's totals beside the same unit's totals in the run it is compared with, in
	 * hierarchy order down to {@code maxLevel}: joined by the position the unit had there
	 * ({@link PreviousPositions}), and by its code.
	 * @param previous the compared run's job instance, {@code null} for none
	 */
	public Stream<ComparedTotals> compared(long instance, Long previous, int maxLevel) {
		if (previous == null) {
			// nothing to compare with: no lookup of every unit in another run
			return totals(instance, maxLevel).map((unit) -> new ComparedTotals(unit, null));
		}
		return this.jdbc.queryForStream((connection) -> fetching(connection, """
				SELECT C.UNIT_CODE, C.UNIT_NAME, C.LEVEL_NO, C.PARENT_CODE, C.TOTALS, C.EXPECTED, C.REPORTED, P.TOTALS
				FROM TR_TOTAL C LEFT JOIN TR_TOTAL P
				ON P.INSTANCE_ID = ? AND P.POS = C.PREV_POS AND P.UNIT_CODE = C.UNIT_CODE
				WHERE C.INSTANCE_ID = ? AND C.LEVEL_NO <= ? ORDER BY C.POS""", previous, instance, maxLevel),
				(rs, i) -> new ComparedTotals(unitTotals(rs),
						(rs.getString(8) != null) ? Counts.decode(rs.getString(8)) : null));
	}

	/** The deepest level of a unit in a run's totals, 0 when there are none. */
	int deepestLevel(long instance) {
		Integer deepest = this.jdbc.queryForObject(
				"SELECT COALESCE(MAX(LEVEL_NO), 0) FROM TR_TOTAL WHERE INSTANCE_ID = ?", Integer.class, instance);
		return (deepest != null) ? deepest : 0;
	}

	/**
	 * In hierarchy order, every unit down to {@code maxLevel} and every unit that must
	 * report and did not, with which of the two it is (a unit may be both).
	 */
	void forEachMissingOrUpper(long instance, int maxLevel, MissingVisitor visitor) {
		this.jdbc.query((connection) -> fetching(connection,
				"SELECT LEVEL_NO, UNIT_NAME, MUST_REPORT AND NOT HAS_ROW FROM TR_TOTAL WHERE INSTANCE_ID = ? AND (LEVEL_NO <= ? OR (MUST_REPORT AND NOT HAS_ROW)) ORDER BY POS",
				instance, maxLevel),
				(RowCallbackHandler) (rs) -> visitor.unit(rs.getInt(1), rs.getString(2), rs.getBoolean(3)));
	}

	public List<InputFileInfo> files(long instance) {
		return this.jdbc.query(
				"SELECT PATH, SIZE_BYTES, SHA256, MODIFIED_NANOS, ACCEPTED, REJECTED, SUPERSEDED, SKIPPED, STATUS, REASON, NOTE FROM TR_FILE WHERE INSTANCE_ID = ? ORDER BY FILE_NO",
				(rs, i) -> new InputFileInfo(rs.getString(1), rs.getLong(2), rs.getString(3), modified(rs.getLong(4)),
						rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
						status(rs.getString(9), rs.getString(10), rs.getString(11))),
				instance);
	}

	private static String status(String status, String reason, String note) {
		if (!"READ".equals(status)) {
			return InputFileInfo.FAILED + "（F1）：" + reason;
		}
		return (note != null) ? InputFileInfo.READ + "（" + note + "）" : InputFileInfo.READ;
	}

	/** Always with seconds: {@code LocalDateTime.toString()} drops them when zero. */
	private static String modified(long nanos) {
		return MODIFIED.format(java.time.Instant.ofEpochSecond(0, nanos).atZone(java.time.ZoneId.systemDefault()));
	}

	public List<SkippedItem> skipped(long instance) {
		return this.jdbc.query(
				"SELECT FILE_PATH, SHEET, REASON FROM TR_SKIP WHERE INSTANCE_ID = ? ORDER BY FILE_NO, SEQ",
				(rs, i) -> new SkippedItem(rs.getString(1), rs.getString(2), rs.getString(3)), instance);
	}

	/** Findings counted by rule code, in rule order. */
	public Map<String, Long> findingsByRule(long instance) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.query(
				"SELECT RULE_CODE, COUNT(*) FROM TR_FINDING WHERE INSTANCE_ID = ? GROUP BY RULE_CODE ORDER BY RULE_CODE",
				(RowCallbackHandler) (rs) -> counts.put(rs.getString(1), rs.getLong(2)), instance);
		return counts;
	}

	public StagedRun run(long instance) {
		List<StagedRun> runs = this.jdbc.query(
				"SELECT PERIOD, REGISTRY_FILE, REGISTRY_SHA256, UNIT_COUNT, WORKBOOK, PREVIOUS_INSTANCE_ID, PREVIOUS_PERIOD FROM TR_RUN WHERE INSTANCE_ID = ?",
				(rs, i) -> new StagedRun(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
						rs.getString(5), rs.getObject(6, Long.class), rs.getString(7)),
				instance);
		return runs.isEmpty() ? null : runs.get(0);
	}

	/** The runs of the period that wrote a workbook, the newest first. */
	public List<Long> runsWithWorkbook(String period) {
		return this.jdbc.queryForList(
				"SELECT INSTANCE_ID FROM TR_RUN WHERE PERIOD = ? AND WORKBOOK IS NOT NULL ORDER BY INSTANCE_ID DESC",
				Long.class, period);
	}

	/** Rows read so far (while a run is going): none before reading or once released. */
	public long[] rowCountsByState(long instance) {
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

	/** Receives the units of {@link #forEachMissingOrUpper}. */
	@FunctionalInterface
	interface MissingVisitor {

		void unit(int level, String name, boolean missing);

	}

	/** Receives the rows of {@link #forEachAccepted}. */
	@FunctionalInterface
	interface CandidateVisitor {

		void row(Candidate row);

	}

	/** A file as duplicate resolution needs it. */
	record FileFacts(String path, long modifiedNanos) {
	}

	/** Receives the rows of {@link #forEachRow}. */
	@FunctionalInterface
	interface RowVisitor {

		/**
		 * @param state the row's state, {@code null} for a code this version does not
		 * know
		 * @param counts the counts as stored ({@link Counts#encode}), {@code null} unless
		 * accepted
		 */
		void row(int fileNo, RowState state, String unitCode, String counts);

	}

	/** A row as stored. */
	record StagedRow(int fileNo, int sheetIndex, int row, String sheet, String unitCode, String unitName,
			RowState state, String counts) {
	}

	/** A finding with the keys it is stored under. */
	record NumberedFinding(int fileNo, int sheetIndex, int seq, Finding finding) {
	}

	/**
	 * An accepted row, which may compete with others of the same unit.
	 *
	 * @param counts as stored ({@link Counts#encode})
	 */
	record Candidate(String unitCode, int fileNo, int sheetIndex, int row, String sheet, String counts) {
	}

	/** Sets the parameters of one row of a multi-row insert. */
	@FunctionalInterface
	private interface RowParameters<T> {

		void set(PreparedStatement ps, int base, T row) throws SQLException;

	}

	/** Receives the units of {@link #forEachPosition}. */
	@FunctionalInterface
	interface PositionVisitor {

		void unit(String code, int position);

	}

	/**
	 * A unit's totals with what the workbook needs beside them.
	 *
	 * @param previousPosition the unit's position in the run compared with, -1 for none
	 */
	record StagedTotal(int position, UnitTotals totals, String parentName, boolean mustReport, boolean hasRow,
			int previousPosition) {
	}

	/**
	 * The facts of a run stored beside its rows, with the run it is compared with (较上期):
	 * {@code null} where there was none.
	 */
	public record StagedRun(String period, String registryFile, String registrySha256, long unitCount, String workbook,
			Long previousInstance, String previousPeriod) {
	}

}
