package org.tallyrollup.staging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.Context;

import org.springframework.stereotype.Component;

/**
 * V5: counts were stored by position ({@code 3,0,12,…}, in the order of the count columns
 * of the release that wrote them), so a column added anywhere but at the end would have
 * misread every stored run. Every run's totals are rewritten under their columns' keys
 * ({@code branches=3,members=0,issuesFound=12,…}); text of fewer counts (a release before
 * the last columns were added) gives the keys it has, and the others then read 0, as they
 * did. The rows of an unfinished run stay by position, compact, and the layout they were
 * written under (the release's columns) is recorded for the run in TR_ROW_LAYOUT, where
 * every run records its own from now on.
 */
@Component
class CountsByKeyMigration extends SchemaMigration {

	/** The count columns' keys in the order every release before this one stored them. */
	static final List<String> POSITIONAL_KEYS = List.of("branches", "members", "issuesFound", "measures", "completed",
			"catCentral", "catDevelopment", "catPeople", "catRisk", "catDiscipline", "catOther", "researchTopics",
			"institutions");

	private static final int BATCH = 1000;

	CountsByKeyMigration() {
		super("5", "Counts keyed by column and row layouts");
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		rewrite(connection, "SELECT INSTANCE_ID, POS, TOTALS FROM TR_TOTAL",
				"UPDATE TR_TOTAL SET TOTALS = ? WHERE INSTANCE_ID = ? AND POS = ?", 2);
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					CREATE TABLE TR_ROW_LAYOUT (
						INSTANCE_ID BIGINT NOT NULL PRIMARY KEY,
						COUNT_KEYS VARCHAR(2000) NOT NULL)""");
		}
		try (PreparedStatement layout = connection
			.prepareStatement("INSERT INTO TR_ROW_LAYOUT (INSTANCE_ID, COUNT_KEYS) VALUES (?, ?)")) {
			for (String table : tables(connection, "TR_ROW_")) {
				String instance = table.substring("TR_ROW_".length());
				if (!instance.isEmpty() && instance.chars().allMatch(Character::isDigit)) {
					layout.setLong(1, Long.parseLong(instance));
					layout.setString(2, String.join(",", POSITIONAL_KEYS));
					layout.executeUpdate();
				}
			}
		}
	}

	/**
	 * Reads each row's key columns and positional counts (the last column) and writes the
	 * keyed counts back.
	 */
	private static void rewrite(Connection connection, String select, String update, int keyColumns) throws Exception {
		try (Statement query = connection.createStatement();
				ResultSet rs = query.executeQuery(select);
				PreparedStatement write = connection.prepareStatement(update)) {
			int pending = 0;
			while (rs.next()) {
				String counts = rs.getString(keyColumns + 1);
				if (counts.contains("=")) {
					continue;
				}
				write.setString(1, keyed(counts));
				for (int i = 1; i <= keyColumns; i++) {
					write.setObject(i + 1, rs.getObject(i));
				}
				write.addBatch();
				if (++pending == BATCH) {
					write.executeBatch();
					pending = 0;
				}
			}
			if (pending > 0) {
				write.executeBatch();
			}
		}
	}

	static String keyed(String positional) {
		String[] values = positional.split(",", -1);
		// a release with fewer count columns wrote fewer, the ones added since at the end
		if (values.length > POSITIONAL_KEYS.size()) {
			throw new IllegalStateException("Stored counts of " + values.length + " columns, not "
					+ POSITIONAL_KEYS.size() + ": " + positional);
		}
		StringBuilder text = new StringBuilder(positional.length() + 160);
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				text.append(',');
			}
			text.append(POSITIONAL_KEYS.get(i)).append('=').append(Long.parseLong(values[i].trim()));
		}
		return text.toString();
	}

}
