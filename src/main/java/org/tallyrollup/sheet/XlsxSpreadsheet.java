package org.tallyrollup.sheet;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * An .xlsx or .xlsm file, read as a stream: the package is opened read-only, the workbook
 * part gives the sheets, and each sheet's XML is pulled row by row with StAX. No workbook
 * object model is built.
 *
 * <p>
 * POI's {@link ZipSecureFile} limits stay on (inflate ratio, entry size, entry count), so
 * a zip bomb is refused: through {@link InflateGuard} when the JDK's ZIP reader opens the
 * file, and through {@link ZipSecureFile} itself for a package POI's model reads. The
 * shared strings and single cells are bounded too.
 */
final class XlsxSpreadsheet implements SpreadsheetFile {

	/** Excel's last row. */
	static final int MAX_ROWS = 1_048_576;

	/** Excel's last column (XFD). */
	static final int MAX_COLUMNS = 16_384;

	/**
	 * The most any part may inflate to (POI's default is 4 GB): a sheet of Excel's full
	 * million rows takes well under this.
	 */
	static final long MAX_PART_BYTES = 1024L * 1024 * 1024;

	/**
	 * The most characters one row may hold, all its cells together: 32 times the most
	 * Excel lets one cell hold, and a bound on the rows kept while a header is looked
	 * for.
	 */
	static final int MAX_ROW_CHARS = 1_048_576;

	static {
		ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
	}

	private final XlsxPartSource parts;

	private final LocalFile local;

	private final List<SheetInfo> sheets;

	private final List<String> relationIds;

	private final boolean date1904;

	private String[] sharedStrings;

	private boolean[] dateStyles;

	private XlsxSheetCursor cursor;

	private XlsxSpreadsheet(XlsxPartSource parts, LocalFile local, XlsxWorkbookXml workbook) {
		this.parts = parts;
		this.local = local;
		List<SheetInfo> sheets = new ArrayList<>();
		for (SheetInfo sheet : workbook.sheets) {
			SheetInfo.Kind kind = parts.sheetKind(workbook.relationIds.get(sheet.index()));
			sheets.add(new SheetInfo(sheet.index(), sheet.name(), sheet.hidden(), kind));
		}
		this.sheets = List.copyOf(sheets);
		this.relationIds = workbook.relationIds;
		this.date1904 = workbook.date1904;
	}

	static XlsxSpreadsheet open(Path file, String extension) {
		LocalFile local;
		try {
			local = LocalFile.of(file, "." + extension);
		}
		catch (IOException | RuntimeException ex) {
			throw Unreadable.of(ex, "无法读取文件");
		}
		return open(local, extension);
	}

	/**
	 * Opens an .xlsx that Excel encrypted with its built-in password, as Excel does; one
	 * that needs another password is refused.
	 */
	static XlsxSpreadsheet openEncrypted(Path file, String extension) {
		LocalFile local = EncryptedPackage.decrypt(file);
		try {
			if (FileKind.magic(FileKind.head(local.file().toPath())) != FileMagic.OOXML) {
				throw Unreadable.corrupt("解密后的内容不是Excel文件", null);
			}
		}
		catch (IOException | RuntimeException ex) {
			local.close();
			throw Unreadable.of(ex, "解密后的内容无法读取");
		}
		return open(local, extension);
	}

	private static XlsxSpreadsheet open(LocalFile local, String extension) {
		XlsxSpreadsheet direct = openDirect(local);
		if (direct != null) {
			return direct;
		}
		ZipSecureFile zip;
		try {
			zip = new ZipSecureFile(local.file());
		}
		catch (IOException | RuntimeException ex) {
			local.close();
			throw Unreadable.of(ex, "ZIP结构损坏（可能传输或下载不完整）");
		}
		OPCPackage pkg;
		BoundedPartsSource source = new BoundedPartsSource(zip);
		try {
			pkg = OPCPackage.open(source);
		}
		catch (Exception ex) {
			UnreadableFileException failure = (source.refusal() != null) ? source.refusal()
					: notExcel(zip, extension, ex);
			closeQuietly(zip);
			local.close();
			throw failure;
		}
		try {
			PackagePart workbookPart = mainPart(pkg, extension);
			XSSFReader reader = new XSSFReader(pkg);
			XlsxWorkbookXml workbook;
			try (InputStream in = reader.getWorkbookData()) {
				workbook = XlsxWorkbookXml.parse(in);
			}
			return new XlsxSpreadsheet(new XlsxPartSource.PackageParts(pkg, source, reader, workbookPart), local,
					workbook);
		}
		catch (Exception ex) {
			pkg.revert();
			local.close();
			throw reason(source, ex, "工作簿结构无法读取");
		}
	}

	/** A part refused for its size, else what the failure says. */
	private static UnreadableFileException reason(BoundedPartsSource source, Exception failure, String context) {
		return (source.refusal() != null) ? source.refusal() : Unreadable.of(failure, context);
	}

