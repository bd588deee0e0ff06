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
		for (int i = 0; i < limit; i++) {
			RawRow upper = rows.get(i);
			RawRow lower = (i + 1 < rows.size()) ? rows.get(i + 1) : null;
			Map<Integer, C> single = singleRow(upper, set);
			boolean singleIsHeader = set.isHeader(single.values());
			Map<Integer, C> joined = (lower != null) ? twoRows(upper, lower, set) : Map.of();
			if (singleIsHeader) {
				if (joined.size() > single.size() && joined.values().containsAll(single.values())) {
					return Optional.of(withColumnNumbers(joined, upper.number(), lower.number(), rows));
				}
				return Optional.of(withColumnNumbers(single, upper.number(), upper.number(), rows));
			}
			if (lower != null && set.isHeader(joined.values()) && !set.isHeader(singleRow(lower, set).values())) {
				return Optional.of(withColumnNumbers(joined, upper.number(), lower.number(), rows));
			}
		}
		return Optional.empty();
	}

	private static <C> Map<Integer, C> singleRow(RawRow row, ColumnSet<C> set) {
		Map<Integer, C> columns = new LinkedHashMap<>();
		for (int col = 0; col < row.width(); col++) {
			place(columns, col, set.match(TextNormalizer.header(row.cell(col))));
		}
		return columns;
	}

	private static <C> Map<Integer, C> twoRows(RawRow upper, RawRow lower, ColumnSet<C> set) {
		Map<Integer, C> columns = new LinkedHashMap<>();
		int width = Math.max(upper.width(), lower.width());
		String carried = "";
		for (int col = 0; col < width; col++) {
			String upperText = TextNormalizer.header(upper.cell(col));
			String lowerText = TextNormalizer.header(lower.cell(col));
			if (!upperText.isEmpty()) {
				carried = upperText;
			}
			Optional<C> match = Optional.empty();
			if (!lowerText.isEmpty()) {
				match = set.match(lowerText);
				if (match.isEmpty() && !carried.isEmpty()) {
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
