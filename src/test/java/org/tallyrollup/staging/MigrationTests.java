package org.tallyrollup.staging;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway makes the schema on an empty database and brings a job repository of the last
 * release before it (made by Boot's Batch initializer and staging-schema.sql, kept as
 * {@code upgrade/release-2026-12-07}) up to date, with what earlier releases left in it:
 * rows in the shared TR_ROW, the unit-code index of 较上期, counts stored by position. On H2
 * and, when CI gives one, on PostgreSQL.
 */
class MigrationTests {

	static final String PG_URL = "TALLY_TEST_PG_URL";

	@TempDir
	Path folder;

	private final List<String> schemas = new ArrayList<>();

	static Stream<String> databases() {
		return (System.getenv(PG_URL) != null) ? Stream.of("h2", "postgresql") : Stream.of("h2");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void makesTheWholeSchemaOnAnEmptyDatabase(String vendor) throws Exception {
		// given
		DataSource dataSource = dataSource(vendor);
		// when
		int applied = flyway(dataSource, vendor).migrate().migrationsExecuted;
		// then
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assertThat(applied).isEqualTo(6);
		assertThat(versions(jdbc)).containsExactly("1", "2", "3", "4", "5", "6");
		try (Connection connection = dataSource.getConnection()) {
			assertThat(SchemaMigration.tables(connection, "")).contains("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION",
					"BATCH_STEP_EXECUTION_CONTEXT", "TR_FILE", "TR_SKIP", "TR_FINDING", "TR_TOTAL", "TR_RUN",
					"TR_EXECUTION", "TR_LAUNCH", "TR_ROW_LAYOUT");
		}
		// and a second start has nothing to do
		assertThat(flyway(dataSource, vendor).migrate().migrationsExecuted).isZero();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void bringsAJobRepositoryOfTheLastReleaseUpToDate(String vendor) throws Exception {
		// given: the release's schema, with rows of two unfinished runs in the shared
		// table, October and November (0103 added before 0102) compared through the
		// unit-code index, and a run compared with nothing
		DataSource dataSource = dataSource(vendor);
		releaseSchema(dataSource, vendor);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute(
				"""
						CREATE TABLE TR_ROW (INSTANCE_ID BIGINT NOT NULL, FILE_NO INT NOT NULL, SHEET_INDEX INT NOT NULL,
						ROW_NO INT NOT NULL, SHEET VARCHAR(255) NOT NULL, UNIT_CODE VARCHAR(255), UNIT_NAME VARCHAR(1000),
						STATE CHAR(1) NOT NULL, COUNTS VARCHAR(1000), PRIMARY KEY (INSTANCE_ID, FILE_NO, SHEET_INDEX, ROW_NO))""");
		jdbc.update("INSERT INTO TR_ROW VALUES (900001, 1, 0, 2, 'Sheet1', '001', '第1党支部', 'A', '1,2,3')");
		jdbc.update("INSERT INTO TR_ROW VALUES (900001, 1, 0, 3, 'Sheet1', '002', '第2党支部', 'R', NULL)");
		jdbc.update("INSERT INTO TR_ROW VALUES (900002, 1, 0, 2, 'Sheet1', '003', '第3党支部', 'A', '4,5,6')");
		jdbc.execute("CREATE INDEX " + LegacyTotalsIndexMigration.INDEX + " ON TR_TOTAL (INSTANCE_ID, UNIT_CODE)");
		run(jdbc, 1, "2023-10", null, "01", "0101", "0102");
		run(jdbc, 2, "2023-11", 1L, "01", "0101", "0103", "0102");
		run(jdbc, 3, "2023-09", null, "01");

		// when
		flyway(dataSource, vendor).migrate();

		// then: baselined at 0, every migration applied
		assertThat(versions(jdbc)).containsExactly("0", "1", "2", "3", "4", "5", "6");
		// each run's rows in its own table, by position under the release's layout
		assertThat(jdbc.queryForList("SELECT COUNTS FROM TR_ROW_900001 ORDER BY ROW_NO", String.class))
			.containsExactly("1,2,3", null);
		assertThat(jdbc.queryForObject("SELECT COUNTS FROM TR_ROW_900002", String.class)).isEqualTo("4,5,6");
		assertThat(jdbc.queryForList("SELECT COUNT_KEYS FROM TR_ROW_LAYOUT ORDER BY INSTANCE_ID", String.class))
			.containsExactly(String.join(",", CountsByKeyMigration.POSITIONAL_KEYS),
					String.join(",", CountsByKeyMigration.POSITIONAL_KEYS));
		assertThat(Counts.positional(String.join(",", CountsByKeyMigration.POSITIONAL_KEYS)).decode("1,2,3"))
			.startsWith(1, 2, 3, 0);
		try (Connection connection = dataSource.getConnection()) {
			assertThat(SchemaMigration.hasTable(connection, "TR_ROW")).isFalse();
			assertThat(SchemaMigration.hasIndex(connection, "TR_TOTAL", LegacyTotalsIndexMigration.INDEX)).isFalse();
		}
		// 较上期 by position in the previous run, filled in through the index
		assertThat(previousPositions(jdbc, 2)).containsExactly(0, 1, null, 2);
		assertThat(previousPositions(jdbc, 1)).containsOnlyNulls();
		assertThat(previousPositions(jdbc, 3)).containsOnlyNulls();
		// the totals under their keys
		assertThat(jdbc.queryForList("SELECT TOTALS FROM TR_TOTAL WHERE INSTANCE_ID = 2 ORDER BY POS", String.class))
			.containsExactly(keyed(200), keyed(400), keyed(600), keyed(800));
	}

	@Test
	void leavesTheIndexOfAnotherSchemaAlone() throws Exception {
		// given: the release's schema without the index, another schema with one
		DataSource dataSource = dataSource("h2");
		releaseSchema(dataSource, "h2");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("CREATE SCHEMA OTHER");
		jdbc.execute("CREATE TABLE OTHER.TR_TOTAL (INSTANCE_ID BIGINT, UNIT_CODE VARCHAR(255))");
		jdbc.execute("CREATE INDEX OTHER." + LegacyTotalsIndexMigration.INDEX
				+ " ON OTHER.TR_TOTAL (INSTANCE_ID, UNIT_CODE)");
		// when
		flyway(dataSource, "h2").migrate();
		// then
		try (Connection connection = dataSource.getConnection();
				ResultSet indexes = connection.getMetaData().getIndexInfo(null, "OTHER", "TR_TOTAL", false, true)) {
			List<String> names = new ArrayList<>();
			while (indexes.next()) {
				names.add(String.valueOf(indexes.getString("INDEX_NAME")));
			}
			assertThat(names).contains(LegacyTotalsIndexMigration.INDEX);
		}
	}

	@Test
	void refusesStoredCountsOfMoreColumnsThanAnyReleaseHad() {
		assertThat(CountsByKeyMigration.keyed("1,2,3,4,5,6,7,8,9,10,11,12,13")).startsWith("branches=1,members=2,")
			.endsWith(",researchTopics=12,institutions=13");
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> CountsByKeyMigration.keyed("1,2,3,4,5,6,7,8,9,10,11,12,13,14"));
	}

	/** Flyway as the application configures it (application.properties). */
	static Flyway flyway(DataSource dataSource, String vendor) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
			.javaMigrations(new LegacyRowsMigration(), new LegacyTotalsIndexMigration(), new CountsByKeyMigration())
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load();
	}

