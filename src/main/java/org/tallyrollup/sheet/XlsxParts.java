package org.tallyrollup.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.usermodel.BuiltinFormats;

/**
 * Reads the workbook-wide parts of an .xlsx file that cells refer to: the shared strings
 * and, from the styles, which cell formats show dates.
 */
final class XlsxParts {

	/** More distinct strings than any tally sheet holds; a bound on memory. */
	static final int MAX_SHARED_STRINGS = 1_000_000;

	/** More text than any tally sheet holds; a bound on memory. */
	static final long MAX_SHARED_CHARS = 16_000_000;

	/** Excel allows about 64,000 cell formats; more are not looked at. */
	static final int MAX_CELL_FORMATS = 100_000;

	private XlsxParts() {
	}

	/** The shared strings in order, as plain text. */
	static String[] sharedStrings(InputStream in) throws IOException, XMLStreamException {
		List<String> strings = new ArrayList<>();
		long chars = 0;
		StringBuilder text = new StringBuilder();
		XMLStreamReader xml = XlsxXml.reader(in);
		try {
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && "si".equals(xml.getLocalName())) {
					text.setLength(0);
					XlsxXml.appendRichText(xml, text);
					chars += text.length();
					if (strings.size() >= MAX_SHARED_STRINGS) {
						throw Unreadable.zipBomb("共享字符串超过" + MAX_SHARED_STRINGS + "个", null);
					}
					if (chars > MAX_SHARED_CHARS) {
						throw Unreadable.zipBomb("共享字符串超过" + MAX_SHARED_CHARS + "个字符", null);
					}
					strings.add(CellText.decodeOoxmlEscapes(text.toString()));
				}
			}
		}
		finally {
			xml.close();
		}
		return strings.toArray(new String[0]);
	}

	/**
	 * For each cell format ({@code <cellXfs>}, indexed by a cell's {@code s}), whether it
	 * shows a date or time.
	 */
	static boolean[] dateStyles(InputStream in) throws XMLStreamException {
		Map<Integer, String> customFormats = new HashMap<>();
		List<Integer> cellFormats = new ArrayList<>();
		XMLStreamReader xml = XlsxXml.reader(in);
		try {
			boolean inCellXfs = false;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = xml.getLocalName();
					if ("numFmt".equals(name) && customFormats.size() < MAX_CELL_FORMATS) {
						Integer id = parseId(XlsxXml.attribute(xml, "numFmtId"));
						String code = XlsxXml.attribute(xml, "formatCode");
						if (id != null && code != null) {
							customFormats.put(id, code);
						}
					}
					else if ("cellXfs".equals(name)) {
						inCellXfs = true;
					}
					else if ("xf".equals(name) && inCellXfs && cellFormats.size() < MAX_CELL_FORMATS) {
						Integer id = parseId(XlsxXml.attribute(xml, "numFmtId"));
						cellFormats.add((id != null) ? id : 0);
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT && "cellXfs".equals(xml.getLocalName())) {
					inCellXfs = false;
				}
			}
		}
		finally {
			xml.close();
		}
		boolean[] dates = new boolean[cellFormats.size()];
		Map<Integer, Boolean> byFormat = new HashMap<>();
		for (int i = 0; i < dates.length; i++) {
			int id = cellFormats.get(i);
			dates[i] = byFormat.computeIfAbsent(id, (key) -> {
				String code = customFormats.get(key);
				if (code == null) {
					code = BuiltinFormats.getBuiltinFormat(key);
				}
				return CellText.isDateFormat(key, code);
			});
		}
		return dates;
	}

	private static Integer parseId(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
