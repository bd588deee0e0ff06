package org.tallyrollup.job;

import java.sql.Connection;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Writes a run's start to the H2 file at once. H2 writes its commits to the file within
 * half a second of them (its default write delay), which spares a province's run a second
 * of writing each commit as it is made; a process killed meanwhile loses at most that
 * last half-second of progress, which the resumed run does again. What it must not lose
 * is the run itself, or the next run could not resume it: so the job's start, its
 * execution and who runs it (recorded by the listeners before this one), is written at
 * once (it is the last of the job's listeners, by its {@link Order}). PostgreSQL writes
 * every commit durably by itself.
 */
@Component
@Order(5)
class DurableStart implements JobExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(DurableStart.class);

	private final JdbcTemplate jdbc;

	private volatile Boolean h2;

	DurableStart(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		if (isH2()) {
			try {
				this.jdbc.execute("CHECKPOINT");
			}
			catch (DataAccessException ex) {
				// CHECKPOINT takes an administrator (sa, as configured); a run goes on
				// without it, only as H2 writes it half a second later
				logger.warn("H2 did not write the run's start at once (CHECKPOINT): {}", ex.getMessage());
			}
		}
	}

	private boolean isH2() {
		if (this.h2 == null) {
			this.h2 = this.jdbc
				.execute((ConnectionCallback<Boolean>) (Connection connection) -> connection.getMetaData()
					.getDatabaseProductName()
					.toUpperCase(Locale.ROOT)
					.contains("H2"));
		}
		return this.h2;
	}

}
