package org.tallyrollup.run;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchLocksTests {

	private EmbeddedDatabase database;

	private JdbcTemplate jdbc;

	@BeforeEach
	void database() {
		this.database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
			.generateUniqueName(true)
			.addScript("classpath:db/migration/common/V2__Staging_tables.sql")
			.build();
		this.jdbc = new JdbcTemplate(this.database);
	}

	@AfterEach
	void shutDown() {
		this.database.shutdown();
	}

	@Test
	void letsOneProcessLaunchAPeriodAtATime() {
		// given: two processes over one database
		LaunchLocks one = new LaunchLocks(this.jdbc);
		LaunchLocks other = new LaunchLocks(this.jdbc);
		// when, then
		assertThat(one.acquire("2023-11")).isTrue();
		assertThat(other.acquire("2023-11")).isFalse();
		assertThat(other.acquire("2023-12")).isTrue();
		other.release("2023-11");
		assertThat(other.acquire("2023-11")).as("only its holder lets a lock go").isFalse();
		one.release("2023-11");
		assertThat(other.acquire("2023-11")).isTrue();
	}

	@Test
	void takesOverALockLeftByAProcessThatDiedWhileLaunching() {
		// given
		this.jdbc.update("INSERT INTO TR_LAUNCH (PERIOD, HOLDER, SINCE) VALUES (?,?,?)", "2023-11", "gone:1:x",
				System.currentTimeMillis() - LaunchLocks.STALE.toMillis() - 1000);
		// when, then
		assertThat(new LaunchLocks(this.jdbc).acquire("2023-11")).isTrue();
	}

}
