package org.tallyrollup.job;

class H2TwoServersTests extends TwoServersTests {

	@Override
	Repositories.Kind repository() {
		return Repositories.H2;
	}

}
