package org.tallyrollup.job;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = Repositories.PG_URL, matches = ".+")
class PostgresHostileFilesTests extends HostileFilesTests {

	@Override
	Repositories.Kind repository() {
		return Repositories.POSTGRES;
	}

}
