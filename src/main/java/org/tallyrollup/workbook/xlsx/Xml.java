package org.tallyrollup.workbook.xlsx;

/** Escaping for SpreadsheetML text. */
final class Xml {

	private Xml() {
	}

	/** {@code text} as an attribute value between double quotes. */
	static String attribute(String text) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\n' -> out.append("&#10;");
				case '\r' -> out.append("&#13;");
				case '\t' -> out.append("&#9;");
				default -> out.append(allowed(text, i) ? c : '?');
			}
		}
		return out.toString();
	}

	/**
	 * Writes {@code text} as the content of a {@code <t>} element. A character XML does
	 * not allow (a control character, a lone surrogate) becomes {@code ?}, as POI writes
	 * it; an {@code _xHHHH_} that the text happens to hold is escaped so that Excel does
	 * not read it as a character code.
	 */
	static void text(StringBuilder out, String text) {
		int start = 0;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			String replacement;
			if (c == '&') {
				replacement = "&amp;";
			}
			else if (c == '<') {
				replacement = "&lt;";
			}
			else if (c == '>') {
				replacement = "&gt;";
			}
			else if (c == '_' && looksLikeCharacterCode(text, i)) {
				replacement = "_x005F_";
			}
			else if (!allowed(text, i)) {
				replacement = "?";
			}
			else {
				continue;
			}
			out.append(text, start, i);
			out.append(replacement);
			start = i + 1;
		}
		out.append(text, start, length);
	}

	/** A number as SpreadsheetML writes it: integral values without a fraction. */
	static String number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return Double.toString(value);
	}

	private static boolean looksLikeCharacterCode(String text, int at) {
		if (at + 6 >= text.length() || text.charAt(at + 1) != 'x' || text.charAt(at + 6) != '_') {
			return false;
		}
		for (int i = at + 2; i < at + 6; i++) {
			if (Character.digit(text.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean allowed(String text, int at) {
		char c = text.charAt(at);
		if (c < 0x20) {
			return c == '\t' || c == '\n' || c == '\r';
		}
		if (Character.isHighSurrogate(c)) {
			return at + 1 < text.length() && Character.isLowSurrogate(text.charAt(at + 1));
		}
		if (Character.isLowSurrogate(c)) {
			return at > 0 && Character.isHighSurrogate(text.charAt(at - 1));
		}
		return c != 0xFFFE && c != 0xFFFF;
	}

}
