package org.tallyrollup.sheet;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Pulls {@code <row>} elements one at a time; rows the file leaves out are given as blank
 * rows before the next one it holds.
 */
final class XlsxSheetCursor implements RowCursor {

	private final XMLStreamReader xml;

	private final InputStream in;

	private final String sheetName;

	private final StringBuilder text = new StringBuilder();

	private String[] cells = new String[32];

	private int width;

	private int rowChars;

	/** The column of the cell read last in the row being read. */
	private int lastColumn;

	/**
	 * The number of the {@code <row>} whose start the reader is past, 0 when none.
	 */
	private int heldNumber;

	/** Whether the end of the sheet data has been read. */
	private boolean sheetEnded;

	/** The number of the next row {@link #next()} gives. */
	private int nextNumber = 1;

	/** The number of the row read ahead, 0 when none. */
	private int pendingNumber;

	private List<String> pendingCells;

	private boolean finished;

	private final String[] sharedStrings;

	private final boolean[] dateStyles;

	private final boolean date1904;

	/**
	 * @param sharedStrings the workbook's shared strings, which cells refer to by index
	 * @param dateStyles by style index, whether a number in that style is a date
	 * @param date1904 whether the workbook counts dates from 1904
	 */
	XlsxSheetCursor(XMLStreamReader xml, InputStream in, String sheetName, String[] sharedStrings, boolean[] dateStyles,
			boolean date1904) {
		this.xml = xml;
		this.in = in;
		this.sheetName = sheetName;
		this.sharedStrings = sharedStrings;
		this.dateStyles = dateStyles;
		this.date1904 = date1904;
	}

	@Override
	public boolean hasNext() {
		if (this.pendingNumber == 0 && !this.finished) {
			try {
				readRow();
			}
			catch (Exception ex) {
				this.finished = true;
				this.pendingNumber = 0;
				this.pendingCells = null;
				throw Unreadable.of(ex, "工作表“" + this.sheetName + "”内容损坏");
			}
		}
		return this.pendingNumber != 0;
	}

