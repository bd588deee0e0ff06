package org.tallyrollup.workbook;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

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
 */
final class SheetSeries {

	private static final float TITLE_HEIGHT = 30;

	private static final float LINE_HEIGHT = 14.25f;

	private static final int MAX_CELL_TEXT = 32_767;

	/** The most lines a row grows to for wrapped text (Excel allows 409 points). */
	private static final int MAX_LINES = 20;

	private final SXSSFWorkbook workbook;

	private final WorkbookStyles styles;

	private final String name;

	private final String title;

	private final int[] widths;

	private final int frozenColumns;

	private final int maxRows;

	private boolean summaryAbove;

	private SXSSFSheet sheet;

	private int part;

	private int nextRow;

	private List<Column> table;

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
	SheetSeries(SXSSFWorkbook workbook, WorkbookStyles styles, String name, String title, int[] widths,
			int frozenColumns, int maxRows) {
		this.workbook = workbook;
		this.styles = styles;
		this.name = name;
		this.title = title;
		this.widths = widths.clone();
		this.frozenColumns = frozenColumns;
		this.maxRows = maxRows;
	}

	/** Shows the outline's +/- on the parent row above its group, not below it. */
	SheetSeries summaryAbove() {
		this.summaryAbove = true;
		return this;
	}

	/**
	 * Starts a table: the first goes under the title, a later one after a blank row and
	 * an optional caption, or on a new sheet where there is no room for its header and a
	 * first line.
	 */
	void table(String caption, List<Column> columns) {
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
			Row row = this.sheet.createRow(this.nextRow++);
			row.setHeightInPoints(LINE_HEIGHT * 1.5f);
			Cell cell = row.createCell(0);
			cell.setCellStyle(this.styles.caption);
			cell.setCellValue(caption);
		}
		this.table = columns;
		writeHeader();
	}

	/** A new line of the current table, on a continuation sheet if this one is full. */
	Line line() {
		if (this.table == null) {
			throw new IllegalStateException("No table started on " + this.name);
		}
		if (this.nextRow >= this.maxRows) {
			startSheet(this.table);
		}
		Row row = this.sheet.createRow(this.nextRow++);
		if (this.filterOpen) {
			this.filterLastRow = row.getRowNum();
		}
		return new Line(this.sheet, row, this.table, this.widths);
	}

	/** Ends the last sheet of the series. */
	void finish() {
		finishSheet();
	}

	private void startSheet(List<Column> columns) {
		finishSheet();
		this.part++;
		this.sheet = this.workbook.createSheet(WorkbookSheets.partName(this.name, this.part));
		this.table = columns;
		layOut();
		Row titleRow = this.sheet.createRow(0);
		titleRow.setHeightInPoints(TITLE_HEIGHT);
		Cell titleCell = titleRow.createCell(0);
		titleCell.setCellStyle(this.styles.title);
		titleCell.setCellValue((this.part == 1) ? this.title : this.title + "（续）");
		if (this.widths.length > 1) {
			this.sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, this.widths.length - 1));
		}
		this.nextRow = 1;
		writeHeader();
		this.filterOpen = true;
		this.filterLastRow = 1;
		this.filterLastColumn = lastStart(columns);
	}

	private void layOut() {
		for (int i = 0; i < this.widths.length; i++) {
			this.sheet.setColumnWidth(i, this.widths[i] * 256);
		}
		this.sheet.createFreezePane(this.frozenColumns, WorkbookSheets.HEADER_ROWS);
		if (this.summaryAbove) {
			this.sheet.setRowSumsBelow(false);
		}
		this.sheet.setFitToPage(true);
		this.sheet.setHorizontallyCenter(true);
		PrintSetup print = this.sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setLandscape(true);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		this.sheet.setMargin(Sheet.LeftMargin, 0.4);
		this.sheet.setMargin(Sheet.RightMargin, 0.4);
		this.sheet.setMargin(Sheet.TopMargin, 0.6);
		this.sheet.setMargin(Sheet.BottomMargin, 0.7);
		this.sheet.setMargin(Sheet.HeaderMargin, 0.3);
		this.sheet.setMargin(Sheet.FooterMargin, 0.3);
		this.sheet.setRepeatingRows(new CellRangeAddress(0, WorkbookSheets.HEADER_ROWS - 1, -1, -1));
		this.sheet.getFooter().setCenter("第 &P 页 共 &N 页");
	}

	private void writeHeader() {
		Row row = this.sheet.createRow(this.nextRow++);
		int lines = 1;
		int column = 0;
		for (Column header : this.table) {
			int width = 0;
			for (int i = 0; i < header.span(); i++) {
				width += this.widths[column + i];
			}
			lines = Math.max(lines, lines(header.header(), width));
			Cell cell = row.createCell(column);
			cell.setCellStyle(this.styles.header);
			cell.setCellValue(header.header());
			span(this.sheet, row, column, header.span(), this.styles.header);
			column += header.span();
		}
		row.setHeightInPoints(LINE_HEIGHT * lines + 6);
	}

	private void finishSheet() {
		if (this.sheet == null) {
			return;
		}
		this.sheet.setAutoFilter(
				new CellRangeAddress(WorkbookSheets.HEADER_ROW - 1, this.filterLastRow, 0, this.filterLastColumn));
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

	private static void span(SXSSFSheet sheet, Row row, int column, int span, CellStyle style) {
		if (span <= 1) {
			return;
		}
		for (int i = 1; i < span; i++) {
			row.createCell(column + i).setCellStyle(style);
		}
		sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), column, column + span - 1));
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
	 * One row being written, cell by cell in the order of the table's columns. Text is
	 * always written as a string cell, never as a formula, whatever it starts with.
	 */
	static final class Line {

		private final SXSSFSheet sheet;

		private final Row row;

		private final List<Column> columns;

		private final int[] widths;

		private int index;

		private int column;

		private int lines = 1;

		private Line(SXSSFSheet sheet, Row row, List<Column> columns, int[] widths) {
			this.sheet = sheet;
			this.row = row;
			this.columns = columns;
			this.widths = widths;
		}

		Line text(String value, CellStyle style) {
			Cell cell = next(style);
			if (value != null) {
				cell.setCellValue(
						(value.length() > MAX_CELL_TEXT) ? value.substring(0, MAX_CELL_TEXT - 1) + "…" : value);
			}
			return this;
		}

		/**
		 * Text in a style that wraps, the row made high enough for it: Excel works the
		 * height of such a row out when it opens the file, LibreOffice does not.
		 */
		Line wrapped(String value, CellStyle style) {
			return wrapped(value, style, 0);
		}

		/**
		 * Wrapped text in a style indented {@code indent} steps (about two units each).
		 */
		Line wrapped(String value, CellStyle style, int indent) {
			int start = this.column;
			text(value, style);
			if (value != null && !value.isEmpty()) {
				int width = -2 * indent;
				for (int i = start; i < this.column; i++) {
					width += this.widths[i];
				}
				int needed = Math.min(lines(value, width), MAX_LINES);
				if (needed > this.lines) {
					this.lines = needed;
					this.row.setHeightInPoints(LINE_HEIGHT * needed + 3);
				}
			}
			return this;
		}

		Line number(long value, CellStyle style) {
			next(style).setCellValue(value);
			return this;
		}

		/** A number, or a blank cell for {@code null}. */
		Line number(Number value, CellStyle style) {
			Cell cell = next(style);
			if (value != null) {
				cell.setCellValue(value.doubleValue());
			}
			return this;
		}

		Line numbers(long[] values, CellStyle style) {
			for (long value : values) {
				number(value, style);
			}
			return this;
		}

		/** Groups the row at {@code level} of the sheet's outline. */
		Line outline(int level) {
			if (level > 0) {
				this.sheet.setRowOutlineLevel(this.row.getRowNum(), level);
			}
			return this;
		}

		private Cell next(CellStyle style) {
			if (this.index >= this.columns.size()) {
				throw new IllegalStateException("More cells than columns on " + this.sheet.getSheetName());
			}
			int span = this.columns.get(this.index++).span();
			Cell cell = this.row.createCell(this.column);
			cell.setCellStyle(style);
			span(this.sheet, this.row, this.column, span, style);
			this.column += span;
			return cell;
		}

	}

}
