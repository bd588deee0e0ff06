package org.tallyrollup.tally;

/**
 * A count cell after cleaning: either a non-negative integer, or the raw text that could
 * not be read as one.
 */
public record CountValue(long value, String raw, boolean valid) {

	public static final CountValue ZERO = new CountValue(0, "", true);

	public static CountValue of(long value, String raw) {
		return new CountValue(value, raw, true);
	}

	public static CountValue invalid(String raw) {
		return new CountValue(0, raw, false);
	}

}