	@Override
	public RawRow next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		int number = this.nextNumber++;
		if (this.pendingNumber > number) {
			return RawRow.blank(number);
		}
		List<String> row = this.pendingCells;
		this.pendingNumber = 0;
		this.pendingCells = null;
		return new RawRow(number, row);
	}

	/**
	 * Reads the next row ahead, or notes the end of the sheet data. A row some programs
	 * write as several {@code <row>} elements with the same number (a cell each) is one
	 * row, as Excel reads it: the elements that follow with the same number are merged
	 * into it.
	 */
	private void readRow() throws XMLStreamException {
		int number = this.heldNumber;
		this.heldNumber = 0;
		if (number == 0) {
			number = (this.sheetEnded) ? 0 : nextRowStart(this.nextNumber - 1);
			if (number <= 0) {
				this.finished = true;
				return;
			}
		}
		this.width = 0;
		this.rowChars = 0;
		this.lastColumn = -1;
		readCells();
		while (true) {
			int following = nextRowStart(number);
			if (following == 0) {
				this.sheetEnded = true;
				break;
			}
			if (following != SAME_ROW) {
				this.heldNumber = following;
				break;
			}
			readCells();
		}
		this.pendingNumber = number;
		this.pendingCells = (this.width == 0) ? Collections.emptyList()
				: Arrays.asList(this.cells).subList(0, this.width);
	}

	/**
	 * Moves to the start of the next {@code <row>} and gives its number;
	 * {@link #SAME_ROW} when it has the number of {@code previous}, 0 at the end of the
	 * sheet data.
	 */
	private int nextRowStart(int previous) throws XMLStreamException {
		XMLStreamReader xml = this.xml;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				if ("row".equals(xml.getLocalName())) {
					return rowNumber(XlsxXml.attribute(xml, "r"), previous);
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
				return 0;
			}
		}
		return 0;
	}

	/**
	 * The row's number: its {@code r}, or the one after {@code previous} when it has none
	 * (or one that would go back: rows out of order are numbered in file order).
	 */
	private int rowNumber(String r, int previous) {
		if (r == null) {
			return previous + 1;
		}
		int number = parsePositive(r);
		if (number > XlsxSpreadsheet.MAX_ROWS) {
			throw Unreadable.corrupt("行号" + r + "超出Excel的上限", null);
		}
		if (number == previous && previous > 0) {
			return SAME_ROW;
		}
		return Math.max(number, previous + 1);
	}

	/**
	 * Reads the cells of the {@code <row>} the reader is on into the row being read.
	 */
	private void readCells() throws XMLStreamException {
		XMLStreamReader xml = this.xml;
		while (true) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				if ("c".equals(xml.getLocalName())) {
					this.lastColumn = readCell(this.lastColumn + 1);
				}
				else {
					XlsxXml.skip(xml);
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
				break;
			}
		}
	}

	/** Reads a {@code <c>} and stores its text; returns its column. */
	private int readCell(int defaultColumn) throws XMLStreamException {
		XMLStreamReader xml = this.xml;
		int column = defaultColumn;
		String type = null;
		int style = 0;
		for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
			String attribute = xml.getAttributeLocalName(i);
			if ("r".equals(attribute)) {
				column = columnIndex(xml.getAttributeValue(i), defaultColumn);
			}
			else if ("t".equals(attribute)) {
				type = xml.getAttributeValue(i);
			}
			else if ("s".equals(attribute)) {
				style = parsePositive(xml.getAttributeValue(i));
			}
		}
		if (column >= XlsxSpreadsheet.MAX_COLUMNS) {
			throw Unreadable.corrupt("单元格的列超出Excel的上限", null);
		}
		boolean hasValue = false;
		boolean inline = false;
		StringBuilder text = this.text;
		text.setLength(0);
		while (true) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String element = xml.getLocalName();
				if ("v".equals(element)) {
					text.setLength(0);
					XlsxXml.appendText(xml, text);
					hasValue = true;
					inline = false;
				}
				else if ("is".equals(element)) {
					text.setLength(0);
					XlsxXml.appendRichText(xml, text);
					hasValue = true;
					inline = true;
				}
				else {
					XlsxXml.skip(xml);
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
				break;
			}
		}
		put(column, hasValue ? render(type, style, inline) : "");
		return column;
	}

	private String render(String type, int style, boolean inline) {
		StringBuilder text = this.text;
		if (inline) {
			return CellText.decodeOoxmlEscapes(text.toString());
		}
		if (text.length() == 0) {
			return "";
		}
		if (type == null || "n".equals(type)) {
			String raw = text.toString();
			if (style > 0 && style < dateStyles.length && dateStyles[style]) {
				try {
					return CellText.date(Double.parseDouble(raw), date1904);
				}
				catch (NumberFormatException ex) {
					return raw;
				}
			}
			return CellText.number(raw);
		}
		switch (type) {
			case "s":
				return sharedString();
			case "b":
				return CellText.bool(text.length() == 1 ? text.charAt(0) == '1' : XlsxXml.isTrue(text.toString()));
			case "d":
				return CellText.isoDate(text.toString(), date1904);
			case "e":
				return text.toString();
			default:
				// "str" (a formula's text result), "inlineStr" with a <v>
				return CellText.decodeOoxmlEscapes(text.toString());
		}
	}

	private String sharedString() {
		StringBuilder text = this.text;
		int index = 0;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9' || index > (Integer.MAX_VALUE - 9) / 10) {
				index = -1;
				break;
			}
			index = index * 10 + (c - '0');
		}
		if (index < 0 || index >= sharedStrings.length) {
			throw Unreadable.corrupt("单元格引用的共享字符串不存在", null);
		}
		return sharedStrings[index];
	}

	private void put(int column, String value) {
		this.rowChars += value.length();
		if (this.rowChars > XlsxSpreadsheet.MAX_ROW_CHARS) {
			throw Unreadable.tooLong("一行的内容", XlsxSpreadsheet.MAX_ROW_CHARS);
		}
		if (column >= this.cells.length) {
			this.cells = Arrays.copyOf(this.cells, Math.max(column + 1, this.cells.length * 2));
		}
		for (int i = this.width; i < column; i++) {
			this.cells[i] = "";
		}
		this.cells[column] = value;
		if (column >= this.width) {
			this.width = column + 1;
		}
	}

	@Override
	public void close() {
		this.finished = true;
		this.pendingNumber = 0;
		try {
			this.xml.close();
		}
		catch (XMLStreamException ex) {
			// read-only
		}
		XlsxSpreadsheet.closeQuietly(this.in);
	}

	/**
	 * What {@code nextRowStart} gives for a {@code <row>} that continues the row before.
	 */
	private static final int SAME_ROW = -1;

	/** The 0-based column of a reference such as {@code C5}, or the fallback. */
	static int columnIndex(String reference, int fallback) {
		int column = 0;
		int letters = 0;
		for (int i = 0, n = reference.length(); i < n; i++) {
			char c = reference.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				column = column * 26 + (c - 'A' + 1);
			}
			else if (c >= 'a' && c <= 'z') {
				column = column * 26 + (c - 'a' + 1);
			}
			else {
				break;
			}
			if (++letters > 4) {
				return XlsxSpreadsheet.MAX_COLUMNS;
			}
		}
		return (letters == 0) ? fallback : column - 1;
	}

	/** A non-negative integer attribute; 0 when it is not one. */
	private static int parsePositive(String value) {
		int result = 0;
		for (int i = 0, n = value.length(); i < n; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return (i == 0) ? 0 : result;
			}
			if (result > (Integer.MAX_VALUE - 9) / 10) {
				return Integer.MAX_VALUE;
			}
			result = result * 10 + (c - '0');
		}
		return result;
	}

}
