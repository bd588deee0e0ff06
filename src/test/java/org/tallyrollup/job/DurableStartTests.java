package org.tallyrollup.job;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DurableStartTests {

	@Test
	void writesTheStartAtOnceAsAnAdministratorAndGoesOnWithoutWhenNotAllowed() {
		// given: the administrator, and a user H2 refuses CHECKPOINT to
		String url = "jdbc:h2:mem:durable-start";
		JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(url + ";DB_CLOSE_DELAY=-1", "sa", ""));
		admin.execute("CREATE USER IF NOT EXISTS CLERK PASSWORD 'clerk'");
		JdbcTemplate clerk = new JdbcTemplate(new DriverManagerDataSource(url, "CLERK", "clerk"));
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> clerk.execute("CHECKPOINT"))
			.withMessageContaining("Admin rights are required");
		// when, then
		assertThatCode(() -> new DurableStart(admin).beforeJob(null)).doesNotThrowAnyException();
		assertThatCode(() -> new DurableStart(clerk).beforeJob(null)).doesNotThrowAnyException();
	}

}
