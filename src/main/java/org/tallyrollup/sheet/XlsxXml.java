package org.tallyrollup.sheet;

import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX helpers for the parts of an .xlsx file. The factory is the JDK's own, whatever
 * other StAX implementation a dependency brings (the limits below are the JDK's), set up
 * as POI sets up its secure one: no DTD, no external entities, so an entity a hostile
 * part declares is never expanded.
 */
final class XlsxXml {

	/** Excel's limit on the text of one cell is 32,767 characters. */
	static final int MAX_TEXT_CHARS = 1_048_576;

	/**
	 * Nesting deeper than any part Excel writes (a cell's rich text is five deep); the
	 * parser keeps every open element, so this bounds its memory too.
	 */
	static final int MAX_ELEMENT_DEPTH = 256;

	/** JDK factories are not safe for concurrent use: one per thread. */
	private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(XlsxXml::newFactory);

	private XlsxXml() {
	}

	private static XMLInputFactory newFactory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty("jdk.xml.maxElementDepth", Integer.toString(MAX_ELEMENT_DEPTH));
		return factory;
	}

	static XMLStreamReader reader(InputStream in) throws XMLStreamException {
		return FACTORY.get().createXMLStreamReader(in);
	}

	/** The value of an attribute without namespace, or {@code null}. */
	static String attribute(XMLStreamReader xml, String localName) {
		for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
			String namespace = xml.getAttributeNamespace(i);
			if ((namespace == null || namespace.isEmpty()) && localName.equals(xml.getAttributeLocalName(i))) {
				return xml.getAttributeValue(i);
			}
		}
		return null;
	}

	/**
	 * Appends the text of the current element (positioned on its start) to {@code text}
	 * and leaves the reader on its end; the text of child elements is skipped.
	 */
	static void appendText(XMLStreamReader xml, StringBuilder text) throws XMLStreamException {
		int depth = 0;
		while (true) {
			int event = xml.next();
			switch (event) {
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					if (depth == 0) {
						if (text.length() + xml.getTextLength() > MAX_TEXT_CHARS) {
							throw Unreadable.tooLong("单元格内容", MAX_TEXT_CHARS);
						}
						text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
					}
				}
				case XMLStreamConstants.START_ELEMENT -> depth++;
				case XMLStreamConstants.END_ELEMENT -> {
					if (depth == 0) {
						return;
					}
					depth--;
				}
				case XMLStreamConstants.END_DOCUMENT -> {
					return;
				}
				default -> {
				}
			}
		}
	}

	/**
	 * Skips the current element (positioned on its start), leaving the reader on its end.
	 */
	static void skip(XMLStreamReader xml) throws XMLStreamException {
		int depth = 0;
		while (true) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				if (depth == 0) {
					return;
				}
				depth--;
			}
			else if (event == XMLStreamConstants.END_DOCUMENT) {
				return;
			}
		}
	}

	/**
	 * Appends the text of a rich-text string ({@code <si>} or {@code <is>}, positioned on
	 * its start): its {@code <t>} and the {@code <t>} of its runs {@code <r>}, leaving
	 * out phonetic runs {@code <rPh>}.
	 */
	static void appendRichText(XMLStreamReader xml, StringBuilder text) throws XMLStreamException {
		while (true) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = xml.getLocalName();
				if ("t".equals(name)) {
					appendText(xml, text);
				}
				else if (!"r".equals(name)) {
					skip(xml);
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				if (!"r".equals(xml.getLocalName())) {
					return;
				}
			}
			else if (event == XMLStreamConstants.END_DOCUMENT) {
				return;
			}
		}
	}

	static boolean isTrue(String value) {
		return "1".equals(value) || "true".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value);
	}

}
