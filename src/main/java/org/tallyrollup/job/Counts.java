package org.tallyrollup.job;

import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.tally.TallyRecord;

/** Stores a row of counts (indexed as {@link TallyColumn#COUNTS}) as one text column. */
final class Counts {

	private Counts() {
	}

	static long[] of(TallyRecord record) {
		long[] counts = new long[TallyColumn.COUNTS.size()];
		for (TallyColumn column : TallyColumn.COUNTS) {
			counts[column.countIndex()] = record.value(column);
		}
		return counts;
	}

	static String encode(long[] counts) {
		StringBuilder text = new StringBuilder(counts.length * 4);
		for (int i = 0; i < counts.length; i++) {
			if (i > 0) {
				text.append(',');
			}
			text.append(counts[i]);
		}
		return text.toString();
	}

	static long[] decode(String text) {
		long[] counts = new long[TallyColumn.COUNTS.size()];
		int index = 0;
		long value = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ',') {
				counts[index++] = value;
				value = 0;
			}
			else {
				value = value * 10 + (c - '0');
			}
		}
		counts[index] = value;
		return counts;
	}

}
