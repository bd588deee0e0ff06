package org.tallyrollup.sheet;

import java.util.Arrays;

import org.apache.poi.util.RecordFormatException;

/**
 * The cells of one .xls sheet, rendered as text while its records stream past, by row. A
 * row exists when the file has a ROW record or a cell for it, as in POI's usermodel; its
 * width is one past its last cell, blank cells included.
 */
final class XlsCells {

	private static final String[] NO_CELLS = new String[0];

	/** Columns A to IV: an Excel 97-2003 sheet has no more. */
	static final int MAX_COLUMNS = 256;

	private String[][] rows = new String[64][];

	private int[] widths = new int[64];

	private int lastRow = -1;

	/** A ROW record: the row exists, with or without cells. */
	void declare(int row) {
		ensure(row);
		if (this.rows[row] == null) {
			this.rows[row] = NO_CELLS;
		}
	}

	void cell(int row, int column, String text) {
		if (column < 0 || column >= MAX_COLUMNS) {
			throw new RecordFormatException("Cell in column " + column + ", past IV");
		}
		ensure(row);
		String[] cells = this.rows[row];
		if (cells == null || column >= cells.length) {
			int length = (cells == null) ? 0 : cells.length;
			cells = Arrays.copyOf((cells == null) ? NO_CELLS : cells, Math.max(column + 1, Math.min(length * 2, 256)));
			this.rows[row] = cells;
		}
		cells[column] = text;
		if (column >= this.widths[row]) {
			this.widths[row] = column + 1;
		}
	}

	private void ensure(int row) {
		if (row < 0) {
			throw new IllegalArgumentException("Row " + row);
		}
		if (row >= this.rows.length) {
			int length = Math.max(row + 1, this.rows.length * 2);
			this.rows = Arrays.copyOf(this.rows, length);
			this.widths = Arrays.copyOf(this.widths, length);
		}
		if (row > this.lastRow) {
			this.lastRow = row;
		}
	}

	/** The last row's 0-based index, -1 when the sheet has none. */
	int lastRow() {
		return this.lastRow;
	}

	/** The row at a 0-based index, blank when the file has no cell in it. */
	RawRow row(int row, int number) {
		int width = (row <= this.lastRow) ? this.widths[row] : 0;
		if (width == 0) {
			return RawRow.blank(number);
		}
		String[] cells = this.rows[row];
		String[] out = new String[width];
		for (int column = 0; column < width; column++) {
			String text = cells[column];
			out[column] = (text != null) ? text : "";
		}
		return new RawRow(number, Arrays.asList(out));
	}

}
