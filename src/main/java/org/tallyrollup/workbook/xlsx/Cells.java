package org.tallyrollup.workbook.xlsx;

/** A1-style references. */
final class Cells {

	/** Excel's limit of columns on one sheet. */
	static final int MAX_COLUMNS = 16_384;

	private static final String[] NAMES = new String[64];

	static {
		for (int i = 0; i < NAMES.length; i++) {
			NAMES[i] = name(i);
		}
	}

	private Cells() {
	}

	/** The letters of a 0-based column: A, B… Z, AA… */
	static String column(int index) {
		return (index < NAMES.length) ? NAMES[index] : name(index);
	}

	/** The reference of a cell, 0-based: (2, 0) is A3. */
	static String reference(int row, int column) {
		return column(column) + (row + 1);
	}

	/** A range, 0-based and inclusive: A2:J100. */
	static String range(int firstRow, int firstColumn, int lastRow, int lastColumn) {
		return reference(firstRow, firstColumn) + ":" + reference(lastRow, lastColumn);
	}

	/** An absolute range on a sheet, as a defined name holds it: '汇总'!$A$2:$J$100. */
	static String absolute(String sheet, String range) {
		String[] ends = range.split(":");
		return quoted(sheet) + "!" + absolute(ends[0]) + ":" + absolute(ends[1]);
	}

	/** Whole rows on a sheet, 0-based and inclusive: '汇总'!$1:$2. */
	static String rows(String sheet, int first, int last) {
		return quoted(sheet) + "!$" + (first + 1) + ":$" + (last + 1);
	}

	private static String absolute(String reference) {
		int digits = 0;
		while (!Character.isDigit(reference.charAt(digits))) {
			digits++;
		}
		return "$" + reference.substring(0, digits) + "$" + reference.substring(digits);
	}

	private static String quoted(String sheet) {
		return "'" + sheet.replace("'", "''") + "'";
	}

	private static String name(int index) {
		StringBuilder name = new StringBuilder();
		for (int n = index + 1; n > 0; n = (n - 1) / 26) {
			name.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return name.toString();
	}

}
