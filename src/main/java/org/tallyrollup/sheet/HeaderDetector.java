package org.tallyrollup.sheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the header in the first rows of a sheet: the first row among the first
 * {@value #SEARCH_ROWS} that names the columns a header must have, on one row or on two
 * when the upper row holds merged group cells.
 *
 * <p>
 * Merged cells are not needed: a group cell merged across columns holds its text in its
 * leftmost cell only, so the upper text is carried right to the blank cells after it; a
 * cell merged down holds its text in the upper row and leaves the lower one blank. A
 * column is then named by its lower cell, or the upper and lower text joined, or (lower
 * blank) the upper cell alone, whichever matches first.
 */
public final class HeaderDetector {

	/** How many rows from the top of a sheet may hold the header. */
	public static final int SEARCH_ROWS = 20;

	/** How many leading rows {@link #detect} needs to see. */
	public static final int ROWS_NEEDED = SEARCH_ROWS + 2;

	private static final Pattern COLUMN_NUMBER = Pattern.compile("[甲乙丙丁戊己庚辛壬癸]|\\(?\\d{1,3}\\)?|[①-⑳]|栏次|栏号|[a-zA-Z]");

	private HeaderDetector() {
	}

	/**
	 * Finds the header among the given leading rows of a sheet (at least
	 * {@link #ROWS_NEEDED} of them, or all the sheet has).
	 */
	public static <C> Optional<Header<C>> detect(List<RawRow> rows, ColumnSet<C> set) {
		int limit = Math.min(rows.size(), SEARCH_ROWS);
		HeaderForms forms = new HeaderForms(rows);
		for (int i = 0; i < limit; i++) {
			RawRow upper = rows.get(i);
			RawRow lower = (i + 1 < rows.size()) ? rows.get(i + 1) : null;
			Map<Integer, C> single = singleRow(forms.of(i), set);
			boolean singleIsHeader = set.isHeader(single.values());
			Map<Integer, C> joined = (lower != null) ? twoRows(forms.of(i), forms.of(i + 1), set) : Map.of();
			if (singleIsHeader) {
				if (joined.size() > single.size() && joined.values().containsAll(single.values())) {
					return Optional.of(withColumnNumbers(joined, upper.number(), lower.number(), rows));
				}
				return Optional.of(withColumnNumbers(single, upper.number(), upper.number(), rows));
			}
			if (lower != null && set.isHeader(joined.values())
					&& !set.isHeader(singleRow(forms.of(i + 1), set).values())) {
				return Optional.of(withColumnNumbers(joined, upper.number(), lower.number(), rows));
			}
		}
		return Optional.empty();
	}

	/**
	 * @param row a row's cells in {@link TextNormalizer#header} form
	 */
	private static <C> Map<Integer, C> singleRow(String[] row, ColumnSet<C> set) {
		Map<Integer, C> columns = new LinkedHashMap<>();
		for (int col = 0; col < row.length; col++) {
			place(columns, col, set.match(row[col]));
		}
		return columns;
	}

	/**
	 * @param upper a row's cells in {@link TextNormalizer#header} form
	 * @param lower the next row's, likewise
	 */
	private static <C> Map<Integer, C> twoRows(String[] upper, String[] lower, ColumnSet<C> set) {
		Map<Integer, C> columns = new LinkedHashMap<>();
		int width = Math.max(upper.length, lower.length);
		String carried = "";
		for (int col = 0; col < width; col++) {
			String upperText = (col < upper.length) ? upper[col] : "";
			String lowerText = (col < lower.length) ? lower[col] : "";
			if (!upperText.isEmpty()) {
				carried = upperText;
			}
			Optional<C> match = Optional.empty();
			if (!lowerText.isEmpty()) {
				match = set.match(lowerText);
				if (match.isEmpty() && !carried.isEmpty()) {
					// two texts in header form joined are in that form too
					match = set.match(carried + lowerText);
				}
			}
			else if (!upperText.isEmpty()) {
				match = set.match(upperText);
			}
			place(columns, col, match);
		}
		return columns;
	}

	/**
	 * Keeps the first column of each kind; a later column with the same name is ignored.
	 */
	private static <C> void place(Map<Integer, C> columns, int index, Optional<C> match) {
		if (match.isPresent() && !columns.containsValue(match.get())) {
			columns.put(index, match.get());
		}
	}

	private static <C> Header<C> withColumnNumbers(Map<Integer, C> columns, int firstRow, int lastRow,
			List<RawRow> rows) {
		int end = lastRow;
		for (RawRow row : rows) {
			if (row.number() == lastRow + 1 && isColumnNumberRow(row)) {
				end = row.number();
			}
		}
		return new Header<>(columns, firstRow, end);
	}

	/**
	 * The cells of the leading rows in {@link TextNormalizer#header} form, each row
	 * worked out once: the search looks at most rows two or three times.
	 */
	private static final class HeaderForms {

		private final List<RawRow> rows;

		private final String[][] forms;

		HeaderForms(List<RawRow> rows) {
			this.rows = rows;
			this.forms = new String[Math.min(rows.size(), SEARCH_ROWS + 1)][];
		}

		String[] of(int index) {
			String[] form = this.forms[index];
			if (form == null) {
				RawRow row = this.rows.get(index);
				form = new String[row.width()];
				for (int col = 0; col < form.length; col++) {
					form[col] = TextNormalizer.header(row.cell(col));
				}
				this.forms[index] = form;
			}
			return form;
		}

	}

	/** A 栏次 row: 甲, 乙, 1, 2, 3… or (1), (2)… and nothing else. */
	static boolean isColumnNumberRow(RawRow row) {
		int tokens = 0;
		List<Integer> numbers = new ArrayList<>();
		for (int col = 0; col < row.width(); col++) {
			String text = TextNormalizer.removeWhitespace(TextNormalizer.halfWidth(row.cell(col)));
			if (text.isEmpty()) {
				continue;
			}
			if (!COLUMN_NUMBER.matcher(text).matches()) {
				return false;
			}
			tokens++;
			String digits = text.replaceAll("[^0-9]", "");
			if (!digits.isEmpty()) {
				numbers.add(Integer.parseInt(digits));
			}
		}
		if (tokens < 2) {
			return false;
		}
		for (int i = 1; i < numbers.size(); i++) {
			if (numbers.get(i) != numbers.get(i - 1) + 1) {
				return false;
			}
		}
		return true;
	}

}
