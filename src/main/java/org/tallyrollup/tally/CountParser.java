package org.tallyrollup.tally;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tallyrollup.sheet.TextNormalizer;

/**
 * Reads a count cell as the data contract says: trimmed; full-width digits made
 * half-width; thousands separators removed; one trailing unit word (个 条 项 人 名 次 件 处 家)
 * dropped with the spaces before it; an integral decimal such as {@code 12.0} taken as
 * 12; blank, 无, -, —, ／ or / counting as 0. Anything else is invalid (rule R3).
 */
public final class CountParser {

	/**
	 * Counts above this are not a tally and are refused rather than overflowing a sum.
	 */
	static final long MAX = 999_999_999_999L;

	private static final Set<String> ZERO_WORDS = Set.of("", "无", "-", "—", "——", "－", "/", "／", "–");

	private static final Pattern NUMBER = Pattern.compile("(\\d+)(?:\\.(0*))?\\s*[个条项人名次件处家]?");

	private CountParser() {
	}

	public static CountValue parse(String raw) {
		String text = TextNormalizer.trim(raw);
		if (ZERO_WORDS.contains(text)) {
			return CountValue.of(0, raw == null ? "" : raw);
		}
		String cleaned = TextNormalizer.halfWidth(text).replace(",", "").replace("，", "").replace("\u066c", "");
		cleaned = TextNormalizer.trim(cleaned);
		Matcher matcher = NUMBER.matcher(cleaned);
		if (!matcher.matches()) {
			return CountValue.invalid(raw);
		}
		String digits = matcher.group(1);
		if (digits.length() > 15) {
			return CountValue.invalid(raw);
		}
		long value = Long.parseLong(digits);
		return (value > MAX) ? CountValue.invalid(raw) : CountValue.of(value, raw);
	}

}
