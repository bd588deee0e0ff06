package org.tallyrollup.sheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A sheet's header as found: which column index holds which column, and where the header
 * band ends.
 *
 * @param <C> the column type
 * @param columns the recognised columns by 0-based column index, first match per column
 * kept
 * @param firstRow the row number (1-based) of the header's first row
 * @param lastRow the row number of the last row of the header band (the lower header row
 * or the 栏次 row under it); data starts after it
 */
public record Header<C>(Map<Integer, C> columns, int firstRow, int lastRow) {

	public Header {
		columns = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
	}

	public boolean has(C column) {
		return this.columns.containsValue(column);
	}

	/** The column index of a column, or -1. */
	public int indexOf(C column) {
		for (Map.Entry<Integer, C> entry : this.columns.entrySet()) {
			if (entry.getValue().equals(column)) {
				return entry.getKey();
			}
		}
		return -1;
	}

	/** The required columns this header lacks. */
	public List<C> missing(ColumnSet<C> set) {
		List<C> missing = new ArrayList<>();
		for (C column : set.required()) {
			if (!has(column)) {
				missing.add(column);
			}
		}
		return missing;
	}

}
