package org.tallyrollup.job;

/** The four ends a row read can come to, as stored. */
enum RowState {

	ACCEPTED('A'), REJECTED('R'), SUPERSEDED('S'), SKIPPED('K');

	private final char code;

	RowState(char code) {
		this.code = code;
	}

	String code() {
		return String.valueOf(this.code);
	}

}
