package org.tallyrollup.sheet;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFCell;
import org.apache.poi.hssf.usermodel.HSSFCellStyle;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.util.RecordFormatException;

/**
 * An Excel 97-2003 .xls file. It is loaded whole ({@link HSSFWorkbook}): such a sheet
 * holds at most 65,536 rows, and a file with more cells than {@link XlsBudget} allows is
 * refused before it is loaded.
 */
final class XlsSpreadsheet implements SpreadsheetFile {

	private final POIFSFileSystem fs;

	private final HSSFWorkbook workbook;

	private final List<SheetInfo> sheets;

	private final boolean date1904;

	/** Per cell style index: 1 when it shows a date, -1 when not, 0 not looked at yet. */
	private final byte[] dateStyles;

	private XlsSpreadsheet(POIFSFileSystem fs, HSSFWorkbook workbook) {
		this.fs = fs;
		this.workbook = workbook;
		List<SheetInfo> sheets = new ArrayList<>();
		SheetInfo.Kind[] kinds = kinds(workbook);
		for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
			boolean hidden = workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i);
			sheets.add(new SheetInfo(i, workbook.getSheetName(i), hidden, kinds[i]));
		}
		this.sheets = List.copyOf(sheets);
		this.date1904 = workbook.getInternalWorkbook().isUsing1904DateWindowing();
		this.dateStyles = new byte[Math.max(workbook.getNumCellStyles(), 0)];
	}

	static XlsSpreadsheet open(Path file) {
		POIFSFileSystem fs = null;
		try {
			fs = new POIFSFileSystem(FileChannel.open(file, StandardOpenOption.READ), true, true);
			String actual = FileKind.describeOle2(fs.getRoot());
			if (actual == null) {
				throw Unreadable.encrypted();
			}
			if (FileKind.OLD_EXCEL_FILE.equals(actual)) {
				throw Unreadable.oldExcel();
			}
			if (!FileKind.EXCEL_97_FILE.equals(actual)) {
				throw Unreadable.wrongType("xls", Unreadable.EXCEL_97, actual);
			}
			boolean encrypted = XlsBudget.check(fs.getRoot(), FileKind.workbookStream(fs.getRoot()));
			return new XlsSpreadsheet(fs, load(fs, encrypted));
		}
		catch (Exception ex) {
			closeQuietly(fs);
			throw Unreadable.of(ex, "Excel 97-2003文件结构无法读取");
		}
	}

	/**
	 * Loads the workbook. One encrypted with Excel's built-in password
	 * ("VelvetSweatshop", which Excel uses for a protected or read-only-recommended
	 * workbook and opens without asking) is decrypted as Excel does; one that needs
	 * another password is refused.
	 */
	private static HSSFWorkbook load(POIFSFileSystem fs, boolean encrypted) throws IOException {
		if (!encrypted) {
			return new HSSFWorkbook(fs.getRoot(), false);
		}
		String previous = Biff8EncryptionKey.getCurrentUserPassword();
		Biff8EncryptionKey.setCurrentUserPassword(Decryptor.DEFAULT_PASSWORD);
		try {
			return new HSSFWorkbook(fs.getRoot(), false);
		}
		catch (EncryptedDocumentException | RecordFormatException ex) {
			throw Unreadable.encrypted(ex);
		}
		finally {
			Biff8EncryptionKey.setCurrentUserPassword(previous);
		}
	}

	/**
	 * What kind of sheet each is: a BOUNDSHEET record states a macro sheet, a chart sheet
	 * or a VBA module in its option flags' upper byte (MS-XLS 2.4.28); a dialog sheet is
	 * a worksheet whose WSBOOL record says so.
	 */
	private static SheetInfo.Kind[] kinds(HSSFWorkbook workbook) {
		SheetInfo.Kind[] kinds = new SheetInfo.Kind[workbook.getNumberOfSheets()];
		int i = 0;
		for (org.apache.poi.hssf.record.Record record : workbook.getInternalWorkbook().getRecords()) {
			if (record instanceof BoundSheetRecord sheet && i < kinds.length) {
				Object flags = sheet.getGenericProperties().get("optionFlags").get();
				int type = (flags instanceof Number number) ? (number.intValue() >> 8) & 0xFF : 0;
				kinds[i] = switch (type) {
					case 1, 6 -> SheetInfo.Kind.MACRO;
					case 2 -> SheetInfo.Kind.CHART;
					default -> workbook.getSheetAt(i).getDialog() ? SheetInfo.Kind.DIALOG : SheetInfo.Kind.WORKSHEET;
				};
				i++;
			}
		}
		for (; i < kinds.length; i++) {
			kinds[i] = SheetInfo.Kind.WORKSHEET;
		}
		return kinds;
	}

	@Override
	public List<SheetInfo> sheets() {
		return this.sheets;
	}

	@Override
	public RowCursor rows(SheetInfo sheet) {
		int index = sheet.index();
		if (index < 0 || index >= this.sheets.size()) {
			throw new IllegalArgumentException("No such sheet: " + sheet);
		}
		try {
			return new Cursor(this.workbook.getSheetAt(index));
		}
		catch (RuntimeException ex) {
			throw Unreadable.of(ex, "工作表“" + sheet.name() + "”无法读取");
		}
	}

	@Override
	public void close() {
		try {
			this.workbook.close();
		}
		catch (IOException ex) {
			// opened read-only
		}
		closeQuietly(this.fs);
	}

	private static void closeQuietly(POIFSFileSystem fs) {
		if (fs != null) {
			try {
				fs.close();
			}
			catch (IOException ex) {
				// opened read-only
			}
		}
	}

	String render(HSSFCell cell) {
		CellType type = cell.getCellType();
		if (type == CellType.FORMULA) {
			type = cell.getCachedFormulaResultType();
		}
		return switch (type) {
			case NUMERIC -> {
				double value = cell.getNumericCellValue();
				yield isDate(cell.getCellStyle()) ? CellText.date(value, this.date1904) : CellText.number(value);
			}
			case STRING -> cell.getRichStringCellValue().getString();
			case BOOLEAN -> CellText.bool(cell.getBooleanCellValue());
			case ERROR -> errorText(cell.getErrorCellValue());
			default -> "";
		};
	}

	private boolean isDate(HSSFCellStyle style) {
		if (style == null) {
			return false;
		}
		int index = style.getIndex() & 0xFFFF;
		if (index >= this.dateStyles.length) {
			return CellText.isDateFormat(style.getDataFormat(), style.getDataFormatString());
		}
		if (this.dateStyles[index] == 0) {
			boolean date = CellText.isDateFormat(style.getDataFormat(), style.getDataFormatString());
			this.dateStyles[index] = (byte) (date ? 1 : -1);
		}
		return this.dateStyles[index] > 0;
	}

	private static String errorText(byte code) {
		try {
			return FormulaError.forInt(code).getString();
		}
		catch (IllegalArgumentException ex) {
			return "#N/A";
		}
	}

	/** Walks the rows of a loaded sheet, giving the ones the file leaves out as blank. */
	private final class Cursor implements RowCursor {

		private final HSSFSheet sheet;

		private final int lastRow;

		private int next;

		Cursor(HSSFSheet sheet) {
			this.sheet = sheet;
			this.lastRow = (sheet.getPhysicalNumberOfRows() == 0) ? -1 : sheet.getLastRowNum();
		}

		@Override
		public boolean hasNext() {
			return this.next <= this.lastRow;
		}

		@Override
		public RawRow next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			int index = this.next++;
			try {
				HSSFRow row = this.sheet.getRow(index);
				if (row == null || row.getLastCellNum() <= 0) {
					return RawRow.blank(index + 1);
				}
				String[] cells = new String[row.getLastCellNum()];
				for (int column = 0; column < cells.length; column++) {
					HSSFCell cell = row.getCell(column);
					cells[column] = (cell != null) ? render(cell) : "";
				}
				return new RawRow(index + 1, Arrays.asList(cells));
			}
			catch (RuntimeException ex) {
				throw Unreadable.of(ex, "工作表“" + this.sheet.getSheetName() + "”第" + (index + 1) + "行无法读取");
			}
		}

		@Override
		public void close() {
			this.next = this.lastRow + 1;
		}

	}

}