	/**
	 * Opens a package laid out as Excel lays it out straight through the ZIP;
	 * {@code null} (the ZIP closed) for any other, or a ZIP the JDK does not read, which
	 * POI's package model then looks at and tells what is wrong with.
	 */
	private static XlsxSpreadsheet openDirect(LocalFile local) {
		ZipFile zip;
		try {
			zip = new ZipFile(local.file());
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
		XlsxZipParts parts;
		try {
			parts = XlsxZipParts.resolve(zip);
		}
		catch (Exception ex) {
			closeQuietly(zip);
			UnreadableFileException reason = Unreadable.of(ex, "");
			if (reason.reason() == UnreadableFileException.Reason.ZIP_BOMB) {
				local.close();
				throw reason;
			}
			return null;
		}
		if (parts == null) {
			closeQuietly(zip);
			return null;
		}
		XlsxWorkbookXml workbook;
		try (InputStream in = parts.workbook()) {
			workbook = XlsxWorkbookXml.parse(in);
		}
		catch (Exception ex) {
			closeQuietly(zip);
			local.close();
			throw Unreadable.of(ex, "工作簿结构无法读取");
		}
		return new XlsxSpreadsheet(new XlsxPartSource.ZipParts(parts), local, workbook);
	}

	/**
	 * The reason a ZIP file that POI does not take as a package is refused: another kind
	 * of ZIP (a plain archive, an OpenDocument file) or a damaged Excel file.
	 */
	private static UnreadableFileException notExcel(ZipSecureFile zip, String extension, Exception failure) {
		UnreadableFileException reason = Unreadable.of(failure, "内容结构无法识别");
		if (reason.reason() != UnreadableFileException.Reason.DAMAGED) {
			return reason;
		}
		String actual;
		try {
			actual = FileKind.describeZip(zip);
		}
		catch (RuntimeException ex) {
			return reason;
		}
		if (FileKind.EXCEL_2007_FILE.equals(actual)) {
			return reason;
		}
		return Unreadable.wrongType(extension, Unreadable.EXCEL_2007, actual, failure);
	}

	/** The package's main part, refused unless it is a workbook. */
	private static PackagePart mainPart(OPCPackage pkg, String extension) throws Exception {
		PackageRelationshipCollection relations = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
		if (relations.isEmpty()) {
			relations = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
		}
		PackagePart part = relations.isEmpty() ? null : pkg.getPart(relations.getRelationship(0));
		if (part == null) {
			throw Unreadable.corrupt("缺少工作簿部件", null);
		}
		String contentType = part.getContentType().toLowerCase(Locale.ROOT);
		String actual = null;
		if (contentType.contains("binary")) {
			actual = "Excel二进制工作簿(.xlsb)";
		}
		else if (contentType.contains("wordprocessingml")) {
			actual = "Word文档(.docx)";
		}
		else if (contentType.contains("presentationml")) {
			actual = "PowerPoint演示文稿(.pptx)";
		}
		else if (!contentType.contains("spreadsheetml") && !contentType.contains("ms-excel")) {
			actual = "其他Office文件（" + contentType + "）";
		}
		if (actual != null) {
			throw Unreadable.wrongType(extension, Unreadable.EXCEL_2007, actual);
		}
		return part;
	}

	/**
	 * Closes a part or the package, if there is one: opened read-only, nothing to lose.
	 */
	static void closeQuietly(Closeable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// opened read-only: nothing to lose
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
		closeCursor();
		SheetInfo listed = this.sheets.get(index);
		String name = listed.name();
		if (listed.kind() == SheetInfo.Kind.MISSING) {
			throw Unreadable.corrupt("工作表“" + name + "”的内容不存在", null);
		}
		InputStream in = null;
		try {
			loadWorkbookParts();
			in = this.parts.sheet(this.relationIds.get(index));
			this.cursor = new XlsxSheetCursor(XlsxXml.reader(in), in, name, this.sharedStrings, this.dateStyles,
					this.date1904);
			return this.cursor;
		}
		catch (Exception ex) {
			closeQuietly(in);
			UnreadableFileException refused = this.parts.refusal();
			throw (refused != null) ? refused : Unreadable.of(ex, "工作表“" + name + "”无法读取");
		}
	}

	private void loadWorkbookParts() throws Exception {
		if (this.sharedStrings == null) {
			try (InputStream in = this.parts.sharedStrings()) {
				this.sharedStrings = (in != null) ? XlsxParts.sharedStrings(in) : new String[0];
			}
		}
		if (this.dateStyles == null) {
			try (InputStream in = this.parts.styles()) {
				this.dateStyles = (in != null) ? XlsxParts.dateStyles(in) : new boolean[0];
			}
		}
	}

	@Override
	public void close() {
		closeCursor();
		try {
			this.parts.close();
		}
		finally {
			this.local.close();
		}
	}

	private void closeCursor() {
		if (this.cursor != null) {
			this.cursor.close();
			this.cursor = null;
		}
	}

}
