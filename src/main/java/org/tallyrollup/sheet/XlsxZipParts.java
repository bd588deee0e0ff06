package org.tallyrollup.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The parts of an .xlsx file found by following its relationships straight through the
 * ZIP, without building POI's package model (which reads and checks every part's name and
 * relationships, however few are needed): {@code _rels/.rels} gives the workbook part,
 * its relationships give the sheets, the shared strings and the styles.
 *
 * <p>
 * The ZIP is read with the JDK's {@link ZipFile} (it opens a small file in half the time
 * commons-compress takes); every stream is an {@link InflateGuard}, so POI's limits on
 * the inflate ratio and the expanded size of an entry still apply, and the count of
 * entries is checked as POI checks it. Only a package laid out as Excel lays it out is
 * taken: anything else ({@link #resolve} answers {@code null}) is left to POI's package
 * model, which tells what is wrong with it.
 */
final class XlsxZipParts {

	private static final String OFFICE_DOCUMENT = "/officeDocument";

	private static final String TRANSITIONAL_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String STRICT_RELATIONSHIPS = "http://purl.oclc.org/ooxml/officeDocument/relationships";

	private final ZipFile zip;

	private final Map<String, ZipEntry> entries;

	private final String workbookPart;

	private final Map<String, Relation> relations;

	private final String sharedStringsPart;

	private final String stylesPart;

	private XlsxZipParts(ZipFile zip, Map<String, ZipEntry> entries, String workbookPart,
			Map<String, Relation> relations, String sharedStringsPart, String stylesPart) {
		this.zip = zip;
		this.entries = entries;
		this.workbookPart = workbookPart;
		this.relations = relations;
		this.sharedStringsPart = sharedStringsPart;
		this.stylesPart = stylesPart;
	}

	/**
	 * The parts of a workbook package, or {@code null} when the package is not laid out
	 * as expected (no content types, no workbook relationship, a main part that is not a
	 * spreadsheet, too many entries…).
	 */
	static XlsxZipParts resolve(ZipFile zip) throws IOException, XMLStreamException {
		Map<String, ZipEntry> entries = new HashMap<>();
		long count = 0;
		for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
			ZipEntry entry = all.nextElement();
			if (++count > ZipSecureFile.getMaxFileCount()) {
				return null;
			}
			if (!entry.isDirectory() && entries.putIfAbsent(key("/" + stripSlash(entry.getName())), entry) != null) {
				return null;
			}
		}
		ZipEntry types = entries.get(key("/[Content_Types].xml"));
		ZipEntry packageRelations = entries.get(key("/_rels/.rels"));
		if (types == null || packageRelations == null) {
			return null;
		}
		String workbook = null;
		for (Relation relation : relations(zip, packageRelations, "/")) {
			if (isOfficeDocument(relation.type())) {
				workbook = relation.target();
				break;
			}
		}
		if (workbook == null || !entries.containsKey(key(workbook))) {
			return null;
		}
		String contentType = contentType(zip, types, workbook);
		if (contentType == null || contentType.contains("binary")
				|| (!contentType.contains("spreadsheetml") && !contentType.contains("ms-excel"))) {
			return null;
		}
		ZipEntry workbookRelations = entries.get(key(relationsPart(workbook)));
		if (workbookRelations == null) {
			return null;
		}
		Map<String, Relation> byId = new HashMap<>();
		String sharedStrings = null;
		String styles = null;
		for (Relation relation : relations(zip, workbookRelations, folder(workbook))) {
			if (relation.id() != null) {
				byId.putIfAbsent(relation.id(), relation);
			}
			if (sharedStrings == null && relation.type().endsWith("/sharedStrings")) {
				sharedStrings = relation.target();
			}
			if (styles == null && relation.type().endsWith("/styles")) {
				styles = relation.target();
			}
		}
		return new XlsxZipParts(zip, entries, workbook, byId, sharedStrings, styles);
	}

	private static boolean isOfficeDocument(String type) {
		return type.equals(TRANSITIONAL_RELATIONSHIPS + OFFICE_DOCUMENT)
				|| type.equals(STRICT_RELATIONSHIPS + OFFICE_DOCUMENT);
	}

	InputStream workbook() throws IOException {
		return open(this.workbookPart);
	}

	/** The sheet a workbook relationship id points to. */
	InputStream sheet(String relationId) throws IOException {
		Relation relation = (relationId != null) ? this.relations.get(relationId) : null;
		if (relation == null) {
			throw Unreadable.corrupt("工作表的关系“" + relationId + "”不存在", null);
		}
		return open(relation.target());
	}

	/**
	 * What kind of sheet a workbook relationship id points to:
	 * {@link SheetInfo.Kind#MISSING} when there is no such relationship or no such part.
	 */
	SheetInfo.Kind sheetKind(String relationId) {
		Relation relation = (relationId != null) ? this.relations.get(relationId) : null;
		if (relation == null || !this.entries.containsKey(key(relation.target()))) {
			return SheetInfo.Kind.MISSING;
		}
		return sheetKindOf(relation.type());
	}

	/**
	 * The kind of sheet a relationship type names; a type not known is taken for a
	 * worksheet.
	 */
	static SheetInfo.Kind sheetKindOf(String relationType) {
		String type = relationType.toLowerCase(Locale.ROOT);
		if (type.endsWith("/chartsheet")) {
			return SheetInfo.Kind.CHART;
		}
		if (type.endsWith("/dialogsheet")) {
			return SheetInfo.Kind.DIALOG;
		}
		if (type.endsWith("/xlmacrosheet") || type.endsWith("/xlintlmacrosheet")) {
			return SheetInfo.Kind.MACRO;
		}
		return SheetInfo.Kind.WORKSHEET;
	}

	/** The shared strings, or {@code null} when the workbook has none. */
	InputStream sharedStrings() throws IOException {
		return openIfPresent(this.sharedStringsPart);
	}

	/** The styles, or {@code null} when the workbook has none. */
	InputStream styles() throws IOException {
		return openIfPresent(this.stylesPart);
	}

	void close() throws IOException {
		this.zip.close();
	}

	private InputStream openIfPresent(String part) throws IOException {
		if (part == null) {
			return null;
		}
		ZipEntry entry = this.entries.get(key(part));
		return (entry != null) ? InflateGuard.of(this.zip.getInputStream(entry), entry) : null;
	}

	private InputStream open(String part) throws IOException {
		ZipEntry entry = this.entries.get(key(part));
		if (entry == null) {
			throw Unreadable.corrupt("缺少部件" + part, null);
		}
		return InflateGuard.of(this.zip.getInputStream(entry), entry);
	}

	/** A relationship with its target resolved to an absolute part name. */
	private record Relation(String id, String type, String target) {
	}

	private static Iterable<Relation> relations(ZipFile zip, ZipEntry entry, String folder)
			throws IOException, XMLStreamException {
		Deque<Relation> relations = new ArrayDeque<>();
		try (InputStream in = BoundedPartsSource.limited(InflateGuard.of(zip.getInputStream(entry), entry),
				entry.getName())) {
			XMLStreamReader xml = XlsxXml.reader(in);
			try {
				while (xml.hasNext()) {
					if (xml.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(xml.getLocalName())) {
						String type = XlsxXml.attribute(xml, "Type");
						String target = XlsxXml.attribute(xml, "Target");
						String mode = XlsxXml.attribute(xml, "TargetMode");
						if (type == null || target == null || "External".equalsIgnoreCase(mode)) {
							continue;
						}
						String resolved = resolveTarget(folder, target);
						if (resolved != null) {
							relations.add(new Relation(XlsxXml.attribute(xml, "Id"), type.trim(), resolved));
						}
					}
				}
			}
			finally {
				xml.close();
			}
		}
		return relations;
	}

	/** The content type of a part: its override, else its extension's default. */
	private static String contentType(ZipFile zip, ZipEntry types, String part) throws IOException, XMLStreamException {
		String extension = part.substring(part.lastIndexOf('.') + 1);
		String byDefault = null;
		try (InputStream in = BoundedPartsSource.limited(InflateGuard.of(zip.getInputStream(types), types),
				types.getName())) {
			XMLStreamReader xml = XlsxXml.reader(in);
			try {
				while (xml.hasNext()) {
					if (xml.next() != XMLStreamConstants.START_ELEMENT) {
						continue;
					}
					String element = xml.getLocalName();
					if ("Override".equals(element)) {
						String name = XlsxXml.attribute(xml, "PartName");
						if (name != null && name.equalsIgnoreCase(part)) {
							String type = XlsxXml.attribute(xml, "ContentType");
							return (type != null) ? type.toLowerCase(Locale.ROOT) : null;
						}
					}
					else if ("Default".equals(element) && byDefault == null
							&& extension.equalsIgnoreCase(XlsxXml.attribute(xml, "Extension"))) {
						byDefault = XlsxXml.attribute(xml, "ContentType");
					}
				}
			}
			finally {
				xml.close();
			}
		}
		return (byDefault != null) ? byDefault.toLowerCase(Locale.ROOT) : null;
	}

	/** {@code /xl/_rels/workbook.xml.rels} for {@code /xl/workbook.xml}. */
	private static String relationsPart(String part) {
		int slash = part.lastIndexOf('/');
		return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
	}

	private static String folder(String part) {
		return part.substring(0, part.lastIndexOf('/') + 1);
	}

	/**
	 * The absolute part name a relationship target names, relative to {@code folder}
	 * (which ends with a slash), or {@code null} when it is not a part of this package.
	 */
	static String resolveTarget(String folder, String target) {
		String path = target.trim();
		int end = indexOfAny(path, '#', '?');
		if (end >= 0) {
			path = path.substring(0, end);
		}
		if (path.isEmpty() || path.contains("://") || path.startsWith("//")) {
			return null;
		}
		if (path.indexOf('%') >= 0) {
			try {
				path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		path = path.replace('\\', '/');
		String joined = path.startsWith("/") ? path : folder + path;
		Deque<String> segments = new ArrayDeque<>();
		for (String segment : joined.split("/")) {
			if (segment.isEmpty() || ".".equals(segment)) {
				continue;
			}
			if ("..".equals(segment)) {
				if (segments.isEmpty()) {
					return null;
				}
				segments.removeLast();
			}
			else {
				segments.addLast(segment);
			}
		}
		return segments.isEmpty() ? null : "/" + String.join("/", segments);
	}

	private static int indexOfAny(String text, char a, char b) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == a || c == b) {
				return i;
			}
		}
		return -1;
	}

	private static String stripSlash(String name) {
		return name.startsWith("/") ? name.substring(1) : name;
	}

	/** Part names are case-insensitive (OPC, ECMA-376 part 2). */
	private static String key(String partName) {
		return partName.toLowerCase(Locale.ROOT);
	}

}
