package org.tallyrollup.run;

import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A lock per period in the job repository's database, held while a run of the period is
 * being launched: from the check that none is going until its job execution exists. Two
 * processes sharing the database (two servers, a server and the command line) thus never
 * both start the same period. A lock older than {@link #STALE} belongs to a process that
 * died while launching and is taken over.
 */
@Component
class LaunchLocks {

	static final Duration STALE = Duration.ofMinutes(1);

	private static final Logger logger = LoggerFactory.getLogger(LaunchLocks.class);

	private final JdbcTemplate jdbc;

	private final String holder = ExecutionOwners.HOST + ":" + ProcessHandle.current().pid() + ":"
			+ UUID.randomUUID().toString().substring(0, 8);

	LaunchLocks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes the period's lock; {@code false} if another process holds it. */
	boolean acquire(String period) {
		for (int attempt = 0; attempt < 2; attempt++) {
			long now = System.currentTimeMillis();
			try {
				this.jdbc.update("INSERT INTO TR_LAUNCH (PERIOD, HOLDER, SINCE) VALUES (?,?,?)", period, this.holder,
						now);
				return true;
			}
			catch (DataIntegrityViolationException ex) {
				int removed = this.jdbc.update("DELETE FROM TR_LAUNCH WHERE PERIOD = ? AND SINCE < ?", period,
						now - STALE.toMillis());
				if (removed == 0) {
					return false;
				}
				logger.warn("报告期 {} 的启动锁已超过 {} 秒未释放（持有它的进程已不在），已收回", period, STALE.toSeconds());
			}
		}
		return false;
	}

	/** Lets the period's lock go, if this process holds it. */
	void release(String period) {
		this.jdbc.update("DELETE FROM TR_LAUNCH WHERE PERIOD = ? AND HOLDER = ?", period, this.holder);
	}

}
