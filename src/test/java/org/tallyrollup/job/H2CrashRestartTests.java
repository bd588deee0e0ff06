package org.tallyrollup.job;

class H2CrashRestartTests extends CrashRestartTests {

	@Override
	Repositories.Kind repository() {
		return Repositories.H2;
	}

}
