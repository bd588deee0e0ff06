package org.tallyrollup.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.tallyrollup.workbook.xlsx.SheetSetup;
import org.tallyrollup.workbook.xlsx.XlsxSheet;

/**
 * One sheet of the workbook as the reader of the printout sees it, written row by row: a
 * title in row 1, a table header in row 2 and the data under it. When the sheet is full
 * (the title and header count towards the limit) the rows go on in a sheet of the same
 * name with a suffix — {@code 分级汇总(2)}, {@code 分级汇总(3)}… — which has its own title,
 * header, frozen panes, autofilter and print setup, so no row is lost.
 * <p>
 * A sheet may hold several tables one under the other (运行信息); the header in row 2 is the
 * first table's, the autofilter covers that first table, and a continuation sheet repeats
 * the header of the table that goes on there.
 * <p>
 * A failure to write (a full disk) comes out of every method as an
 * {@link UncheckedIOException}, so that rows can be written from a stream's lambda.
 */
final class SheetSeries {

	private static final float TITLE_HEIGHT = 30;

	private static final float LINE_HEIGHT = 14.25f;

	private static final int MAX_CELL_TEXT = 32_767;

	/** The most lines a row grows to for wrapped text (Excel allows 409 points). */
	private static final int MAX_LINES = 20;

	private static final String FOOTER = "第 &P 页 共 &N 页";

	private final Sheets workbook;

	private final WorkbookStyles styles;

	private final String name;

	private final String title;

	private final int[] widths;

	private final int frozenColumns;

	private final int maxRows;

	private int outlineLevels;

	private XlsxSheet sheet;

	private int part;

	private int nextRow;

	private List<Column> table;

	private Line open;

	private boolean filterOpen;

	private int filterLastRow;

	private int filterLastColumn;

	/**
	 * @param name the sheet name (a continuation adds a suffix)
	 * @param title the text of the title row (a continuation adds 续)
	 * @param widths the column widths, in characters (a Chinese character is two)
	 * @param frozenColumns the columns that stay put when scrolling sideways
	 * @param maxRows the rows a sheet may hold, title and header included
	 */
	SheetSeries(Sheets workbook, WorkbookStyles styles, String name, String title, int[] widths, int frozenColumns,
			int maxRows) {
		this.workbook = workbook;
		this.styles = styles;
		this.name = name;
		this.title = title;
		this.widths = widths.clone();
		this.frozenColumns = frozenColumns;
		this.maxRows = maxRows;
	}

	/**
	 * Groups rows in an outline down to {@code levels} levels (at most Excel's 7), with
	 * the +/- on the parent row above its group, not below it.
	 */
	SheetSeries outlined(int levels) {
		this.outlineLevels = Math.max(0, Math.min(levels, 7));
		return this;
	}

	/**
	 * Starts a table: the first goes under the title, a later one after a blank row and
	 * an optional caption, or on a new sheet where there is no room for its header and a
	 * first line.
	 */
	void table(String caption, List<Column> columns) {
		endLine();
		if (this.sheet == null) {
			startSheet(columns);
			return;
		}
		this.filterOpen = false;
		int needed = 1 + ((caption != null) ? 1 : 0) + 2;
		if (this.nextRow + needed > this.maxRows) {
			startSheet(columns);
			return;
		}
		this.nextRow++;
		if (caption != null) {
			write(() -> this.sheet.row(this.nextRow++)
				.text(0, caption, this.styles.caption)
				.endRow(LINE_HEIGHT * 1.5f, 0));
		}
		this.table = columns;
		writeHeader();
	}

	/** A new line of the current table, on a continuation sheet if this one is full. */
	Line line() {
		endLine();
		if (this.table == null) {
			throw new IllegalStateException("No table started on " + this.name);
		}
		if (this.nextRow >= this.maxRows) {
			startSheet(this.table);
		}
		int row = this.nextRow++;
		this.sheet.row(row);
		if (this.filterOpen) {
			this.filterLastRow = row;
		}
		this.open = new Line(this.sheet, row, this.table, this.widths);
		return this.open;
	}

	/** Ends the last sheet of the series. */
	void finish() {
		endLine();
		finishSheet();
	}

	private void endLine() {
		if (this.open != null) {
			Line line = this.open;
			this.open = null;
			write(line::end);
		}
	}

	private void startSheet(List<Column> columns) {
		finishSheet();
		this.part++;
		SheetSetup setup = new SheetSetup(this.widths, this.frozenColumns, WorkbookSheets.HEADER_ROWS,
				this.outlineLevels, this.outlineLevels > 0, WorkbookSheets.HEADER_ROWS, FOOTER);
		write(() -> this.sheet = this.workbook.sheet(WorkbookSheets.partName(this.name, this.part), setup));
		this.table = columns;
		String text = (this.part == 1) ? this.title : this.title + "（续）";
		write(() -> this.sheet.row(0).text(0, text, this.styles.title).endRow(TITLE_HEIGHT, 0));
		if (this.widths.length > 1) {
			this.sheet.merge(0, 0, 0, this.widths.length - 1);
		}
		this.nextRow = 1;
		writeHeader();
		this.filterOpen = true;
		this.filterLastRow = 1;
		this.filterLastColumn = lastStart(columns);
	}

