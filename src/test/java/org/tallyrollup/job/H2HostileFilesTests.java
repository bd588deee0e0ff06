package org.tallyrollup.job;

class H2HostileFilesTests extends HostileFilesTests {

	@Override
	Repositories.Kind repository() {
		return Repositories.H2;
	}

}
