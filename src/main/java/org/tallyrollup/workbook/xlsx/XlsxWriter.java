package org.tallyrollup.workbook.xlsx;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an .xlsx to a stream, one sheet after another: {@link #sheet} starts the next
 * sheet (ending the one before), {@link #finish()} writes the parts that list the sheets
 * and styles. Memory does not grow with the rows: each row goes into the ZIP as it is
 * ended.
 */
public final class XlsxWriter implements Closeable {

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

	private final ZipOutputStream zip;

	private final Writer out;

	private final StyleTable styles;

	private final String application;

	private final List<Entry> sheets = new ArrayList<>();

	private XlsxSheet current;

	private boolean finished;

	/**
	 * @param stream where the workbook goes; closed by {@link #close()}
	 * @param defaultFont the font of cells without a style
	 * @param compression the deflate level, 0 to 9
	 * @param application the program named in the workbook's properties
	 */
	public XlsxWriter(OutputStream stream, Font defaultFont, int compression, String application) {
		this.zip = new ZipOutputStream(stream, StandardCharsets.UTF_8);
		this.zip.setLevel(compression);
		this.out = new BufferedWriter(new OutputStreamWriter(this.zip, StandardCharsets.UTF_8), 1 << 16);
		this.styles = new StyleTable(defaultFont);
		this.application = application;
	}

	/** The index cells refer to for {@code style}, the same for equal styles. */
	public int style(CellStyle style) {
		return this.styles.index(style);
	}

	/**
	 * Ends the sheet being written, if any, and starts the next one.
	 * @param name its name, as Excel allows it (at most 31 characters, none of
	 * {@code \ / ? * [ ] :})
	 */
	public XlsxSheet sheet(String name, SheetSetup setup) throws IOException {
		checkName(name);
		if (this.sheets.stream().anyMatch((sheet) -> sheet.name().equalsIgnoreCase(name))) {
			throw new IllegalArgumentException("The workbook already has a sheet named " + name);
		}
		endSheet();
		String part = "xl/worksheets/sheet" + (this.sheets.size() + 1) + ".xml";
		this.zip.putNextEntry(new ZipEntry(part));
		this.current = new XlsxSheet(this.out, setup, this.sheets.isEmpty());
		this.sheets.add(new Entry(name, part, this.current));
		return this.current;
	}

	/** Ends the last sheet and writes the rest of the workbook. */
	public void finish() throws IOException {
		if (this.finished) {
			return;
		}
		if (this.sheets.isEmpty()) {
			throw new IllegalStateException("A workbook needs a sheet");
		}
		endSheet();
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

	@Override
	public void close() throws IOException {
		this.zip.close();
	}

	private void endSheet() throws IOException {
		if (this.current == null) {
			return;
		}
		this.current.finish();
		this.out.flush();
		this.zip.closeEntry();
		this.current = null;
	}

	private void part(String name, PartContent content) throws IOException {
		this.zip.putNextEntry(new ZipEntry(name));
		content.write(this.out);
		this.out.flush();
		this.zip.closeEntry();
	}

	private void writeWorkbook(Writer w) throws IOException {
		w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
		w.write("<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\">");
		w.write("<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
		for (int i = 0; i < this.sheets.size(); i++) {
			w.write("<sheet name=\"" + Xml.attribute(this.sheets.get(i).name()) + "\" sheetId=\"" + (i + 1)
					+ "\" r:id=\"rId" + (i + 1) + "\"/>");
		}
		w.write("</sheets>");
		StringBuilder names = new StringBuilder();
		for (int i = 0; i < this.sheets.size(); i++) {
			Entry sheet = this.sheets.get(i);
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
		for (int i = 0; i < this.sheets.size(); i++) {
			w.write("<Relationship Id=\"rId" + (i + 1) + "\" Type=\"" + RELATIONSHIPS + "/worksheet\" Target=\""
					+ this.sheets.get(i).part().substring("xl/".length()) + "\"/>");
		}
		w.write("<Relationship Id=\"rId" + (this.sheets.size() + 1) + "\" Type=\"" + RELATIONSHIPS
				+ "/styles\" Target=\"styles.xml\"/>");
		w.write("</Relationships>");
	}

	private void writeContentTypes(Writer w) throws IOException {
		w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
		w.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
		w.write("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>");
		w.write("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
		w.write("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
		for (Entry sheet : this.sheets) {
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

	private record Entry(String name, String part, XlsxSheet content) {
	}

	@FunctionalInterface
	private interface PartContent {

		void write(Writer out) throws IOException;

	}

}
