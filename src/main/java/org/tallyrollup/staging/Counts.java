package org.tallyrollup.staging;

import java.util.List;

import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.tally.TallyRecord;

/**
 * Stores a row of counts (indexed as {@link TallyColumn#COUNTS}) as one text column.
 *
 * <p>
 * A run's rows and totals store the counts by position ({@code 3,0,12,…}) under the run's
 * layout: the columns' keys in their order, recorded once for the run (its rows' in
 * TR_ROW_LAYOUT, its totals' in TR_RUN.TOTALS_LAYOUT). A stored run stays right when a
 * count column is added, moved or removed ({@link Positional}): a key the columns no
 * longer have is passed over, a column the layout has no key for reads 0 (the run was
 * before it). Keyed text took a national-1m run several seconds more (BENCHMARKS.md).
 *
 * <p>
 * Totals stored between V5 and V6 are keyed, each count under its column's key:
 * {@code branches=3,members=0,issuesFound=12,…}; {@link #decoder} reads both.
 */
public final class Counts {

	private static final String[] KEYS = keys(TallyColumn.COUNTS);

	/** The current columns' keys in their order, as a run's row layout records them. */
	public static final String LAYOUT = String.join(",", KEYS);

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

	/** Reads the counts of a run's stored text, whichever way it was stored. */
	@FunctionalInterface
	public interface Decoder {

		long[] decode(String text);

	}

	/**
	 * A decoder of counts stored by position under {@code layout} ({@code null}: the
	 * current columns'), or keyed (text with {@code =}, as V5 left stored totals).
	 */
	public static Decoder decoder(String layout) {
		Positional positional = positional((layout != null) ? layout : LAYOUT);
		return (text) -> (text.indexOf('=') >= 0) ? decode(text) : positional.decode(text);
	}

	/** Counts by position, in the order of the current columns. */
	public static String encodePositional(long[] counts) {
		StringBuilder text = new StringBuilder(counts.length * 4);
		for (int i = 0; i < counts.length; i++) {
			if (i > 0) {
				text.append(',');
			}
			text.append(counts[i]);
		}
		return text.toString();
	}

	/**
	 * A reader of counts stored by position under a layout (keys in their order, as
	 * {@link #LAYOUT}), giving them in the order of the current columns.
	 */
	public static Positional positional(String layout) {
		return new Positional(layout.split(",", -1), KEYS);
	}

	/**
	 * A reader of counts stored by position under {@code stored}, into {@code target}.
	 */
	public static Positional positional(String[] stored, String[] target) {
		return new Positional(stored, target);
	}

	/** Reads counts stored by position, mapping each position to its column. */
	public static final class Positional {

		private final int[] targetOf;

		private final int size;

		private final boolean identity;

		Positional(String[] stored, String[] target) {
			this.targetOf = new int[stored.length];
			boolean same = stored.length == target.length;
			for (int i = 0; i < stored.length; i++) {
				this.targetOf[i] = -1;
				for (int j = 0; j < target.length; j++) {
					if (target[j].equals(stored[i])) {
						this.targetOf[i] = j;
						break;
					}
				}
				same &= this.targetOf[i] == i;
			}
			this.size = target.length;
			this.identity = same;
		}

		public long[] decode(String text) {
			long[] counts = new long[this.size];
			int index = 0;
			long value = 0;
			boolean negative = false;
			for (int i = 0; i <= text.length(); i++) {
				char c = (i < text.length()) ? text.charAt(i) : ',';
				if (c == ',') {
					if (index >= this.targetOf.length) {
						throw new IllegalArgumentException("More counts than the layout has columns: " + text);
					}
					int target = this.identity ? index : this.targetOf[index];
					if (target >= 0) {
						counts[target] = negative ? -value : value;
					}
					index++;
					value = 0;
					negative = false;
				}
				else if (c == '-') {
					negative = true;
				}
				else {
					value = value * 10 + (c - '0');
				}
			}
			return counts;
		}

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
