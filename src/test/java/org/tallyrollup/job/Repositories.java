package org.tallyrollup.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The job repositories whole-job tests run against: an H2 file database in a folder of
 * the test, or — when {@value #PG_URL} is set (CI sets it) — a schema of its own in that
 * PostgreSQL database, created on demand.
 */
final class Repositories {

	static final String PG_URL = "TALLY_TEST_PG_URL";

	private static final List<String> created = new CopyOnWriteArrayList<>();

	private Repositories() {
	}

	/** Spring options for a fresh repository; {@code folder} holds an H2 one. */
	interface Kind {

		List<String> fresh(Path folder) throws SQLException;

	}

	static final Kind H2 = (folder) -> ChildRun.h2(folder.resolve("data"));

	static final Kind POSTGRES = (folder) -> {
		String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
		try (Connection connection = DriverManager.getConnection(url(), user(), password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		created.add(schema);
		String url = url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
		return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + user(), "--spring.datasource.password=" + password());
	};

	/** Drops the PostgreSQL schemas made so far. */
	static void dropCreated() throws SQLException {
		if (created.isEmpty()) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(url(), user(), password());
				Statement statement = connection.createStatement()) {
			for (String schema : created) {
				statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		}
		created.clear();
	}

	private static String url() {
		return System.getenv(PG_URL);
	}

	private static String user() {
		return System.getenv().getOrDefault("TALLY_TEST_PG_USER", "tally");
	}

	private static String password() {
		return System.getenv().getOrDefault("TALLY_TEST_PG_PASSWORD", "");
	}

}
