package org.tallyrollup.staging;

import java.util.List;

import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.tally.TallyRecord;

/**
 * Stores a row of counts (indexed as {@link TallyColumn#COUNTS}) as one text column, each
 * count under its column's key: {@code branches=3,members=0,issuesFound=12,…}. A stored
 * run stays right when a count column is added, moved or removed: a key the columns no
 * longer have is passed over, a column the text has no key for reads 0 (the run was
 * before it). Every key is written, zeros too, so that "0" and "not yet a column" stay
 * apart in what is stored.
 */
public final class Counts {

	private static final String[] KEYS = keys(TallyColumn.COUNTS);

	private Counts() {
	}

	public static String[] keys(List<TallyColumn> columns) {
		return columns.stream().map(TallyColumn::key).toArray(String[]::new);
	}

	public static long[] of(TallyRecord record) {
		long[] counts = new long[TallyColumn.COUNTS.size()];
		for (TallyColumn column : TallyColumn.COUNTS) {
			counts[column.countIndex()] = record.value(column);
		}
		return counts;
	}

	public static String encode(long[] counts) {
		return encode(counts, KEYS);
	}

	/** The counts under the given keys, in their order. */
	public static String encode(long[] counts, String[] keys) {
		StringBuilder text = new StringBuilder(counts.length * 16);
		for (int i = 0; i < counts.length; i++) {
			if (i > 0) {
				text.append(',');
			}
			text.append(keys[i]).append('=').append(counts[i]);
		}
		return text.toString();
	}

	public static long[] decode(String text) {
		return decode(text, KEYS);
	}

	/**
	 * The counts stored in {@code text}, in the order of {@code keys}. Text written with
	 * the same keys is read in one pass: each key is first looked for where the last one
	 * left off.
	 */
	public static long[] decode(String text, String[] keys) {
		long[] counts = new long[keys.length];
		int expected = 0;
		int at = 0;
		int length = text.length();
		while (at < length) {
			int equals = text.indexOf('=', at);
			if (equals < 0) {
				throw new IllegalArgumentException("Counts without a key: " + text);
			}
			int end = text.indexOf(',', equals);
			if (end < 0) {
				end = length;
			}
			int key = find(keys, text, at, equals - at, expected);
			if (key >= 0) {
				counts[key] = Long.parseLong(text, equals + 1, end, 10);
				expected = key + 1;
			}
			at = end + 1;
		}
		return counts;
	}

	private static int find(String[] keys, String text, int from, int length, int expected) {
		if (expected < keys.length && matches(keys[expected], text, from, length)) {
			return expected;
		}
		for (int i = 0; i < keys.length; i++) {
			if (matches(keys[i], text, from, length)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean matches(String key, String text, int from, int length) {
		return key.length() == length && text.regionMatches(from, key, 0, length);
	}

}
