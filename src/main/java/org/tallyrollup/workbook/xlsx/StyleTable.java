package org.tallyrollup.workbook.xlsx;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workbook's styles part: fonts, fills, borders, number formats and the cell formats
 * built from them, each written once however many cells use it.
 */
final class StyleTable {

	/** Excel's built-in number formats that the workbook uses, by their fixed ids. */
	private static final Map<String, Integer> BUILT_IN = Map.of("General", 0, "0", 1, "0.00", 2, "#,##0", 3, "#,##0.00",
			4, "0%", 9, "0.00%", 10, "@", 49);

	/** The first id of a custom number format. */
	private static final int FIRST_CUSTOM_FORMAT = 164;

	/** Fills 0 and 1 are reserved by Excel (none and gray125). */
	private static final int RESERVED_FILLS = 2;

	private final Map<Font, Integer> fonts = new LinkedHashMap<>();

	private final Map<Integer, Integer> fills = new LinkedHashMap<>();

	private final Map<String, Integer> formats = new LinkedHashMap<>();

	private final Map<CellStyle, Integer> styles = new LinkedHashMap<>();

	/**
	 * @param defaultFont the font of cells without a style (and of blank rows)
	 */
	StyleTable(Font defaultFont) {
		this.fonts.put(defaultFont, 0);
		this.styles.put(CellStyle.of(defaultFont), 0);
	}

	/** The index of {@code style}, registering it the first time it is seen. */
	int index(CellStyle style) {
		Integer index = this.styles.get(style);
		if (index != null) {
			return index;
		}
		this.fonts.putIfAbsent(style.font(), this.fonts.size());
		if (style.fillRgb() != null) {
			this.fills.putIfAbsent(style.fillRgb(), RESERVED_FILLS + this.fills.size());
		}
		if (style.format() != null && !BUILT_IN.containsKey(style.format())) {
			this.formats.putIfAbsent(style.format(), FIRST_CUSTOM_FORMAT + this.formats.size());
		}
		int next = this.styles.size();
		this.styles.put(style, next);
		return next;
	}

	void write(Writer out) throws IOException {
		out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
		out.write("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
		if (!this.formats.isEmpty()) {
			out.write("<numFmts count=\"" + this.formats.size() + "\">");
			for (Map.Entry<String, Integer> format : this.formats.entrySet()) {
				out.write("<numFmt numFmtId=\"" + format.getValue() + "\" formatCode=\""
						+ Xml.attribute(format.getKey()) + "\"/>");
			}
			out.write("</numFmts>");
		}
		out.write("<fonts count=\"" + this.fonts.size() + "\">");
		for (Font font : this.fonts.keySet()) {
			writeFont(out, font);
		}
		out.write("</fonts>");
		out.write("<fills count=\"" + (RESERVED_FILLS + this.fills.size()) + "\">");
		out.write(
				"<fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>");
		for (Integer rgb : this.fills.keySet()) {
			out.write("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"" + argb(rgb)
					+ "\"/><bgColor indexed=\"64\"/></patternFill></fill>");
		}
		out.write("</fills>");
		out.write("<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
				+ "<border><left style=\"thin\"><color indexed=\"64\"/></left><right style=\"thin\"><color indexed=\"64\"/>"
				+ "</right><top style=\"thin\"><color indexed=\"64\"/></top><bottom style=\"thin\"><color indexed=\"64\"/>"
				+ "</bottom><diagonal/></border></borders>");
		out.write(
				"<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>");
		out.write("<cellXfs count=\"" + this.styles.size() + "\">");
		for (CellStyle style : this.styles.keySet()) {
			writeFormat(out, style);
		}
		out.write("</cellXfs>");
		out.write("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>");
		out.write("</styleSheet>");
	}

	private void writeFormat(Writer out, CellStyle style) throws IOException {
		int format = (style.format() != null)
				? BUILT_IN.getOrDefault(style.format(), this.formats.getOrDefault(style.format(), 0)) : 0;
		int fill = (style.fillRgb() != null) ? this.fills.get(style.fillRgb()) : 0;
		boolean aligned = style.horizontal() != null || style.vertical() != null || style.wrap() || style.indent() > 0;
		StringBuilder xf = new StringBuilder("<xf numFmtId=\"").append(format)
			.append("\" fontId=\"")
			.append(this.fonts.get(style.font()))
			.append("\" fillId=\"")
			.append(fill)
			.append("\" borderId=\"")
			.append(style.bordered() ? 1 : 0)
			.append("\" xfId=\"0\"");
		appendApplied(xf, "applyNumberFormat", format != 0);
		appendApplied(xf, "applyFont", this.fonts.get(style.font()) != 0);
		appendApplied(xf, "applyFill", fill != 0);
		appendApplied(xf, "applyBorder", style.bordered());
		appendApplied(xf, "applyAlignment", aligned);
		if (!aligned) {
			out.write(xf.append("/>").toString());
			return;
		}
		xf.append("><alignment");
		if (style.horizontal() != null) {
			xf.append(" horizontal=\"").append(style.horizontal()).append('"');
		}
		if (style.vertical() != null) {
			xf.append(" vertical=\"").append(style.vertical()).append('"');
		}
		if (style.wrap()) {
			xf.append(" wrapText=\"1\"");
		}
		if (style.indent() > 0) {
			xf.append(" indent=\"").append(style.indent()).append('"');
		}
		out.write(xf.append("/></xf>").toString());
	}

	private static void appendApplied(StringBuilder xf, String attribute, boolean applied) {
		if (applied) {
			xf.append(' ').append(attribute).append("=\"1\"");
		}
	}

	private static void writeFont(Writer out, Font font) throws IOException {
		List<String> parts = new ArrayList<>();
		if (font.bold()) {
			parts.add("<b/>");
		}
		parts.add("<sz val=\"" + Xml.number(font.points()) + "\"/>");
		if (font.rgb() != null) {
			parts.add("<color rgb=\"" + argb(font.rgb()) + "\"/>");
		}
		parts.add("<name val=\"" + Xml.attribute(font.name()) + "\"/>");
		if (font.charset() != 0) {
			parts.add("<charset val=\"" + font.charset() + "\"/>");
		}
		out.write("<font>" + String.join("", parts) + "</font>");
	}

	private static String argb(int rgb) {
		return String.format("FF%06X", rgb & 0xFFFFFF);
	}

}
