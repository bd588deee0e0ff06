package org.tallyrollup.job;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = Repositories.PG_URL, matches = ".+")
class PostgresTwoServersTests extends TwoServersTests {

	@Override
	Repositories.Kind repository() {
		return Repositories.POSTGRES;
	}

}
