package org.tallyrollup.tally;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.tallyrollup.sheet.Header;
import org.tallyrollup.sheet.HeaderDetector;
import org.tallyrollup.sheet.RawRow;
import org.tallyrollup.sheet.RowCursor;
import org.tallyrollup.sheet.SheetInfo;
import org.tallyrollup.sheet.TextNormalizer;

/**
 * Reads one tally sheet whatever its format: finds the header band, then gives every row
 * below it as a cleaned {@link TallyRecord} or a {@link SkippedRow} (blank, totals,
 * footer). Blank rows at the very end of a sheet are not rows anybody sees and are not
 * given.
 */
public final class TallySheetReader {

	private static final List<String> TOTALS_WORDS = List.of("合计", "总计", "小计");

	/**
	 * The most characters of a cell kept for a row (code, name, period, the raw text of a
	 * count): far beyond any real value, and a bound on the memory a chunk of rows takes.
	 */
	static final int MAX_KEPT_CHARS = 1000;

	private static final String SUBTOTAL = "小计";

	/**
	 * The footer words of the data contract, and three more a clerk writes below a table
	 * just as often (制表…, 填报单位…, 联系人…): a line starting with any of them is not data.
	 */
	private static final List<String> FOOTER_WORDS = List.of("填报人", "填表人", "审核人", "单位负责人", "统计负责人", "联系电话", "填报日期",
			"报出日期", "备注", "说明", "注", "制表", "填报单位", "联系人");

	private TallySheetReader() {
	}

	private static String clip(String text) {
		return (text == null || text.length() <= MAX_KEPT_CHARS) ? text : text.substring(0, MAX_KEPT_CHARS - 1) + "…";
	}

	/** Opens a sheet: its header, or why it has none that can be read. */
	public static SheetOpening open(String file, SheetInfo sheet, RowCursor cursor) {
		List<RawRow> leading = new ArrayList<>();
		while (leading.size() < HeaderDetector.ROWS_NEEDED && cursor.hasNext()) {
			leading.add(cursor.next());
		}
		Optional<Header<TallyColumn>> found = HeaderDetector.detect(leading, TallyColumn.HEADER);
		if (found.isEmpty()) {
			return new SheetOpening.NoHeader();
		}
		Header<TallyColumn> header = found.get();
		List<TallyColumn> missing = header.missing(TallyColumn.HEADER);
		if (!missing.isEmpty()) {
			return new SheetOpening.MissingColumns(missing);
		}
		Deque<RawRow> rest = new ArrayDeque<>();
		for (RawRow row : leading) {
			if (row.number() > header.lastRow()) {
				rest.add(row);
			}
		}
		return new SheetOpening.Rows(new Rows(file, sheet, header, rest, cursor));
	}

	/** What opening a sheet gives. */
	public sealed interface SheetOpening {

		/** No row among the first 20 is a tally header: the sheet is not a tally. */
		record NoHeader() implements SheetOpening {
		}

		/** A header without some required columns (F2). */
		record MissingColumns(List<TallyColumn> missing) implements SheetOpening {
		}

		/** The rows under the header. */
		record Rows(Iterator<SheetRow> rows) implements SheetOpening {
		}

	}

	private static final class Rows implements Iterator<SheetRow> {

		private final String file;

		private final SheetInfo sheet;

		private final Map<Integer, TallyColumn> columns;

		private final Set<TallyColumn> present;

		private final int codeColumn;

		private final Deque<RawRow> buffered;

		private final RowCursor cursor;

		private final Deque<SheetRow> ready = new ArrayDeque<>();

		/**
		 * Blank rows seen and not yet given: the numbers of the first and last, as a
		 * sheet may hold a million of them (given only when a row follows them).
		 */
		private int blankFrom;

		private int blankTo = -1;

		/** Blank rows being given, one at a time, before {@link #held}. */
		private int givingFrom;

		private int givingTo = -1;

		/** The row that ended a run of blank rows, classified once they are given. */
		private RawRow held;

		/** Sums of the data rows since the previous totals row of any kind. */
		private final long[] blockSums = new long[TallyColumn.COUNTS.size()];

		/**
		 * Sums of the data rows since the previous 合计/总计 row: what a grand total covers.
		 */
		private final long[] grandSums = new long[TallyColumn.COUNTS.size()];

		Rows(String file, SheetInfo sheet, Header<TallyColumn> header, Deque<RawRow> buffered, RowCursor cursor) {
			this.file = file;
			this.sheet = sheet;
			this.columns = header.columns();
			this.present = header.columns().isEmpty() ? EnumSet.noneOf(TallyColumn.class)
					: EnumSet.copyOf(header.columns().values());
			this.codeColumn = header.indexOf(TallyColumn.UNIT_CODE);
			this.buffered = buffered;
			this.cursor = cursor;
		}

