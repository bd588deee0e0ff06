package org.tallyrollup.staging;

/** The four ends a row read can come to, as stored. */
public enum RowState {

	ACCEPTED('A'), REJECTED('R'), SUPERSEDED('S'), SKIPPED('K');

	private final char code;

	RowState(char code) {
		this.code = code;
	}

	public String code() {
		return String.valueOf(this.code);
	}

	/** The state stored as {@code code}, or {@code null}. */
	public static RowState of(String code) {
		if (code != null && code.length() == 1) {
			for (RowState state : values()) {
				if (state.code == code.charAt(0)) {
					return state;
				}
			}
		}
		return null;
	}

}
