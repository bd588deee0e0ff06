package org.tallyrollup.staging;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.migration.Context;

import org.springframework.stereotype.Component;

/**
 * V4: releases before 较上期 by position joined a run's totals with the previous run's by
 * unit code, through the index TR_TOTAL_UNIT. Where that index is (in the application's
 * own schema: another schema's is left alone), each stored unit's position in its run's
 * previous run is filled in with its help, and the index is dropped.
 */
@Component
class LegacyTotalsIndexMigration extends SchemaMigration {

	static final String INDEX = "TR_TOTAL_UNIT";

	LegacyTotalsIndexMigration() {
		super("4", "Previous positions from the legacy totals index");
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		if (!hasIndex(connection, "TR_TOTAL", INDEX)) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("""
					UPDATE TR_TOTAL C SET PREV_POS = (
						SELECT P.POS FROM TR_RUN R JOIN TR_TOTAL P
						ON P.INSTANCE_ID = R.PREVIOUS_INSTANCE_ID AND P.UNIT_CODE = C.UNIT_CODE
						WHERE R.INSTANCE_ID = C.INSTANCE_ID)
					WHERE C.INSTANCE_ID IN (SELECT INSTANCE_ID FROM TR_RUN WHERE PREVIOUS_INSTANCE_ID IS NOT NULL)""");
			statement.execute("DROP INDEX " + INDEX);
		}
	}

}
