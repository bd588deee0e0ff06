package org.tallyrollup.job;

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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import org.tallyrollup.rollup.ComparedTotals;
import org.tallyrollup.tally.TallyColumn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job repository left by an earlier version — 较上期 by unit code through an index, no
 * positions in the previous run — is brought over at start, on H2 and (when CI gives one)
 * on PostgreSQL.
 */
class LegacyTotalsIndexTests {

	@TempDir
	Path folder;

	private final List<String> schemas = new ArrayList<>();

	static Stream<String> databases() {
		return (System.getenv(Repositories.PG_URL) != null) ? Stream.of("h2", "postgres") : Stream.of("h2");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void fillsInEachUnitsPreviousPositionByItsCodeThenDropsTheIndex(String database) throws Exception {
		// given: October (01, 0101, 0102), November with 0103 added before 0102, and a
		// run
		// compared with nothing
		JdbcTemplate jdbc = new JdbcTemplate(dataSource(database));
		new ResourceDatabasePopulator(new ClassPathResource("staging-schema.sql")).execute(jdbc.getDataSource());
		jdbc.execute("CREATE INDEX " + LegacyTotalsIndex.INDEX + " ON TR_TOTAL (INSTANCE_ID, UNIT_CODE)");
		run(jdbc, 1, "2023-10", null, "01", "0101", "0102");
		run(jdbc, 2, "2023-11", 1L, "01", "0101", "0103", "0102");
		run(jdbc, 3, "2023-09", null, "01");
		LegacyTotalsIndex legacy = new LegacyTotalsIndex(jdbc, new DataSourceTransactionManager(jdbc.getDataSource()));
		assertThat(legacy.present()).isTrue();
		// when
		legacy.afterPropertiesSet();
		// then
		assertThat(legacy.present()).isFalse();
		assertThat(previousPositions(jdbc, 2)).containsExactly(0, 1, null, 2);
		assertThat(previousPositions(jdbc, 1)).containsOnlyNulls();
		assertThat(previousPositions(jdbc, 3)).containsOnlyNulls();
		StagingRepository staging = new StagingRepository(jdbc, new DataSourceTransactionManager(jdbc.getDataSource()));
		try (Stream<ComparedTotals> units = staging.compared(2, 1L, Integer.MAX_VALUE)) {
			assertThat(units.map((unit) -> unit.hasPrevious() ? unit.change(TallyColumn.ISSUES_FOUND) : null))
				.containsExactly(100L, 200L, null, 500L);
		}
		// and a second start finds nothing to do
		legacy.afterPropertiesSet();
		assertThat(previousPositions(jdbc, 2)).containsExactly(0, 1, null, 2);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void leavesTheIndexOfAnotherSchemaAlone(String database) throws Exception {
		// given: the application's schema without the index, another schema with one
		JdbcTemplate jdbc = new JdbcTemplate(dataSource(database));
		new ResourceDatabasePopulator(new ClassPathResource("staging-schema.sql")).execute(jdbc.getDataSource());
		String other = "postgres".equals(database) ? otherSchema() : "OTHER";
		jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + other);
		jdbc.execute("CREATE TABLE " + other + ".TR_TOTAL (INSTANCE_ID BIGINT, UNIT_CODE VARCHAR(255))");
		jdbc.execute("CREATE INDEX " + ("postgres".equals(database) ? "" : other + ".") + LegacyTotalsIndex.INDEX
				+ " ON " + other + ".TR_TOTAL (INSTANCE_ID, UNIT_CODE)");
		LegacyTotalsIndex legacy = new LegacyTotalsIndex(jdbc, new DataSourceTransactionManager(jdbc.getDataSource()));
		// when
		legacy.afterPropertiesSet();
		// then
		assertThat(legacy.present()).isFalse();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + other + ".TR_TOTAL", Integer.class)).isZero();
		assertThat(jdbc.execute((Connection connection) -> {
			String table = "postgres".equals(database) ? "tr_total" : "TR_TOTAL";
			try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, other, table, false, true)) {
				List<String> names = new ArrayList<>();
				while (indexes.next()) {
					names.add(String.valueOf(indexes.getString("INDEX_NAME")).toUpperCase(Locale.ROOT));
				}
				return names;
			}
		})).contains(LegacyTotalsIndex.INDEX);
	}

	private String otherSchema() {
		String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
		this.schemas.add(schema);
		return schema;
	}

	/**
	 * Stores a run's TR_RUN row and its totals as an earlier version did: the unit at
	 * position {@code p} found {@code 100 × (p + 1) × instance} issues.
	 */
	private static void run(JdbcTemplate jdbc, long instance, String period, Long previous, String... codes) {
		jdbc.update(
				"INSERT INTO TR_RUN (INSTANCE_ID, PERIOD, REGISTRY_FILE, REGISTRY_SHA256, UNIT_COUNT, PREVIOUS_INSTANCE_ID, PREVIOUS_PERIOD) VALUES (?,?,?,?,?,?,?)",
				instance, period, "units.csv", "digest" + instance, codes.length, previous,
				(previous != null) ? "earlier" : null);
		for (int position = 0; position < codes.length; position++) {
			long[] counts = new long[TallyColumn.COUNTS.size()];
			counts[TallyColumn.ISSUES_FOUND.countIndex()] = 100L * (position + 1) * instance;
			jdbc.update(
					"INSERT INTO TR_TOTAL (INSTANCE_ID, POS, UNIT_CODE, UNIT_NAME, LEVEL_NO, PARENT_CODE, PARENT_NAME, MUST_REPORT, HAS_ROW, TOTALS, EXPECTED, REPORTED) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
					instance, position, codes[position], "单位" + codes[position], (position == 0) ? 1 : 2,
					(position == 0) ? null : "01", (position == 0) ? null : "单位01", position > 0, position > 0,
					Counts.encode(counts), 1, 1);
		}
	}

	private static List<Integer> previousPositions(JdbcTemplate jdbc, long instance) {
		return jdbc.query("SELECT PREV_POS FROM TR_TOTAL WHERE INSTANCE_ID = ? ORDER BY POS",
				(rs, i) -> rs.getObject(1, Integer.class), instance);
	}

	private DriverManagerDataSource dataSource(String database) throws SQLException {
		if ("h2".equals(database)) {
			return new DriverManagerDataSource("jdbc:h2:file:" + this.folder.resolve("data/tally-rollup"), "sa", "");
		}
		String url = System.getenv(Repositories.PG_URL);
		String user = System.getenv().getOrDefault("TALLY_TEST_PG_USER", "tally");
		String password = System.getenv().getOrDefault("TALLY_TEST_PG_PASSWORD", "");
		String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		this.schemas.add(schema);
		return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user,
				password);
	}

	@AfterEach
	void dropSchemas() throws SQLException {
		if (this.schemas.isEmpty()) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(System.getenv(Repositories.PG_URL),
				System.getenv().getOrDefault("TALLY_TEST_PG_USER", "tally"),
				System.getenv().getOrDefault("TALLY_TEST_PG_PASSWORD", ""));
				Statement statement = connection.createStatement()) {
			for (String schema : this.schemas) {
				statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		}
	}

}
