package org.tallyrollup.sheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** Builds sheets of rows for tests, numbered from 1 as a spreadsheet numbers them. */
public final class Rows {

	private Rows() {
	}

	/** Each array is one row's cells. */
	public static List<RawRow> of(String[]... rows) {
		List<RawRow> list = new ArrayList<>();
		for (int i = 0; i < rows.length; i++) {
			list.add(new RawRow(i + 1, Arrays.asList(rows[i])));
		}
		return list;
	}

	public static String[] row(String... cells) {
		return cells;
	}

	public static RowCursor cursor(List<RawRow> rows) {
		Iterator<RawRow> iterator = rows.iterator();
		return new RowCursor() {

			@Override
			public boolean hasNext() {
				return iterator.hasNext();
			}

			@Override
			public RawRow next() {
				return iterator.next();
			}

			@Override
			public void close() {
			}

		};
	}

}
