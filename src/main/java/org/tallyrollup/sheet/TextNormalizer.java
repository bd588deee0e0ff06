package org.tallyrollup.sheet;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text clean-up shared by header matching and cell cleaning: full-width characters made
 * half-width, white space of every kind (including the ideographic space and non-breaking
 * space) trimmed or removed.
 */
public final class TextNormalizer {

	private static final Pattern TRAILING_BRACKETED_UNIT = Pattern.compile("\\([^()]{0,8}\\)$");

	private TextNormalizer() {
	}

	public static boolean isWhitespace(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff';
	}

	public static boolean isBlank(String text) {
		if (text == null) {
			return true;
		}
		for (int i = 0; i < text.length(); i++) {
			if (!isWhitespace(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** Trims every kind of white space at both ends. */
	public static String trim(String text) {
		if (text == null) {
			return "";
		}
		int start = 0;
		int end = text.length();
		while (start < end && isWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	/** Removes every white space character, inside the text too. */
	public static String removeWhitespace(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isWhitespace(c)) {
				if (out == null) {
					out = new StringBuilder(text.length()).append(text, 0, i);
				}
			}
			else if (out != null) {
				out.append(c);
			}
		}
		return (out != null) ? out.toString() : text;
	}

	/**
	 * Full-width ASCII variants (Ａ, １, （, ，…) made half-width; the ideographic space a
	 * space.
	 */
	public static String halfWidth(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			char mapped = c;
			if (c >= '\uff01' && c <= '\uff5e') {
				mapped = (char) (c - 0xfee0);
			}
			else if (c == '\u3000') {
				mapped = ' ';
			}
			if (mapped != c && out == null) {
				out = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (out != null) {
				out.append(mapped);
			}
		}
		return (out != null) ? out.toString() : text;
	}

	/**
	 * The form in which header cells are compared: white space and line breaks removed,
	 * full-width characters made half-width, trailing bracketed units such as {@code （个）}
	 * and required-marks {@code *} dropped, lower case. Text in this form is its own
	 * form.
	 */
	public static String header(String text) {
		String normalized = removeWhitespace(halfWidth(text));
		while (true) {
			if (normalized.endsWith("*")) {
				normalized = normalized.substring(0, normalized.length() - 1);
			}
			else if (normalized.endsWith(")")) {
				String dropped = TRAILING_BRACKETED_UNIT.matcher(normalized).replaceFirst("");
				if (dropped.length() == normalized.length()) {
					break;
				}
				normalized = dropped;
			}
			else {
				break;
			}
		}
		return normalized.toLowerCase(Locale.ROOT);
	}

}