	/** What the release made at start: Spring Batch's script, then its staging tables. */
	static void releaseSchema(DataSource dataSource, String vendor) {
		new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-" + vendor + ".sql"),
				new ClassPathResource("upgrade/release-2026-12-07/staging-schema.sql"))
			.execute(dataSource);
	}

	/** Positional counts of a release: {@code issues} issues found, nothing else. */
	private static String positional(long issues) {
		return "0,0," + issues + ",0,0,0,0,0,0,0,0,0,0";
	}

	private static String keyed(long issues) {
		return "branches=0,members=0,issuesFound=" + issues + ",measures=0,completed=0,catCentral=0,catDevelopment=0,"
				+ "catPeople=0,catRisk=0,catDiscipline=0,catOther=0,researchTopics=0,institutions=0";
	}

	/**
	 * Stores a run's TR_RUN row and its totals as the release did: the unit at position
	 * {@code p} found {@code 100 × (p + 1) × instance} issues.
	 */
	private static void run(JdbcTemplate jdbc, long instance, String period, Long previous, String... codes) {
		jdbc.update(
				"INSERT INTO TR_RUN (INSTANCE_ID, PERIOD, REGISTRY_FILE, REGISTRY_SHA256, UNIT_COUNT, PREVIOUS_INSTANCE_ID, PREVIOUS_PERIOD) VALUES (?,?,?,?,?,?,?)",
				instance, period, "units.csv", "digest" + instance, codes.length, previous,
				(previous != null) ? "earlier" : null);
		for (int position = 0; position < codes.length; position++) {
			jdbc.update(
					"INSERT INTO TR_TOTAL (INSTANCE_ID, POS, UNIT_CODE, UNIT_NAME, LEVEL_NO, PARENT_CODE, PARENT_NAME, MUST_REPORT, HAS_ROW, TOTALS, EXPECTED, REPORTED) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
					instance, position, codes[position], "单位" + codes[position], (position == 0) ? 1 : 2,
					(position == 0) ? null : "01", (position == 0) ? null : "单位01", position > 0, position > 0,
					positional(100L * (position + 1) * instance), 1, 1);
		}
	}

	private static List<Integer> previousPositions(JdbcTemplate jdbc, long instance) {
		return jdbc.query("SELECT PREV_POS FROM TR_TOTAL WHERE INSTANCE_ID = ? ORDER BY POS",
				(rs, i) -> rs.getObject(1, Integer.class), instance);
	}

	private static List<String> versions(JdbcTemplate jdbc) {
		return jdbc.queryForList(
				"SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"",
				String.class);
	}

	private DataSource dataSource(String vendor) throws SQLException {
		if ("h2".equals(vendor)) {
			return new DriverManagerDataSource("jdbc:h2:file:" + this.folder.resolve("data/tally-rollup"), "sa", "");
		}
		String url = System.getenv(PG_URL);
		String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
		try (Connection connection = DriverManager.getConnection(url, user(), password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		this.schemas.add(schema);
		return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user(),
				password());
	}

	private static String user() {
		return System.getenv().getOrDefault("TALLY_TEST_PG_USER", "tally");
	}

	private static String password() {
		return System.getenv().getOrDefault("TALLY_TEST_PG_PASSWORD", "");
	}

	@AfterEach
	void dropSchemas() throws SQLException {
		if (this.schemas.isEmpty()) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(System.getenv(PG_URL), user(), password());
				Statement statement = connection.createStatement()) {
			for (String schema : this.schemas) {
				statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		}
	}

}