		@Override
		public boolean hasNext() {
			while (this.ready.isEmpty()) {
				if (this.givingFrom <= this.givingTo) {
					this.ready.add(new SkippedRow(source(this.givingFrom++), SkippedRow.Reason.BLANK, null));
					continue;
				}
				if (this.held != null) {
					RawRow row = this.held;
					this.held = null;
					classify(row);
					continue;
				}
				RawRow row = nextRaw();
				if (row == null) {
					return false;
				}
				if (row.isBlank()) {
					if (this.blankTo < this.blankFrom) {
						this.blankFrom = row.number();
					}
					this.blankTo = row.number();
				}
				else if (this.blankTo >= this.blankFrom) {
					this.givingFrom = this.blankFrom;
					this.givingTo = this.blankTo;
					this.blankTo = this.blankFrom - 1;
					this.held = row;
				}
				else {
					classify(row);
				}
			}
			return true;
		}

		@Override
		public SheetRow next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.ready.poll();
		}

		private RawRow nextRaw() {
			if (!this.buffered.isEmpty()) {
				return this.buffered.poll();
			}
			return this.cursor.hasNext() ? this.cursor.next() : null;
		}

		private void classify(RawRow row) {
			String first = TextNormalizer.removeWhitespace(TextNormalizer.halfWidth(row.firstNonBlank()));
			if (startsWithAny(first, FOOTER_WORDS)) {
				this.ready.add(new SkippedRow(source(row), SkippedRow.Reason.FOOTER, null));
			}
			else if (isTotals(row)) {
				boolean subtotal = totalsWord(row).startsWith(SUBTOTAL);
				long[] covered = subtotal ? this.blockSums : this.grandSums;
				this.ready.add(new SkippedRow(source(row), SkippedRow.Reason.TOTALS,
						TotalsRowRule.compare(source(row), row, this.columns, covered)));
				Arrays.fill(this.blockSums, 0);
				if (!subtotal) {
					Arrays.fill(this.grandSums, 0);
				}
			}
			else if (!hasTallyCell(row)) {
				// e.g. a template row numbered in 序号 and never filled in
				this.ready.add(new SkippedRow(source(row), SkippedRow.Reason.BLANK, null));
			}
			else {
				TallyRecord record = record(row);
				for (int i = 0; i < this.blockSums.length; i++) {
					CountValue cell = record.counts()[i];
					if (cell != null && cell.valid()) {
						this.blockSums[i] += cell.value();
						this.grandSums[i] += cell.value();
					}
				}
				this.ready.add(record);
			}
		}

		private boolean isTotals(RawRow row) {
			return startsWithAny(totalsWord(row), TOTALS_WORDS);
		}

		/**
		 * The text that may mark a totals row: the 单位编码 cell when it holds text, else the
		 * first cell that is not blank and not a bare number (序号).
		 */
		private String totalsWord(RawRow row) {
			String code = TextNormalizer.removeWhitespace(row.cell(this.codeColumn));
			if (!code.isEmpty()) {
				return code;
			}
			for (int col = 0; col < row.width(); col++) {
				String text = TextNormalizer.removeWhitespace(TextNormalizer.halfWidth(row.cell(col)));
				if (!text.isEmpty() && !text.chars().allMatch(Character::isDigit)) {
					return text;
				}
			}
			return "";
		}

		/** Whether any column the header recognised holds something on this row. */
		private boolean hasTallyCell(RawRow row) {
			for (Integer column : this.columns.keySet()) {
				if (!TextNormalizer.isBlank(row.cell(column))) {
					return true;
				}
			}
			return false;
		}

		private TallyRecord record(RawRow row) {
			String code = "";
			String name = null;
			String period = null;
			CountValue[] counts = new CountValue[TallyColumn.COUNTS.size()];
			for (Map.Entry<Integer, TallyColumn> entry : this.columns.entrySet()) {
				String raw = row.cell(entry.getKey());
				TallyColumn column = entry.getValue();
				if (column == TallyColumn.UNIT_CODE) {
					code = clip(TextNormalizer.trim(raw));
				}
				else if (column == TallyColumn.UNIT_NAME) {
					name = clip(TextNormalizer.trim(raw));
				}
				else if (column == TallyColumn.PERIOD) {
					period = clip(TextNormalizer.trim(raw));
				}
				else if (column.isCount()) {
					CountValue value = CountParser.parse(raw);
					counts[column.countIndex()] = (value.raw() != null && value.raw().length() > MAX_KEPT_CHARS)
							? new CountValue(value.value(), clip(value.raw()), value.valid()) : value;
				}
			}
			return new TallyRecord(source(row), code, name, period, counts, this.present);
		}

		private RowSource source(RawRow row) {
			return source(row.number());
		}

		private RowSource source(int number) {
			return new RowSource(this.file, this.sheet.name(), this.sheet.index(), number);
		}

		private static boolean startsWithAny(String text, List<String> words) {
			for (String word : words) {
				if (text.startsWith(word)) {
					return true;
				}
			}
			return false;
		}

	}

}
