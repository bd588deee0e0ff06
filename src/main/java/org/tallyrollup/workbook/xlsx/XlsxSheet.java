package org.tallyrollup.workbook.xlsx;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * One sheet being written: rows in ascending order, each begun with {@link #row(int)},
 * given its cells left to right and ended with {@link #endRow(double, int)}, which is
 * when it is written out. Only the merged ranges and the autofilter, which SpreadsheetML
 * puts after the rows, are kept until the sheet ends.
 */
public final class XlsxSheet {

	/** Excel's limit of rows on one sheet. */
	public static final int MAX_ROWS = 1_048_576;

	/** The height of a row of 宋体 11, Excel's default. */
	static final double DEFAULT_ROW_HEIGHT = 14.25;

	private final Writer out;

	private final SheetSetup setup;

	private final StringBuilder cells = new StringBuilder(1024);

	private final List<String> merged = new ArrayList<>();

	private String autoFilter;

	private int rowIndex = -1;

	private int lastRow = -1;

	private int lastColumn = -1;

	private boolean finished;

	XlsxSheet(Writer out, SheetSetup setup, boolean selected) throws IOException {
		this.out = out;
		this.setup = setup;
		writeStart(selected);
	}

	/** Begins row {@code index} (0-based), which must come after the rows written. */
	public XlsxSheet row(int index) {
		checkOpen();
		if (this.rowIndex >= 0) {
			throw new IllegalStateException("Row " + (this.rowIndex + 1) + " is not ended");
		}
		if (index <= this.lastRow || index >= MAX_ROWS) {
			throw new IllegalArgumentException("Row " + (index + 1) + " is out of order or past Excel's last row");
		}
		this.rowIndex = index;
		this.lastColumn = -1;
		return this;
	}

	/**
	 * A text cell, always a string, never a formula, whatever it starts with.
	 * @param style an index from {@link XlsxWriter#style(CellStyle)}
	 */
	public XlsxSheet text(int column, String value, int style) {
		if (value == null) {
			return blank(column, style);
		}
		startCell(column, style).append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
		Xml.text(this.cells, value);
		this.cells.append("</t></is></c>");
		return this;
	}

	/** A number cell. */
	public XlsxSheet number(int column, long value, int style) {
		startCell(column, style).append("><v>").append(value).append("</v></c>");
		return this;
	}

	/** A number cell; a value that is not finite is left blank. */
	public XlsxSheet number(int column, double value, int style) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return blank(column, style);
		}
		startCell(column, style).append("><v>").append(Xml.number(value)).append("</v></c>");
		return this;
	}

	/** A cell with a style and no value; nothing at all for the default style. */
	public XlsxSheet blank(int column, int style) {
		if (style != 0) {
			startCell(column, style).append("/>");
		}
		else {
			checkColumn(column);
		}
		return this;
	}

	/**
	 * Ends the row and writes it.
	 * @param height the row's height in points, or 0 for the default
	 * @param outlineLevel its outline level, 0 for none
	 */
	public void endRow(double height, int outlineLevel) throws IOException {
		if (this.rowIndex < 0) {
			throw new IllegalStateException("No row begun");
		}
		if (outlineLevel < 0 || outlineLevel > 7) {
			throw new IllegalArgumentException("Excel has outline levels 0 to 7: " + outlineLevel);
		}
		this.out.write("<row r=\"");
		this.out.write(Integer.toString(this.rowIndex + 1));
		this.out.write('"');
		if (height > 0) {
			this.out.write(" ht=\"" + Xml.number(height) + "\" customHeight=\"1\"");
		}
		if (outlineLevel > 0) {
			this.out.write(" outlineLevel=\"" + outlineLevel + "\"");
		}
		this.out.write('>');
		this.out.append(this.cells);
		this.out.write("</row>");
		this.cells.setLength(0);
		this.lastRow = this.rowIndex;
		this.rowIndex = -1;
	}

	/** Merges the cells of a range (0-based, inclusive). */
	public void merge(int firstRow, int firstColumn, int lastRow, int lastColumn) {
		checkOpen();
		this.merged.add(Cells.range(firstRow, firstColumn, lastRow, lastColumn));
	}

	/** Puts filter buttons on the first row of a range (0-based, inclusive). */
	public void autoFilter(int firstRow, int firstColumn, int lastRow, int lastColumn) {
		checkOpen();
		this.autoFilter = Cells.range(firstRow, firstColumn, lastRow, lastColumn);
	}

	/** The autofilter's range, {@code null} for none. */
	String autoFilterRange() {
		return this.autoFilter;
	}

	SheetSetup setup() {
		return this.setup;
	}

	void finish() throws IOException {
		if (this.finished) {
			return;
		}
		if (this.rowIndex >= 0) {
			throw new IllegalStateException("Row " + (this.rowIndex + 1) + " is not ended");
		}
		this.finished = true;
		this.out.write("</sheetData>");
		if (this.autoFilter != null) {
			this.out.write("<autoFilter ref=\"" + this.autoFilter + "\"/>");
		}
		if (!this.merged.isEmpty()) {
			this.out.write("<mergeCells count=\"" + this.merged.size() + "\">");
			for (String range : this.merged) {
				this.out.write("<mergeCell ref=\"" + range + "\"/>");
			}
			this.out.write("</mergeCells>");
		}
		this.out.write("<printOptions horizontalCentered=\"1\"/>");
		this.out.write(
				"<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.7\" header=\"0.3\" footer=\"0.3\"/>");
		this.out.write("<pageSetup paperSize=\"9\" fitToWidth=\"1\" fitToHeight=\"0\" orientation=\"landscape\"/>");
		if (this.setup.centreFooter() != null) {
			this.out.write("<headerFooter><oddFooter>" + Xml.attribute("&C" + this.setup.centreFooter())
					+ "</oddFooter></headerFooter>");
		}
		this.out.write("</worksheet>");
	}

	private void writeStart(boolean selected) throws IOException {
		this.out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
		this.out.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
				+ " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">");
		this.out.write("<sheetPr>");
		if (this.setup.summaryAbove()) {
			this.out.write("<outlinePr summaryBelow=\"0\"/>");
		}
		this.out.write("<pageSetUpPr fitToPage=\"1\"/></sheetPr>");
		this.out.write("<sheetViews><sheetView workbookViewId=\"0\"" + (selected ? " tabSelected=\"1\"" : "") + ">");
		writePane();
		this.out.write("</sheetView></sheetViews>");
		this.out.write("<sheetFormatPr defaultRowHeight=\"" + Xml.number(DEFAULT_ROW_HEIGHT) + "\""
				+ ((this.setup.outlineLevels() > 0) ? " outlineLevelRow=\"" + this.setup.outlineLevels() + "\"" : "")
				+ "/>");
		int[] widths = this.setup.columnWidths();
		if (widths.length > 0) {
			this.out.write("<cols>");
			for (int i = 0; i < widths.length; i++) {
				this.out.write("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\"" + widths[i]
						+ "\" customWidth=\"1\"/>");
			}
			this.out.write("</cols>");
		}
		this.out.write("<sheetData>");
	}

	private void writePane() throws IOException {
		int columns = this.setup.frozenColumns();
		int rows = this.setup.frozenRows();
		if (columns == 0 && rows == 0) {
			return;
		}
		String topLeft = Cells.reference(rows, columns);
		String pane = (columns == 0) ? "bottomLeft" : (rows == 0) ? "topRight" : "bottomRight";
		this.out.write("<pane" + ((columns > 0) ? " xSplit=\"" + columns + "\"" : "")
				+ ((rows > 0) ? " ySplit=\"" + rows + "\"" : "") + " topLeftCell=\"" + topLeft + "\" activePane=\""
				+ pane + "\" state=\"frozen\"/>");
		this.out.write("<selection pane=\"" + pane + "\" activeCell=\"" + topLeft + "\" sqref=\"" + topLeft + "\"/>");
	}

	private StringBuilder startCell(int column, int style) {
		checkColumn(column);
		this.cells.append("<c r=\"").append(Cells.column(column)).append(this.rowIndex + 1).append('"');
		if (style != 0) {
			this.cells.append(" s=\"").append(style).append('"');
		}
		return this.cells;
	}

	private void checkColumn(int column) {
		if (this.rowIndex < 0) {
			throw new IllegalStateException("No row begun");
		}
		if (column <= this.lastColumn || column >= Cells.MAX_COLUMNS) {
			throw new IllegalArgumentException(
					"Column " + (column + 1) + " is out of order on row " + (this.rowIndex + 1));
		}
		this.lastColumn = column;
	}

	private void checkOpen() {
		if (this.finished) {
			throw new IllegalStateException("The sheet is finished");
		}
	}

}