	private void writeHeader() {
		int row = this.nextRow++;
		this.sheet.row(row);
		int lines = 1;
		int column = 0;
		for (Column header : this.table) {
			int width = 0;
			for (int i = 0; i < header.span(); i++) {
				width += this.widths[column + i];
			}
			lines = Math.max(lines, lines(header.header(), width));
			this.sheet.text(column, header.header(), this.styles.header);
			span(this.sheet, row, column, header.span(), this.styles.header);
			column += header.span();
		}
		double height = LINE_HEIGHT * lines + 6;
		write(() -> this.sheet.endRow(height, 0));
	}

	private void finishSheet() {
		if (this.sheet == null) {
			return;
		}
		this.sheet.autoFilter(WorkbookSheets.HEADER_ROW - 1, 0, this.filterLastRow, this.filterLastColumn);
		this.filterOpen = false;
	}

	/** Where the last column starts: a filter button on each column, none on a merge. */
	private static int lastStart(List<Column> columns) {
		int start = 0;
		for (int i = 0; i < columns.size() - 1; i++) {
			start += columns.get(i).span();
		}
		return start;
	}

	/**
	 * The lines a header needs when wrapped in a column {@code width} characters wide.
	 */
	static int lines(String text, int width) {
		int room = Math.max(2, width - 2);
		int lines = 1;
		int used = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				lines++;
				used = 0;
				continue;
			}
			int w = displayWidth(c);
			if (used + w > room) {
				lines++;
				used = 0;
			}
			used += w;
		}
		return lines;
	}

	/** A Chinese (or other full-width) character takes about two width units. */
	static int displayWidth(char c) {
		return (c >= 0x2E80) ? 2 : 1;
	}

	/** The cells a spanning cell covers after its first get its style, and are merged. */
	private static void span(XlsxSheet sheet, int row, int column, int span, int style) {
		if (span <= 1) {
			return;
		}
		for (int i = 1; i < span; i++) {
			sheet.blank(column + i, style);
		}
		sheet.merge(row, column, row, column + span - 1);
	}

	/** Runs a step of writing, its I/O failure unchecked (to leave a stream's lambda). */
	static void write(Writing writing) {
		try {
			writing.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@FunctionalInterface
	interface Writing {

		void run() throws IOException;

	}

	/** A column of a table: its header and how many sheet columns it spans. */
	record Column(String header, int span) {

		Column(String header) {
			this(header, 1);
		}

		static List<Column> of(List<String> headers) {
			return headers.stream().map(Column::new).toList();
		}

	}

	/**
	 * One row being written, cell by cell in the order of the table's columns; it is
	 * written out when the next line, table or the end of the series comes. Text is
	 * always written as a string cell, never as a formula, whatever it starts with.
	 */
	static final class Line {

		private final XlsxSheet sheet;

		private final int row;

		private final List<Column> columns;

		private final int[] widths;

		private int index;

		private int column;

		private int lines = 1;

		private int outline;

		private Line(XlsxSheet sheet, int row, List<Column> columns, int[] widths) {
			this.sheet = sheet;
			this.row = row;
			this.columns = columns;
			this.widths = widths;
		}

		Line text(String value, int style) {
			int at = next();
			this.sheet.text(at, (value != null && value.length() > MAX_CELL_TEXT)
					? value.substring(0, MAX_CELL_TEXT - 1) + "…" : value, style);
			advance(at, style);
			return this;
		}

		/**
		 * Text in a style that wraps, the row made high enough for it: Excel works the
		 * height of such a row out when it opens the file, LibreOffice does not.
		 */
		Line wrapped(String value, int style) {
			return wrapped(value, style, 0);
		}

		/**
		 * Wrapped text in a style indented {@code indent} steps (about two units each).
		 */
		Line wrapped(String value, int style, int indent) {
			int start = this.column;
			text(value, style);
			if (value != null && !value.isEmpty()) {
				int width = -2 * indent;
				for (int i = start; i < this.column; i++) {
					width += this.widths[i];
				}
				this.lines = Math.max(this.lines, Math.min(lines(value, width), MAX_LINES));
			}
			return this;
		}

		Line number(long value, int style) {
			int at = next();
			this.sheet.number(at, value, style);
			advance(at, style);
			return this;
		}

		/** A number, or a blank cell for {@code null}. */
		Line number(Number value, int style) {
			if (value == null) {
				int at = next();
				this.sheet.blank(at, style);
				advance(at, style);
				return this;
			}
			if (value instanceof Long || value instanceof Integer) {
				return number(value.longValue(), style);
			}
			int at = next();
			this.sheet.number(at, value.doubleValue(), style);
			advance(at, style);
			return this;
		}

		Line numbers(long[] values, int style) {
			for (long value : values) {
				number(value, style);
			}
			return this;
		}

		/** Groups the row at {@code level} of the sheet's outline. */
		Line outline(int level) {
			this.outline = Math.max(0, Math.min(level, 7));
			return this;
		}

		private void end() throws IOException {
			this.sheet.endRow((this.lines > 1) ? LINE_HEIGHT * this.lines + 3 : 0, this.outline);
		}

		/** The sheet column of the next table column. */
		private int next() {
			if (this.index >= this.columns.size()) {
				throw new IllegalStateException("More cells than columns on row " + (this.row + 1));
			}
			return this.column;
		}

		private void advance(int at, int style) {
			int span = this.columns.get(this.index++).span();
			SheetSeries.span(this.sheet, this.row, at, span, style);
			this.column += span;
		}

	}

	/** Where the series' sheets come from: the workbook, or a section of it. */
	@FunctionalInterface
	interface Sheets {

		XlsxSheet sheet(String name, SheetSetup setup) throws IOException;

	}

}
