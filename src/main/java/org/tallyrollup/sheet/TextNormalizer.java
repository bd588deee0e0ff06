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
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!isWhitespace(c)) {
				out.append(c);
			}
		}
		return out.toString();
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
	 * full-width characters made half-width, a trailing bracketed unit such as
	 * {@code （个）} dropped, a trailing required-mark {@code *} dropped, lower case.
	 */
	public static String header(String text) {
		String normalized = removeWhitespace(halfWidth(text));
		while (normalized.endsWith("*")) {
			normalized = normalized.substring(0, normalized.length() - 1);
		}
		normalized = TRAILING_BRACKETED_UNIT.matcher(normalized).replaceFirst("");
		return normalized.toLowerCase(Locale.ROOT);
	}

}
