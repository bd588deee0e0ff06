package org.tallyrollup.job;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.Locale;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a job repository of an earlier version over to {@link PreviousPositions}: those
 * versions joined a run's totals with the previous run's by unit code, through the index
 * TR_TOTAL_UNIT. While that index is there, each stored unit's position in its run's
 * previous run is filled in with its help; then it is dropped. A start that finds no such
 * index does nothing but ask.
 */
@Component
@DependsOnDatabaseInitialization
class LegacyTotalsIndex implements InitializingBean {

	static final String INDEX = "TR_TOTAL_UNIT";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	LegacyTotalsIndex(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public void afterPropertiesSet() {
		if (!present()) {
			return;
		}
		// the index serves this UPDATE; cut short, it is done again at the next start
		this.transactions.executeWithoutResult((status) -> this.jdbc.update("""
				UPDATE TR_TOTAL C SET PREV_POS = (
					SELECT P.POS FROM TR_RUN R JOIN TR_TOTAL P
					ON P.INSTANCE_ID = R.PREVIOUS_INSTANCE_ID AND P.UNIT_CODE = C.UNIT_CODE
					WHERE R.INSTANCE_ID = C.INSTANCE_ID)
				WHERE C.INSTANCE_ID IN (SELECT INSTANCE_ID FROM TR_RUN WHERE PREVIOUS_INSTANCE_ID IS NOT NULL)"""));
		this.jdbc.execute("DROP INDEX IF EXISTS " + INDEX);
	}

	/**
	 * Whether TR_TOTAL has the index, in the schema the application uses (H2 names tables
	 * in upper case, PostgreSQL in lower): another schema's would not be dropped.
	 */
	boolean present() {
		return Boolean.TRUE.equals(this.jdbc.execute((Connection connection) -> {
			DatabaseMetaData metaData = connection.getMetaData();
			for (String table : new String[] { "TR_TOTAL", "tr_total" }) {
				try (ResultSet indexes = metaData.getIndexInfo(null, connection.getSchema(), table, false, true)) {
					while (indexes.next()) {
						String name = indexes.getString("INDEX_NAME");
						if (name != null && INDEX.equals(name.toUpperCase(Locale.ROOT))) {
							return true;
						}
					}
				}
			}
			return false;
		}));
	}

}
