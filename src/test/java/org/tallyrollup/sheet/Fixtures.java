package org.tallyrollup.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Workbook;

/**
 * Test files: written with POI where it can write what is needed, and as raw parts where
 * a test needs XML that POI would not write (inline strings, rich text runs, cells
 * without a reference, a DOCTYPE).
 */
final class Fixtures {

	static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private Fixtures() {
	}

	static Path write(Workbook workbook, Path file) throws IOException {
		try (workbook; OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
		return file;
	}

	/** All rows of one sheet. */
	static List<RawRow> rows(SpreadsheetFile spreadsheet, int sheet) {
		List<RawRow> rows = new ArrayList<>();
		try (RowCursor cursor = spreadsheet.rows(spreadsheet.sheets().get(sheet))) {
			cursor.forEachRemaining(rows::add);
		}
		return rows;
	}

	/** All rows of the first sheet of a file. */
	static List<RawRow> rows(Path file) {
		try (SpreadsheetFile spreadsheet = Spreadsheets.open(file)) {
			return rows(spreadsheet, 0);
		}
	}

	static void zip(Path file, Map<String, byte[]> entries) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
	}

	/**
	 * A minimal .xlsx written part by part: sheets given as the XML inside
	 * {@code <sheetData>} (or a whole sheet part), optional styles and shared strings.
	 */
	static final class RawXlsx {

		private final List<String[]> sheets = new ArrayList<>();

		private String styles;

		private String sharedStrings;

		private String workbookProperties = "";

		private String workbookExtensions = "";

		/** A visible sheet; {@code sheetData} is the XML inside {@code <sheetData>}. */
		RawXlsx sheet(String name, String sheetData) {
			return sheet(name, null, sheetData);
		}

		RawXlsx sheet(String name, String state, String sheetData) {
			return sheetPart(name, state,
					"<worksheet xmlns=\"" + MAIN_NS + "\"><sheetData>" + sheetData + "</sheetData></worksheet>");
		}

		/** A sheet whose part is given whole. */
		RawXlsx sheetPart(String name, String state, String part) {
			this.sheets.add(new String[] { name, state, part, "worksheet", null });
			return this;
		}

		/**
		 * A sheet of another kind: {@code chartsheet}, {@code dialogsheet} or
		 * {@code xlMacrosheet}, its part given whole.
		 */
		RawXlsx sheetOfKind(String name, String kind, String part) {
			this.sheets.add(new String[] { name, null, part, kind, null });
			return this;
		}

		/**
		 * A sheet the workbook names with the relationship id given (empty, or one that
		 * points nowhere) and whose part the file does not contain.
		 */
		RawXlsx listedSheet(String name, String relationId) {
			this.sheets.add(new String[] { name, null, null, null, relationId });
			return this;
		}

		/**
		 * XML after {@code <sheets>} in the workbook part, such as an {@code <extLst>}.
		 */
		RawXlsx workbookExtensions(String xml) {
			this.workbookExtensions = xml;
			return this;
		}

		/** The XML inside {@code <styleSheet>}. */
		RawXlsx styles(String styleSheet) {
			this.styles = "<styleSheet xmlns=\"" + MAIN_NS + "\">" + styleSheet + "</styleSheet>";
			return this;
		}

		/** The whole shared strings part. */
		RawXlsx sharedStringsPart(String part) {
			this.sharedStrings = part;
			return this;
		}

		/** The {@code <si>} elements of the shared strings part. */
		RawXlsx sharedStrings(String items) {
			return sharedStringsPart("<sst xmlns=\"" + MAIN_NS + "\">" + items + "</sst>");
		}

		RawXlsx date1904() {
			this.workbookProperties = "<workbookPr date1904=\"1\"/>";
			return this;
		}

		Path write(Path file) throws IOException {
			Map<String, byte[]> parts = new LinkedHashMap<>();
			StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
					+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
			StringBuilder workbook = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\""
					+ MAIN_NS + "\" xmlns:r=\"" + REL_NS + "\">" + this.workbookProperties + "<sheets>");
			StringBuilder relations = new StringBuilder(
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
			for (int i = 0; i < this.sheets.size(); i++) {
				String[] sheet = this.sheets.get(i);
				int n = i + 1;
				String relationId = (sheet[4] != null) ? sheet[4] : "rId" + n;
				workbook.append("<sheet name=\"" + sheet[0] + "\" sheetId=\"" + n + "\""
						+ ((sheet[1] != null) ? " state=\"" + sheet[1] + "\"" : "") + " r:id=\"" + relationId + "\"/>");
				if (sheet[2] == null) {
					continue;
				}
				String kind = sheet[3];
				String folder = kind.equals("xlMacrosheet") ? "macrosheets" : kind + "s";
				String contentType = switch (kind) {
					case "xlMacrosheet" -> "application/vnd.ms-excel.macrosheet+xml";
					default -> "application/vnd.openxmlformats-officedocument.spreadsheetml." + kind + "+xml";
				};
				String relationType = kind.equals("xlMacrosheet")
						? "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" : REL_NS + "/" + kind;
				types.append("<Override PartName=\"/xl/" + folder + "/sheet" + n + ".xml\" ContentType=\"" + contentType
						+ "\"/>");
				relations.append("<Relationship Id=\"" + relationId + "\" Type=\"" + relationType + "\" Target=\""
						+ folder + "/sheet" + n + ".xml\"/>");
				parts.put("xl/" + folder + "/sheet" + n + ".xml", utf8(sheet[2]));
			}
			if (this.styles != null) {
				types.append("<Override PartName=\"/xl/styles.xml\" "
						+ "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
				relations.append("<Relationship Id=\"rIdS\" Type=\"" + REL_NS + "/styles\" Target=\"styles.xml\"/>");
				parts.put("xl/styles.xml", utf8(this.styles));
			}
			if (this.sharedStrings != null) {
				types.append("<Override PartName=\"/xl/sharedStrings.xml\" "
						+ "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
				relations.append("<Relationship Id=\"rIdSST\" Type=\"" + REL_NS
						+ "/sharedStrings\" Target=\"sharedStrings.xml\"/>");
				parts.put("xl/sharedStrings.xml", utf8(this.sharedStrings));
			}
			types.append("</Types>");
			workbook.append("</sheets>").append(this.workbookExtensions).append("</workbook>");
			relations.append("</Relationships>");
			Map<String, byte[]> entries = new LinkedHashMap<>();
			entries.put("[Content_Types].xml", utf8(types.toString()));
			entries.put("_rels/.rels",
					utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
							+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"" + REL_NS
							+ "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
			entries.put("xl/workbook.xml", utf8(workbook.toString()));
			entries.put("xl/_rels/workbook.xml.rels", utf8(relations.toString()));
			entries.putAll(parts);
			zip(file, entries);
			return file;
		}

		private static byte[] utf8(String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}

	}

}
