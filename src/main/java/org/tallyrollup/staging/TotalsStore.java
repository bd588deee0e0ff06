package org.tallyrollup.staging;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import org.tallyrollup.rollup.ComparedTotals;
import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.workbook.MissingUnit;

/**
 * Each unit's totals of a run (TR_TOTAL) in hierarchy order, with where the unit stood in
 * the run it is compared with (较上期), kept after the rows are let go.
 */
@Repository
public class TotalsStore {

	/** Rows in one INSERT of {@link #insert}. */
	private static final int ROWS_PER_INSERT = 100;

	private static final String COLUMNS = "INSTANCE_ID, POS, UNIT_CODE, UNIT_NAME, LEVEL_NO, PARENT_CODE, PARENT_NAME, MUST_REPORT, HAS_ROW, TOTALS, EXPECTED, REPORTED, PREV_POS";

	private static final int COLUMN_COUNT = 13;

	private final JdbcTemplate jdbc;

	TotalsStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void deleteInstance(long instance) {
		this.jdbc.update("DELETE FROM TR_TOTAL WHERE INSTANCE_ID = ?", instance);
	}

	/**
	 * Inserts rows {@value #ROWS_PER_INSERT} to a statement ({@code INSERT … VALUES (…),
	 * (…), …}): H2 runs each row of a JDBC batch as a statement of its own, and the
	 * statements cost more than the rows.
	 */
	public void insert(long instance, List<StagedTotal> totals) {
		if (totals.isEmpty()) {
			return;
		}
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			int perStatement = Math.min(ROWS_PER_INSERT, totals.size());
			int full = totals.size() / perStatement;
			try (PreparedStatement ps = connection.prepareStatement(multiRowInsert(perStatement))) {
				for (int group = 0; group < full; group++) {
					for (int row = 0; row < perStatement; row++) {
						set(ps, row * COLUMN_COUNT, instance, totals.get(group * perStatement + row));
					}
					ps.executeUpdate();
				}
			}
			int rest = totals.size() - full * perStatement;
			if (rest > 0) {
				try (PreparedStatement ps = connection.prepareStatement(multiRowInsert(rest))) {
					for (int row = 0; row < rest; row++) {
						set(ps, row * COLUMN_COUNT, instance, totals.get(full * perStatement + row));
					}
					ps.executeUpdate();
				}
			}
			return null;
		});
	}

	private static void set(PreparedStatement ps, int base, long instance, StagedTotal t) throws SQLException {
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
		ps.setString(base + 10, Counts.encodePositional(u.totals()));
		ps.setLong(base + 11, u.expected());
		ps.setLong(base + 12, u.reported());
		if (t.previousPosition() >= 0) {
			ps.setInt(base + 13, t.previousPosition());
		}
		else {
			ps.setNull(base + 13, Types.INTEGER);
		}
	}

	private static String multiRowInsert(int rows) {
		String row = "(" + "?,".repeat(COLUMN_COUNT - 1) + "?)";
		StringBuilder sql = new StringBuilder("INSERT INTO TR_TOTAL (").append(COLUMNS).append(") VALUES ").append(row);
		for (int i = 1; i < rows; i++) {
			sql.append(',').append(row);
		}
		return sql.toString();
	}

	/**
	 * Each unit code of a run's totals with its position there, in no particular order.
	 */
	public void forEachPosition(long instance, PositionVisitor visitor) {
		this.jdbc.query((connection) -> Sql.fetching(connection,
				"SELECT UNIT_CODE, POS FROM TR_TOTAL WHERE INSTANCE_ID = ?", instance),
				(RowCallbackHandler) (rs) -> visitor.unit(rs.getString(1), rs.getInt(2)));
	}

	/**
	 * Each unit's totals in hierarchy order down to {@code maxLevel}, fetched in batches.
	 */
	public Stream<UnitTotals> totals(long instance, int maxLevel) {
		Counts.Decoder counts = decoder(instance);
		return this.jdbc.queryForStream((connection) -> Sql.fetching(connection,
				"SELECT UNIT_CODE, UNIT_NAME, LEVEL_NO, PARENT_CODE, TOTALS, EXPECTED, REPORTED FROM TR_TOTAL WHERE INSTANCE_ID = ? AND LEVEL_NO <= ? ORDER BY POS",
				instance, maxLevel), (rs, i) -> unitTotals(rs, counts));
	}

	private static UnitTotals unitTotals(ResultSet rs, Counts.Decoder counts) throws SQLException {
		return new UnitTotals(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
				counts.decode(rs.getString(5)), rs.getLong(6), rs.getLong(7));
	}

	/** How a run's stored totals read: under the layout its TR_RUN row records. */
	private Counts.Decoder decoder(long instance) {
		List<String> layout = this.jdbc.queryForList("SELECT TOTALS_LAYOUT FROM TR_RUN WHERE INSTANCE_ID = ?",
				String.class, instance);
		return Counts.decoder(layout.isEmpty() ? null : layout.get(0));
	}

	public Stream<MissingUnit> missing(long instance) {
		return this.jdbc.queryForStream(
				"SELECT UNIT_CODE, UNIT_NAME, PARENT_CODE, PARENT_NAME FROM TR_TOTAL WHERE INSTANCE_ID = ? AND MUST_REPORT AND NOT HAS_ROW ORDER BY POS",
				(rs, i) -> new MissingUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
				instance);
	}

	/**
	 * Each unit's totals beside the same unit's totals in the run it is compared with, in
	 * hierarchy order down to {@code maxLevel}: joined by the position the unit had there
	 * (TR_TOTAL.PREV_POS), and by its code.
	 * @param previous the compared run's job instance, {@code null} for none
	 */
	public Stream<ComparedTotals> compared(long instance, Long previous, int maxLevel) {
		if (previous == null) {
			// nothing to compare with: no lookup of every unit in another run
			return totals(instance, maxLevel).map((unit) -> new ComparedTotals(unit, null));
		}
		Counts.Decoder current = decoder(instance);
		Counts.Decoder compared = decoder(previous);
		return this.jdbc.queryForStream((connection) -> Sql.fetching(connection, """
				SELECT C.UNIT_CODE, C.UNIT_NAME, C.LEVEL_NO, C.PARENT_CODE, C.TOTALS, C.EXPECTED, C.REPORTED, P.TOTALS
				FROM TR_TOTAL C LEFT JOIN TR_TOTAL P
				ON P.INSTANCE_ID = ? AND P.POS = C.PREV_POS AND P.UNIT_CODE = C.UNIT_CODE
				WHERE C.INSTANCE_ID = ? AND C.LEVEL_NO <= ? ORDER BY C.POS""", previous, instance, maxLevel),
				(rs, i) -> new ComparedTotals(unitTotals(rs, current),
						(rs.getString(8) != null) ? compared.decode(rs.getString(8)) : null));
	}

	/** The deepest level of a unit in a run's totals, 0 when there are none. */
	public int deepestLevel(long instance) {
		Integer deepest = this.jdbc.queryForObject(
				"SELECT COALESCE(MAX(LEVEL_NO), 0) FROM TR_TOTAL WHERE INSTANCE_ID = ?", Integer.class, instance);
		return (deepest != null) ? deepest : 0;
	}

	/**
	 * In hierarchy order, every unit down to {@code maxLevel} and every unit that must
	 * report and did not, with which of the two it is (a unit may be both).
	 */
	public void forEachMissingOrUpper(long instance, int maxLevel, MissingVisitor visitor) {
		this.jdbc.query((connection) -> Sql.fetching(connection,
				"SELECT LEVEL_NO, UNIT_NAME, MUST_REPORT AND NOT HAS_ROW FROM TR_TOTAL WHERE INSTANCE_ID = ? AND (LEVEL_NO <= ? OR (MUST_REPORT AND NOT HAS_ROW)) ORDER BY POS",
				instance, maxLevel),
				(RowCallbackHandler) (rs) -> visitor.unit(rs.getInt(1), rs.getString(2), rs.getBoolean(3)));
	}

	/**
	 * A unit's totals with what the workbook needs beside them.
	 *
	 * @param previousPosition the unit's position in the run compared with, -1 for none
	 */
	public record StagedTotal(int position, UnitTotals totals, String parentName, boolean mustReport, boolean hasRow,
			int previousPosition) {
	}

	/** Receives the units of {@link #forEachPosition}. */
	@FunctionalInterface
	public interface PositionVisitor {

		void unit(String code, int position);

	}

	/** Receives the units of {@link #forEachMissingOrUpper}. */
	@FunctionalInterface
	public interface MissingVisitor {

		void unit(int level, String name, boolean missing);

	}

}
