package org.tallyrollup.sheet;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.record.ArrayRecord;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BlankRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.ExtendedFormatRecord;
import org.apache.poi.hssf.record.FormatRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MulBlankRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RecordFactoryInputStream;
import org.apache.poi.hssf.record.RowRecord;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.SharedFormulaRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.hssf.record.TableRecord;
import org.apache.poi.hssf.record.WSBoolRecord;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.util.RecordFormatException;

/**
 * Reads an .xls workbook stream record by record, as POI's event API does, and keeps only
 * what a tally needs: each sheet's name, visibility and kind, and its cells rendered as
 * text by the format contract ({@link CellText}). POI's usermodel builds an object for
 * every record, row and cell first, and that was where reading .xls spent its time
 * (BENCHMARKS.md, "Reading .xls"); the records underneath are POI's own, so what is read
 * is what the usermodel reads ({@code PoiDifferentialTests} compares them cell by cell).
 *
 * <p>
 * Sheets are paired with the workbook's BOUNDSHEET records in stream order, as the
 * usermodel pairs them; a chart embedded in a worksheet is a nested substream and is
 * passed over. POI's record stream gives the RK and MULRK records Excel writes for
 * numbers as NUMBER records; MULBLANK and the inline LABEL come as they are.
 */
final class XlsRecords {

	/** One sheet substream with its BOUNDSHEET record. */
	record Sheet(String name, boolean hidden, SheetInfo.Kind kind, XlsCells cells) {
	}

	record Book(boolean date1904, List<Sheet> sheets) {
	}

	private final RecordFactoryInputStream records;

	private final List<BoundSheetRecord> bound = new ArrayList<>();

	private final Map<Integer, String> formats = new HashMap<>();

	private int[] xfFormats = new int[32];

	private int xfCount;

	/** Per XF record: 1 when its number format shows a date, -1 when not, 0 not known. */
	private byte[] xfDates;

	private SSTRecord strings;

	private boolean date1904;

	private XlsRecords(InputStream stream) {
		this.records = new RecordFactoryInputStream(stream, false);
	}

	/**
	 * @param stream the workbook stream; an encrypted one is decrypted with the password
	 * POI's {@code Biff8EncryptionKey} holds for this thread
	 */
	static Book read(InputStream stream) {
		return new XlsRecords(stream).book();
	}

	private Book book() {
		globals();
		this.xfDates = new byte[this.xfCount];
		List<Sheet> sheets = new ArrayList<>();
		for (Record record = this.records.nextRecord(); record != null; record = this.records.nextRecord()) {
			if (!(record instanceof BOFRecord bof)) {
				continue;
			}
			int type = bof.getType();
			if (type != BOFRecord.TYPE_WORKSHEET && type != BOFRecord.TYPE_CHART
					&& type != BOFRecord.TYPE_EXCEL_4_MACRO) {
				skipSubstream();
				continue;
			}
			int index = sheets.size();
			if (index >= this.bound.size()) {
				throw new RecordFormatException("Sheet " + index + " has no BOUNDSHEET record");
			}
			BoundSheetRecord named = this.bound.get(index);
			XlsCells cells = new XlsCells();
			boolean dialog = sheet(cells);
			sheets.add(new Sheet(named.getSheetname(), named.isHidden() || named.isVeryHidden(), kind(named, dialog),
					cells));
		}
		return new Book(this.date1904, List.copyOf(sheets));
	}

	private void globals() {
		for (Record record = this.records.nextRecord(); record != null; record = this.records.nextRecord()) {
			if (record instanceof EOFRecord) {
				return;
			}
			if (record instanceof BoundSheetRecord sheet) {
				this.bound.add(sheet);
			}
			else if (record instanceof ExtendedFormatRecord xf) {
				if (this.xfCount == this.xfFormats.length) {
					this.xfFormats = Arrays.copyOf(this.xfFormats, this.xfCount * 2);
				}
				this.xfFormats[this.xfCount++] = xf.getFormatIndex() & 0xFFFF;
			}
			else if (record instanceof FormatRecord format) {
				this.formats.put(format.getIndexCode(), format.getFormatString());
			}
			else if (record instanceof SSTRecord sst) {
				this.strings = sst;
			}
			else if (record instanceof DateWindow1904Record window) {
				this.date1904 = window.getWindowing() == 1;
			}
		}
	}

	private void skipSubstream() {
		int depth = 1;
		for (Record record = this.records.nextRecord(); record != null; record = this.records.nextRecord()) {
			if (record instanceof BOFRecord) {
				depth++;
			}
			else if (record instanceof EOFRecord && --depth == 0) {
				return;
			}
		}
	}

