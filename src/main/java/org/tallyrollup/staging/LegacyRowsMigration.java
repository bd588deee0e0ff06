package org.tallyrollup.staging;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.Context;

import org.springframework.stereotype.Component;

/**
 * V3: releases before one table per run kept every run's rows in TR_ROW, keyed by
 * INSTANCE_ID. An unfinished run of theirs has its rows moved into
 * TR_ROW_&lt;instance&gt;, where a resumed run looks for them, and TR_ROW goes.
 */
@Component
class LegacyRowsMigration extends SchemaMigration {

	/** A run's row table as it was at this version. */
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

	LegacyRowsMigration() {
		super("3", "Move legacy rows to a table per run");
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		if (!hasTable(connection, "TR_ROW")) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			List<Long> instances = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT DISTINCT INSTANCE_ID FROM TR_ROW")) {
				while (rs.next()) {
					instances.add(rs.getLong(1));
				}
			}
			for (long instance : instances) {
				String table = "TR_ROW_" + instance;
				statement.execute("CREATE TABLE IF NOT EXISTS " + table + " " + ROW_COLUMNS);
				statement.executeUpdate("INSERT INTO " + table + " (" + ROW_NAMES + ") SELECT " + ROW_NAMES
						+ " FROM TR_ROW WHERE INSTANCE_ID = " + instance);
			}
			statement.execute("DROP TABLE TR_ROW");
		}
	}

}
