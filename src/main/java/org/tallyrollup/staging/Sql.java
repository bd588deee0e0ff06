package org.tallyrollup.staging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** What the stores share: the column sizes, and queries fetched a batch at a time. */
final class Sql {

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

	private static final int FETCH_SIZE = 2000;

	private Sql() {
	}

	static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	/**
	 * A query of one run's rows that fetches them a batch at a time rather than all at
	 * once.
	 */
	static PreparedStatement fetching(Connection connection, String sql, Object... parameters) throws SQLException {
		PreparedStatement ps = connection.prepareStatement(sql);
		for (int i = 0; i < parameters.length; i++) {
			ps.setObject(i + 1, parameters[i]);
		}
		ps.setFetchSize(FETCH_SIZE);
		return ps;
	}

}
