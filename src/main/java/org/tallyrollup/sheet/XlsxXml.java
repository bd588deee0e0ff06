package org.tallyrollup.sheet;

import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;

/**
 * StAX helpers for the parts of an .xlsx file. The parser is Woodstox, set up as POI sets
 * up its secure one: no DTD, no external entities, so an entity a hostile part declares
 * is never expanded; and it is bounded: nesting, the text of one element, the size of an
 * attribute. Woodstox (rather than the JDK's parser) because a workbook has seven small
 * parts and the JDK's parser costs more to create than to parse one of them.
 */
final class XlsxXml {

	/** Excel's limit on the text of one cell is 32,767 characters. */
	static final int MAX_TEXT_CHARS = 1_048_576;

	/** The parser's own bound on one run of text or one attribute. */
	static final int MAX_PARSER_TEXT_CHARS = 2 * MAX_TEXT_CHARS;

	/**
	 * Nesting deeper than any part Excel writes (a cell's rich text is five deep); the
	 * parser keeps every open element, so this bounds its memory too.
	 */
	static final int MAX_ELEMENT_DEPTH = 256;

	/** The factory is safe for concurrent use once set up. */
	private static final XMLInputFactory FACTORY = newFactory();

	private XlsxXml() {
	}

	private static XMLInputFactory newFactory() {
		WstxInputFactory factory = new WstxInputFactory();
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_ELEMENT_DEPTH);
		// above the cell limit, so that a long cell is refused by appendText, which says
		// so; this bounds text anywhere else
		factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_PARSER_TEXT_CHARS);
		factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_PARSER_TEXT_CHARS);
		return factory;
	}

	static XMLStreamReader reader(InputStream in) throws XMLStreamException {
		return FACTORY.createXMLStreamReader(in);
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
