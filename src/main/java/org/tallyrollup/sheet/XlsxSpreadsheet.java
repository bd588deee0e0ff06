package org.tallyrollup.sheet;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.TargetMode;
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

	private final Parts parts;

	private final LocalFile local;

	private final List<SheetInfo> sheets;

	private final List<String> relationIds;

	private final boolean date1904;

	private String[] sharedStrings;

	private boolean[] dateStyles;

	private Cursor cursor;

	private XlsxSpreadsheet(Parts parts, LocalFile local, Workbook workbook) {
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
			Workbook workbook;
			try (InputStream in = reader.getWorkbookData()) {
				workbook = Workbook.parse(in);
			}
			return new XlsxSpreadsheet(new PackageParts(pkg, source, reader, workbookPart), local, workbook);
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
		Workbook workbook;
		try (InputStream in = parts.workbook()) {
			workbook = Workbook.parse(in);
		}
		catch (Exception ex) {
			closeQuietly(zip);
			local.close();
			throw Unreadable.of(ex, "工作簿结构无法读取");
		}
		return new XlsxSpreadsheet(new ZipParts(parts), local, workbook);
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

	private static void closeQuietly(Closeable zip) {
		try {
			zip.close();
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
			this.cursor = new Cursor(XlsxXml.reader(in), in, name);
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

	/** Where the workbook's parts come from. */
	private interface Parts {

		InputStream sheet(String relationId) throws Exception;

		/** What kind of sheet the relationship points to, {@code MISSING} for none. */
		SheetInfo.Kind sheetKind(String relationId);

		/** The shared strings, or {@code null}. */
		InputStream sharedStrings() throws Exception;

		/** The styles, or {@code null}. */
		InputStream styles() throws Exception;

		/** Why a part was refused for its size, if one was. */
		default UnreadableFileException refusal() {
			return null;
		}

		void close();

	}

	/** The parts as POI's package model finds them. */
	private record PackageParts(OPCPackage pkg, BoundedPartsSource source, XSSFReader reader,
			PackagePart workbookPart) implements Parts {

		@Override
		public UnreadableFileException refusal() {
			return this.source.refusal();
		}

		@Override
		public InputStream sheet(String relationId) throws Exception {
			return this.reader.getSheet(relationId);
		}

		@Override
		public SheetInfo.Kind sheetKind(String relationId) {
			if (relationId == null || relationId.isEmpty()) {
				return SheetInfo.Kind.MISSING;
			}
			try {
				PackageRelationship relation = this.workbookPart.getRelationship(relationId);
				if (relation == null || relation.getTargetMode() == TargetMode.EXTERNAL
						|| this.workbookPart.getRelatedPart(relation) == null) {
					return SheetInfo.Kind.MISSING;
				}
				return XlsxZipParts.sheetKindOf(relation.getRelationshipType());
			}
			catch (InvalidFormatException | RuntimeException ex) {
				return SheetInfo.Kind.MISSING;
			}
		}

		@Override
		public InputStream sharedStrings() throws Exception {
			return relatedPart("/sharedStrings");
		}

		@Override
		public InputStream styles() throws Exception {
			return relatedPart("/styles");
		}

		/**
		 * The part the workbook relates to by a relationship type ending so (transitional
		 * and strict types differ in their prefix only), or {@code null}.
		 */
		private InputStream relatedPart(String typeSuffix) throws Exception {
			for (PackageRelationship relation : this.workbookPart.getRelationships()) {
				if (relation.getRelationshipType().endsWith(typeSuffix)) {
					PackagePart part = this.workbookPart.getRelatedPart(relation);
					return (part != null) ? part.getInputStream() : null;
				}
			}
			return null;
		}

		@Override
		public void close() {
			this.pkg.revert();
		}

	}

	/** The parts read straight from the ZIP. */
	private record ZipParts(XlsxZipParts zip) implements Parts {

		@Override
		public InputStream sheet(String relationId) throws Exception {
			return this.zip.sheet(relationId);
		}

		@Override
		public SheetInfo.Kind sheetKind(String relationId) {
			return this.zip.sheetKind(relationId);
		}

		@Override
		public InputStream sharedStrings() throws Exception {
			return this.zip.sharedStrings();
		}

		@Override
		public InputStream styles() throws Exception {
			return this.zip.styles();
		}

		@Override
		public void close() {
			try {
				this.zip.close();
			}
			catch (IOException ex) {
				// opened read-only: nothing to lose
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

	private static void closeQuietly(InputStream in) {
		if (in != null) {
			try {
				in.close();
			}
			catch (IOException ex) {
				// read-only
			}
		}
	}

	/** What workbook.xml says: the sheets in order, and the date system. */
	private static final class Workbook {

		private final List<SheetInfo> sheets = new ArrayList<>();

		private final List<String> relationIds = new ArrayList<>();

		private boolean date1904;

		static Workbook parse(InputStream in) throws XMLStreamException {
			Workbook workbook = new Workbook();
			XMLStreamReader xml = XlsxXml.reader(in);
			String namespace = null;
			try {
				while (xml.hasNext()) {
					if (xml.next() != XMLStreamConstants.START_ELEMENT) {
						continue;
					}
					if (namespace == null) {
						// the root's: extensions (x15:workbookPr in an extLst…) reuse the
						// names
						namespace = String.valueOf(xml.getNamespaceURI());
						continue;
					}
					if (!namespace.equals(String.valueOf(xml.getNamespaceURI()))) {
						continue;
					}
					String element = xml.getLocalName();
					if ("workbookPr".equals(element)) {
						workbook.date1904 = XlsxXml.isTrue(XlsxXml.attribute(xml, "date1904"));
					}
					else if ("sheet".equals(element)) {
						workbook.addSheet(xml);
					}
				}
			}
			finally {
				xml.close();
			}
			return workbook;
		}

		private void addSheet(XMLStreamReader xml) {
			String name = XlsxXml.attribute(xml, "name");
			String state = XlsxXml.attribute(xml, "state");
			String relationId = null;
			for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
				String namespace = xml.getAttributeNamespace(i);
				if (namespace != null && !namespace.isEmpty() && "id".equals(xml.getAttributeLocalName(i))) {
					relationId = xml.getAttributeValue(i);
				}
			}
			boolean hidden = "hidden".equalsIgnoreCase(state) || "veryHidden".equalsIgnoreCase(state);
			this.sheets.add(new SheetInfo(this.sheets.size(), (name != null) ? name : "", hidden));
			this.relationIds.add(relationId);
		}

	}

	/**
	 * Pulls {@code <row>} elements one at a time; rows the file leaves out are given as
	 * blank rows before the next one it holds.
	 */
	private final class Cursor implements RowCursor {

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

		Cursor(XMLStreamReader xml, InputStream in, String sheetName) {
			this.xml = xml;
			this.in = in;
			this.sheetName = sheetName;
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
		 * Reads the next row ahead, or notes the end of the sheet data. A row some
		 * programs write as several {@code <row>} elements with the same number (a cell
		 * each) is one row, as Excel reads it: the elements that follow with the same
		 * number are merged into it.
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
		 * {@link #SAME_ROW} when it has the number of {@code previous}, 0 at the end of
		 * the sheet data.
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
		 * The row's number: its {@code r}, or the one after {@code previous} when it has
		 * none (or one that would go back: rows out of order are numbered in file order).
		 */
		private int rowNumber(String r, int previous) {
			if (r == null) {
				return previous + 1;
			}
			int number = parsePositive(r);
			if (number > MAX_ROWS) {
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
			if (column >= MAX_COLUMNS) {
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
			if (this.rowChars > MAX_ROW_CHARS) {
				throw Unreadable.tooLong("一行的内容", MAX_ROW_CHARS);
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
			closeQuietly(this.in);
		}

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
				return MAX_COLUMNS;
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
