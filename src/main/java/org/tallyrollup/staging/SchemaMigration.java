package org.tallyrollup.staging;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration that SQL alone cannot write portably, for Flyway beside the SQL ones in
 * {@code db/migration}; Boot hands every such bean to Flyway. Once released, a migration
 * is never changed: what it needs of the schema it spells out itself, as it was at its
 * version.
 */
abstract class SchemaMigration implements JavaMigration {

	private final MigrationVersion version;

	private final String description;

	SchemaMigration(String version, String description) {
		this.version = MigrationVersion.fromVersion(version);
		this.description = description;
	}

	@Override
	public MigrationVersion getVersion() {
		return this.version;
	}

	@Override
	public String getDescription() {
		return this.description;
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	/**
	 * The tables of the connection's own schema whose names, upper-cased, start with
	 * {@code prefix} (H2 names tables in upper case, PostgreSQL in lower), upper-cased.
	 */
	static List<String> tables(Connection connection, String prefix) throws SQLException {
		List<String> tables = new ArrayList<>();
		DatabaseMetaData metaData = connection.getMetaData();
		try (ResultSet rs = metaData.getTables(null, connection.getSchema(), null, new String[] { "TABLE" })) {
			while (rs.next()) {
				String name = rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
				if (name.startsWith(prefix)) {
					tables.add(name);
				}
			}
		}
		return tables;
	}

	static boolean hasTable(Connection connection, String name) throws SQLException {
		return tables(connection, name).contains(name);
	}

	/** Whether a table of the connection's own schema has an index of this name. */
	static boolean hasIndex(Connection connection, String table, String index) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		for (String name : new String[] { table, table.toLowerCase(Locale.ROOT) }) {
			try (ResultSet indexes = metaData.getIndexInfo(null, connection.getSchema(), name, false, true)) {
				while (indexes.next()) {
					String found = indexes.getString("INDEX_NAME");
					if (found != null && index.equals(found.toUpperCase(Locale.ROOT))) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
