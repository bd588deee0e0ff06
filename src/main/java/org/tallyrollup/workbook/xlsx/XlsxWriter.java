package org.tallyrollup.workbook.xlsx;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes an .xlsx to a stream, one sheet after another: {@link #sheet} starts the next
 * sheet (ending the one before), {@link #finish()} writes the parts that list the sheets
 * and styles. Memory does not grow with the rows: each row goes into the ZIP as it is
 * ended.
 * <p>
 * A {@link Section} holds the place of sheets written on another thread meanwhile: each
 * of its sheets is compressed into a file of its own beside the workbook
 * ({@link SheetPart}) and copied into the ZIP as it is by {@link #finish()}.
 */
public final class XlsxWriter implements Closeable {

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

	private final ZipArchiveOutputStream zip;

	private final Writer out;

	private final StyleTable styles;

	private final String application;

	private final int compression;

	private final Path partsBase;

	/** The sheets written into the ZIP and the sections, in the workbook's order. */
	private final List<Object> order = new ArrayList<>();

	private final List<String> names = new ArrayList<>();

	/** Sheets written into the ZIP so far, and sections opened. */
	private int direct;

	private int sections;

	private XlsxSheet current;

	private boolean finished;

	/**
	 * @param stream where the workbook goes; closed by {@link #close()}
	 * @param defaultFont the font of cells without a style
	 * @param compression the deflate level, 0 to 9
	 * @param application the program named in the workbook's properties
	 */
	public XlsxWriter(OutputStream stream, Font defaultFont, int compression, String application) {
		this(stream, defaultFont, compression, application, null);
	}

	/**
	 * @param partsBase where the sheets of a {@link Section} are kept until the workbook
	 * is finished: files named after it with {@code .section<k>-sheet<n>.tmp} added
	 * ({@code null}: the system's temporary folder)
	 */
	public XlsxWriter(OutputStream stream, Font defaultFont, int compression, String application, Path partsBase) {
		this.zip = new ZipArchiveOutputStream(stream);
		this.zip.setEncoding(StandardCharsets.UTF_8.name());
		this.zip.setLevel(compression);
		this.zip.setUseZip64(Zip64Mode.AsNeeded);
		this.out = new BufferedWriter(new OutputStreamWriter(this.zip, StandardCharsets.UTF_8), 1 << 16);
		this.styles = new StyleTable(defaultFont);
		this.application = application;
		this.compression = compression;
		this.partsBase = partsBase;
	}

	/** The index cells refer to for {@code style}, the same for equal styles. */
	public synchronized int style(CellStyle style) {
		return this.styles.index(style);
	}

	/**
	 * Holds the place, after the sheets begun so far, of sheets to be written on another
	 * thread while this writer takes more sheets.
	 */
	public synchronized Section section() {
		checkUnfinished();
		Section section = new Section(++this.sections);
		this.order.add(section);
		return section;
	}

	/**
	 * Ends the sheet being written, if any, and starts the next one.
	 * @param name its name, as Excel allows it (at most 31 characters, none of
	 * {@code \ / ? * [ ] :})
	 */
	public synchronized XlsxSheet sheet(String name, SheetSetup setup) throws IOException {
		checkUnfinished();
		claim(name);
		endSheet();
		String part = "xl/worksheets/sheet" + (++this.direct) + ".xml";
		this.zip.putArchiveEntry(new ZipArchiveEntry(part));
		this.current = new XlsxSheet(this.out, setup, this.order.isEmpty());
		this.order.add(new Entry(name, part, this.current, null));
		return this.current;
	}

	/** Takes a sheet name, refusing one Excel would not have or the workbook has. */
	private synchronized void claim(String name) {
		checkName(name);
		if (this.names.stream().anyMatch((taken) -> taken.equalsIgnoreCase(name))) {
			throw new IllegalArgumentException("The workbook already has a sheet named " + name);
		}
		this.names.add(name);
	}

	private void checkUnfinished() {
		if (this.finished) {
			throw new IllegalStateException("The workbook is finished");
		}
	}

	/** The sheets in the workbook's order. */
	private List<Entry> sheets() {
		List<Entry> sheets = new ArrayList<>();
		for (Object item : this.order) {
			if (item instanceof Section section) {
				sheets.addAll(section.entries);
			}
			else {
				sheets.add((Entry) item);
			}
		}
		return sheets;
	}

	/** Ends the last sheet and writes the rest of the workbook. */
	public synchronized void finish() throws IOException {
		if (this.finished) {
			return;
		}
		List<Entry> sheets = sheets();
		if (sheets.isEmpty()) {
			throw new IllegalStateException("A workbook needs a sheet");
		}
		endSheet();
		for (Object item : this.order) {
			if (item instanceof Section section) {
				section.finish();
			}
		}
		for (Entry sheet : sheets) {
			if (sheet.data() != null) {
				sheet.data().copyTo(this.zip, sheet.part());
				sheet.data().delete();
			}
		}
		part("xl/styles.xml", this.styles::write);
		part("xl/workbook.xml", this::writeWorkbook);
		part("xl/_rels/workbook.xml.rels", this::writeWorkbookRelationships);
		part("[Content_Types].xml", this::writeContentTypes);
		part("_rels/.rels", this::writePackageRelationships);
		part("docProps/core.xml", this::writeCoreProperties);
		part("docProps/app.xml", this::writeAppProperties);
		this.zip.finish();
		this.zip.flush();
		this.finished = true;
	}

	/** Deletes the files of sections' sheets not copied in (a workbook given up). */
	public synchronized void deleteSectionFiles() {
		for (Entry sheet : sheets()) {
			if (sheet.data() != null) {
				sheet.data().delete();
			}
		}
	}

	/**
	 * Closes the stream (finishing the workbook), and deletes any section's file left.
	 */
	@Override
	public void close() throws IOException {
		try {
			deleteSectionFiles();
			if (!this.finished && this.current != null) {
				// a sheet given up half-written: its entry is closed as it is
				this.current = null;
				this.out.flush();
				this.zip.closeArchiveEntry();
			}
		}
		finally {
			this.zip.close();
		}
	}

	private void endSheet() throws IOException {
		if (this.current == null) {
			return;
		}
		this.current.finish();
		this.out.flush();
		this.zip.closeArchiveEntry();
		this.current = null;
	}

	private void part(String name, PartContent content) throws IOException {
		this.zip.putArchiveEntry(new ZipArchiveEntry(name));
		content.write(this.out);
		this.out.flush();
		this.zip.closeArchiveEntry();
	}

	private void writeWorkbook(Writer w) throws IOException {
		w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
		w.write("<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\">");
		w.write("<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
		List<Entry> sheets = sheets();
		for (int i = 0; i < sheets.size(); i++) {
			w.write("<sheet name=\"" + Xml.attribute(sheets.get(i).name()) + "\" sheetId=\"" + (i + 1) + "\" r:id=\"rId"
					+ (i + 1) + "\"/>");
		}
		w.write("</sheets>");
		StringBuilder names = new StringBuilder();
		for (int i = 0; i < sheets.size(); i++) {
			Entry sheet = sheets.get(i);
			String filter = sheet.content().autoFilterRange();
			if (filter != null) {
				names.append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"")
					.append(i)
					.append("\" hidden=\"1\">")
					.append(Xml.attribute(Cells.absolute(sheet.name(), filter)))
					.append("</definedName>");
			}
			int repeated = sheet.content().setup().repeatedRows();
			if (repeated > 0) {
				names.append("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"")
					.append(i)
					.append("\">")
					.append(Xml.attribute(Cells.rows(sheet.name(), 0, repeated - 1)))
					.append("</definedName>");
			}
		}
		if (!names.isEmpty()) {
			w.write("<definedNames>" + names + "</definedNames>");
		}
		w.write("</workbook>");
	}

	private void writeWorkbookRelationships(Writer w) throws IOException {
		w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
		w.write("<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\">");
		List<Entry> sheets = sheets();
		for (int i = 0; i < sheets.size(); i++) {
			w.write("<Relationship Id=\"rId" + (i + 1) + "\" Type=\"" + RELATIONSHIPS + "/worksheet\" Target=\""
					+ sheets.get(i).part().substring("xl/".length()) + "\"/>");
		}
		w.write("<Relationship Id=\"rId" + (sheets.size() + 1) + "\" Type=\"" + RELATIONSHIPS
				+ "/styles\" Target=\"styles.xml\"/>");
		w.write("</Relationships>");
	}

	private void writeContentTypes(Writer w) throws IOException {
		w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
		w.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
		w.write("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>");
		w.write("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
		w.write("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
		for (Entry sheet : sheets()) {
			w.write("<Override PartName=\"/" + sheet.part()
					+ "\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
		}
		w.write("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
		w.write("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>");
		w.write("<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>");
		w.write("</Types>");
	}

	private void writePackageRelationships(Writer w) throws IOException {
		w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
		w.write("<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\">");
		w.write("<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/>");
		w.write("<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>");
		w.write("<Relationship Id=\"rId3\" Type=\"" + RELATIONSHIPS
				+ "/extended-properties\" Target=\"docProps/app.xml\"/>");
		w.write("</Relationships>");
	}

	private void writeCoreProperties(Writer w) throws IOException {
		String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
		w.write("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
				+ " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
				+ " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
		w.write("<dc:creator>" + Xml.attribute(this.application) + "</dc:creator>");
		w.write("<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + now + "</dcterms:created>");
		w.write("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + now + "</dcterms:modified>");
		w.write("</cp:coreProperties>");
	}

	private void writeAppProperties(Writer w) throws IOException {
		w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
		w.write("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
				+ "<Application>" + Xml.attribute(this.application) + "</Application></Properties>");
	}

	private static void checkName(String name) {
		if (name == null || name.isEmpty() || name.length() > 31
				|| name.chars().anyMatch((c) -> "\\/?*[]:".indexOf(c) >= 0) || name.startsWith("'")
				|| name.endsWith("'")) {
			throw new IllegalArgumentException("Excel does not allow the sheet name " + name);
		}
	}

	/**
	 * A sheet: its name, its part in the ZIP, and its content; {@code data} holds a
	 * section's sheet until it is copied in ({@code null} for one written into the ZIP).
	 */
	private record Entry(String name, String part, XlsxSheet content, SheetPart data) {
	}

	/**
	 * Sheets, one after another, written on a thread of their own while the writer takes
	 * other sheets; they take the place in the workbook's order where the section was
	 * opened. Used by one thread at a time; {@link #finish()} (or the writer's) ends it.
	 */
	public final class Section {

		/** Its place among the sections, which names its parts whatever the timing. */
		private final int number;

		private final List<Entry> entries = new ArrayList<>();

		private XlsxSheet current;

		private SheetPart data;

		private Section(int number) {
			this.number = number;
		}

		/** Ends the section's sheet being written, if any, and starts the next one. */
		public XlsxSheet sheet(String name, SheetSetup setup) throws IOException {
			claim(name);
			finish();
			String id = "section" + this.number + "-sheet" + (this.entries.size() + 1);
			Path file = (XlsxWriter.this.partsBase != null)
					? XlsxWriter.this.partsBase
						.resolveSibling(XlsxWriter.this.partsBase.getFileName() + "." + id + ".tmp")
					: Files.createTempFile("xlsx-" + id + "-", ".tmp");
			this.data = new SheetPart(file, XlsxWriter.this.compression);
			synchronized (XlsxWriter.this) {
				// the workbook's first sheet is the one selected, as with sheets written
				// directly
				boolean first = XlsxWriter.this.order.get(0) == this && this.entries.isEmpty();
				this.current = new XlsxSheet(this.data.writer(), setup, first);
				this.entries.add(new Entry(name, "xl/worksheets/" + id + ".xml", this.current, this.data));
			}
			return this.current;
		}

		/** Ends the section's last sheet. */
		public void finish() throws IOException {
			if (this.current != null) {
				this.current.finish();
				this.data.finish();
				this.current = null;
				this.data = null;
			}
		}

	}

	@FunctionalInterface
	private interface PartContent {

		void write(Writer out) throws IOException;

	}

}