	/**
	 * Reads one sheet substream into its cells.
	 * @return whether its first WSBOOL record marks it a dialog sheet
	 */
	private boolean sheet(XlsCells cells) {
		Boolean dialog = null;
		FormulaRecord awaitingText = null;
		for (Record record = this.records.nextRecord(); record != null; record = this.records.nextRecord()) {
			if (record instanceof SharedFormulaRecord || record instanceof ArrayRecord
					|| record instanceof TableRecord) {
				continue;
			}
			if (awaitingText != null) {
				if (record instanceof StringRecord text) {
					cells.cell(awaitingText.getRow(), awaitingText.getColumn(), text.getString());
				}
				awaitingText = null;
			}
			if (record instanceof EOFRecord) {
				return dialog != null && dialog;
			}
			if (record instanceof BOFRecord) {
				skipSubstream();
			}
			else if (record instanceof RowRecord row) {
				cells.declare(row.getRowNumber());
			}
			else if (record instanceof WSBoolRecord flags) {
				if (dialog == null) {
					dialog = flags.getDialog();
				}
			}
			else if (record instanceof FormulaRecord formula) {
				cells.cell(formula.getRow(), formula.getColumn(), formula(formula));
				if (formula.hasCachedResultString()) {
					awaitingText = formula;
				}
			}
			else {
				cell(record, cells);
			}
		}
		throw new RecordFormatException("Sheet substream without EOF");
	}

	private void cell(Record record, XlsCells cells) {
		if (record instanceof LabelSSTRecord label) {
			cells.cell(label.getRow(), label.getColumn(), this.strings.getString(label.getSSTIndex()).getString());
		}
		else if (record instanceof NumberRecord number) {
			cells.cell(number.getRow(), number.getColumn(), number(number.getValue(), number.getXFIndex()));
		}
		else if (record instanceof BlankRecord blank) {
			cells.cell(blank.getRow(), blank.getColumn(), "");
		}
		else if (record instanceof MulBlankRecord mul) {
			for (int i = 0; i < mul.getNumColumns(); i++) {
				cells.cell(mul.getRow(), mul.getFirstColumn() + i, "");
			}
		}
		else if (record instanceof BoolErrRecord value) {
			cells.cell(value.getRow(), value.getColumn(),
					value.isBoolean() ? CellText.bool(value.getBooleanValue()) : errorText(value.getErrorValue()));
		}
		else if (record instanceof LabelRecord label) {
			cells.cell(label.getRow(), label.getColumn(), label.getValue());
		}
	}

	/** A formula's cached value; a text result follows in a STRING record. */
	private String formula(FormulaRecord formula) {
		return switch (CellType.forInt(formula.getCachedResultType())) {
			case NUMERIC -> number(formula.getValue(), formula.getXFIndex());
			case BOOLEAN -> CellText.bool(formula.getCachedBooleanValue());
			case ERROR -> errorText(formula.getCachedErrorValue());
			default -> "";
		};
	}

	private String number(double value, short xf) {
		return isDate(xf & 0xFFFF) ? CellText.date(value, this.date1904) : CellText.number(value);
	}

	private boolean isDate(int xf) {
		if (xf >= this.xfCount) {
			return false;
		}
		if (this.xfDates[xf] == 0) {
			int format = this.xfFormats[xf];
			String pattern = this.formats.get(format);
			if (pattern == null && format < BuiltinFormats.FIRST_USER_DEFINED_FORMAT_INDEX) {
				pattern = BuiltinFormats.getBuiltinFormat(format);
			}
			this.xfDates[xf] = (byte) (CellText.isDateFormat(format, pattern) ? 1 : -1);
		}
		return this.xfDates[xf] > 0;
	}

	/**
	 * What kind of sheet it is: a BOUNDSHEET record states a macro sheet, a chart sheet
	 * or a VBA module in its option flags' upper byte (MS-XLS 2.4.28); a dialog sheet is
	 * a worksheet whose WSBOOL record says so.
	 */
	private static SheetInfo.Kind kind(BoundSheetRecord sheet, boolean dialog) {
		Object flags = sheet.getGenericProperties().get("optionFlags").get();
		int type = (flags instanceof Number number) ? (number.intValue() >> 8) & 0xFF : 0;
		return switch (type) {
			case 1, 6 -> SheetInfo.Kind.MACRO;
			case 2 -> SheetInfo.Kind.CHART;
			default -> dialog ? SheetInfo.Kind.DIALOG : SheetInfo.Kind.WORKSHEET;
		};
	}

	static String errorText(int code) {
		try {
			return FormulaError.forInt(code).getString();
		}
		catch (IllegalArgumentException ex) {
			return "#N/A";
		}
	}

}
