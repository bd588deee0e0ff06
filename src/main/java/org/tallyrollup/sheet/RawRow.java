package org.tallyrollup.sheet;

import java.util.List;

/**
 * One row of a sheet as read: its number as Excel or a text editor shows it (1-based) and
 * its cells as text.
 *
 * <p>
 * Every format renders cells the same way, so the logic above the formats never needs to
 * know where a row came from: a numeric cell with an integral value gives its digits
 * ({@code 12.0} gives {@code "12"}, {@code 101} gives {@code "101"}), any other number
 * its plain decimal form, a date cell {@code yyyy-MM-dd}, a formula cell its cached
 * value, a boolean {@code TRUE}/{@code FALSE}, a missing cell {@code ""}.
 */
public record RawRow(int number, List<String> cells) {

	public RawRow {
		cells = List.copyOf(cells);
	}

	public static RawRow blank(int number) {
		return new RawRow(number, List.of());
	}

	/** The cell at a 0-based column index, {@code ""} past the end of the row. */
	public String cell(int column) {
		if (column < 0 || column >= this.cells.size()) {
			return "";
		}
		String value = this.cells.get(column);
		return (value != null) ? value : "";
	}

	public int width() {
		return this.cells.size();
	}

	public boolean isBlank() {
		for (String cell : this.cells) {
			if (cell != null && !TextNormalizer.isBlank(cell)) {
				return false;
			}
		}
		return true;
	}

	/** The first cell holding text (trimmed), or {@code ""}. */
	public String firstNonBlank() {
		for (String cell : this.cells) {
			if (cell != null && !TextNormalizer.isBlank(cell)) {
				return TextNormalizer.trim(cell);
			}
		}
		return "";
	}

}
