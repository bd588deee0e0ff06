package org.tallyrollup.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.RecordFormatException;

/**
 * An Excel 97-2003 .xls file. Its records are read once when it is opened
 * ({@link XlsRecords}) and its cells kept as text: such a sheet holds at most 65,536
 * rows, and a file with more cells than {@link XlsBudget} allows is refused before it is
 * read.
 */
final class XlsSpreadsheet implements SpreadsheetFile {

	private final List<SheetInfo> sheets;

	private final List<XlsRecords.Sheet> cells;

	private XlsSpreadsheet(XlsRecords.Book book) {
		List<SheetInfo> sheets = new ArrayList<>();
		for (XlsRecords.Sheet sheet : book.sheets()) {
			sheets.add(new SheetInfo(sheets.size(), sheet.name(), sheet.hidden(), sheet.kind()));
		}
		this.sheets = List.copyOf(sheets);
		this.cells = book.sheets();
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
			String stream = FileKind.workbookStream(fs.getRoot());
			boolean encrypted = XlsBudget.check(fs.getRoot(), stream);
			return new XlsSpreadsheet(load(fs.getRoot(), stream, encrypted));
		}
		catch (Exception ex) {
			throw Unreadable.of(ex, "Excel 97-2003文件结构无法读取");
		}
		finally {
			closeQuietly(fs);
		}
	}

	/**
	 * Reads the workbook's records. One encrypted with Excel's built-in password
	 * ("VelvetSweatshop", which Excel uses for a protected or read-only-recommended
	 * workbook and opens without asking) is decrypted as Excel does; one that needs
	 * another password is refused.
	 */
	private static XlsRecords.Book load(DirectoryNode root, String stream, boolean encrypted) throws IOException {
		try (InputStream in = root.createDocumentInputStream(stream)) {
			if (!encrypted) {
				return XlsRecords.read(in);
			}
			String previous = Biff8EncryptionKey.getCurrentUserPassword();
			Biff8EncryptionKey.setCurrentUserPassword(Decryptor.DEFAULT_PASSWORD);
			try {
				return XlsRecords.read(in);
			}
			catch (EncryptedDocumentException | RecordFormatException ex) {
				throw Unreadable.encrypted(ex);
			}
			finally {
				Biff8EncryptionKey.setCurrentUserPassword(previous);
			}
		}
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
		return new Cursor(this.cells.get(index).cells());
	}

	@Override
	public void close() {
		// read whole when opened
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

	/** Walks the rows of a sheet, giving the ones the file leaves out as blank. */
	private static final class Cursor implements RowCursor {

		private final XlsCells cells;

		private final int lastRow;

		private int next;

		Cursor(XlsCells cells) {
			this.cells = cells;
			this.lastRow = cells.lastRow();
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
			return this.cells.row(index, index + 1);
		}

		@Override
		public void close() {
			this.next = this.lastRow + 1;
		}

	}

}
