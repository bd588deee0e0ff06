package org.tallyrollup.job;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import org.tallyrollup.TallyRollupApplication;
import org.tallyrollup.cli.Invocation;
import org.tallyrollup.cli.RunCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job repository written by the last release before Flyway — October rolled up by it,
 * kept as the SQL of its rows in {@code upgrade/release-2026-12-07} — is upgraded in
 * place when this version starts on it, and November's 较上期 is taken from that October run
 * as PeriodComparisonTests takes it from one of this version. On H2 and, when CI gives
 * one, on PostgreSQL.
 */
class ReleaseUpgradeTests {

	private static final String RELEASE = "upgrade/release-2026-12-07/";

	@TempDir
	Path folder;

	static Stream<String> databases() {
		return (System.getenv(Repositories.PG_URL) != null) ? Stream.of("h2", "postgresql") : Stream.of("h2");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void novemberIsComparedWithTheOctoberTheReleaseStored(String vendor) throws Exception {
		// given: the input October was read from, and the release's job repository
		TallyInput input = new TallyInput(this.folder.resolve("input")).registry(PeriodComparisonTests.UNITS)
			.tally("2023-10", "a.csv", PeriodComparisonTests.HEADER, PeriodComparisonTests.OCTOBER)
			.tally("2023-11", "a.csv", PeriodComparisonTests.HEADER, PeriodComparisonTests.NOVEMBER);
		Path output = this.folder.resolve("output");
		List<String> database = "h2".equals(vendor) ? Repositories.H2.fresh(this.folder)
				: Repositories.POSTGRES.fresh(this.folder);
		releaseRepository(vendor, database, input.folder(), output);

		// when: this version runs November on it
		List<String> arguments = new ArrayList<>(database);
		arguments.addAll(List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TallyRollupApplication.class)
			.web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new))) {
			status = context.getBean(RunCommand.class)
				.run(Invocation.parse(new String[] { "run", "--input", input.folder().toString(), "--output",
						output.toString(), "--period", "2023-11" }), new PrintStream(out, true, StandardCharsets.UTF_8),
						new PrintStream(err, true, StandardCharsets.UTF_8));
			// then: every migration applied over the release's schema
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList(
					"SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"",
					String.class))
				.containsExactly("0", "1", "2", "3", "4", "5", "6");
			assertThat(
					jdbc.queryForObject("SELECT TOTALS FROM TR_TOTAL WHERE INSTANCE_ID = 1 AND POS = 0", String.class))
				.startsWith("branches=3,members=0,issuesFound=12,measures=17,completed=6,");
		}

		// and November against the October of the release: 13 issues, 19 measures, 14
		// completed (73.68%) against 12, 17, 6 (35.29%); 城东区 10, 15, 10 (66.67%)
		// against 9, 14, 5 (35.71%)
		assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
		Path workbook = output.resolve("2023-11/rollup_2023-11.xlsx");
		assertThat(Sheets.facts(workbook).get("较上期对比的报告期")).isEqualTo("2023-10");
		List<Map<String, Object>> summary = Sheets.table(workbook, "汇总");
		assertThat(changes(summary.get(0))).containsExactly(1.0, 2.0, 8.0, 38.39);
		assertThat(summary.get(1).get("单位编码")).isEqualTo("0101");
		assertThat(changes(summary.get(1))).containsExactly(1.0, 1.0, 5.0, 30.96);
	}

	/**
	 * What the release made at its first start (Spring Batch's script, then its staging
	 * tables) and the rows its October run left, with the folders it ran on.
	 */
	private static void releaseRepository(String vendor, List<String> options, Path input, Path output)
			throws SQLException {
		try (Connection connection = connect(options)) {
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
			String rows = new String(read(RELEASE + "data.sql"), StandardCharsets.UTF_8)
				.replace("${input}", input.toString())
				.replace("${output}", output.toString());
			new ResourceDatabasePopulator(
					new ClassPathResource("org/springframework/batch/core/schema-" + vendor + ".sql"),
					new ClassPathResource(RELEASE + "staging-schema.sql"),
					new ByteArrayResource(rows.getBytes(StandardCharsets.UTF_8)))
				.execute(dataSource);
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			// the sequences where the release left them
			jdbc.execute("ALTER SEQUENCE BATCH_JOB_INSTANCE_SEQ RESTART WITH 2");
			jdbc.execute("ALTER SEQUENCE BATCH_JOB_EXECUTION_SEQ RESTART WITH 2");
			jdbc.execute("ALTER SEQUENCE BATCH_STEP_EXECUTION_SEQ RESTART WITH 7");
		}
	}

	private static Connection connect(List<String> options) throws SQLException {
		String url = option(options, "--spring.datasource.url=");
		if (url == null) {
			String dataDir = option(options, "--tally.data-dir=");
			return DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/tally-rollup", "sa", "");
		}
		return DriverManager.getConnection(url, option(options, "--spring.datasource.username="),
				option(options, "--spring.datasource.password="));
	}

	private static String option(List<String> options, String prefix) {
		return options.stream()
			.filter((o) -> o.startsWith(prefix))
			.map((o) -> o.substring(prefix.length()))
			.findFirst()
			.orElse(null);
	}

	private static byte[] read(String resource) {
		try (var in = new ClassPathResource(resource).getInputStream()) {
			return in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static List<Object> changes(Map<String, Object> row) {
		return Arrays.asList(row.get("检视问题数较上期"), row.get("整改措施数较上期"), row.get("已完成整改数较上期"), row.get("整改完成率较上期（百分点）"));
	}

	@AfterAll
	static void dropSchemas() throws SQLException {
		Repositories.dropCreated();
	}

}
