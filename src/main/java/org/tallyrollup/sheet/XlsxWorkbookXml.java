package org.tallyrollup.sheet;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** What workbook.xml says: the sheets in order, and the date system. */
final class XlsxWorkbookXml {

	final List<SheetInfo> sheets = new ArrayList<>();

	final List<String> relationIds = new ArrayList<>();

	boolean date1904;

	static XlsxWorkbookXml parse(InputStream in) throws XMLStreamException {
		XlsxWorkbookXml workbook = new XlsxWorkbookXml();
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
