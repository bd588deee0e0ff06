package org.tallyrollup.schedule;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tallyrollup.tally.PeriodFolders;

/**
 * Which period the nightly run rolls up: {@code latest} (the last period folder by
 * label), a date pattern in braces read on the day of the run ({@code {yyyy-MM}} gives
 * 2023-11), or a fixed label.
 */
final class PeriodChoice {

	static final String LATEST = "latest";

	private static final Pattern DATE_PATTERN = Pattern.compile("\\{([^}]+)\\}");

	private PeriodChoice() {
	}

	/**
	 * @return the period, empty when {@code latest} finds no period folder
	 * @throws IllegalArgumentException when the rule gives no valid period label
	 */
	static Optional<String> resolve(String rule, Path inputDir, ZonedDateTime now) {
		String trimmed = rule.trim();
		if (LATEST.equalsIgnoreCase(trimmed)) {
			return PeriodFolders.latest(inputDir);
		}
		Matcher matcher = DATE_PATTERN.matcher(trimmed);
		StringBuilder period = new StringBuilder();
		while (matcher.find()) {
			String date = now.format(DateTimeFormatter.ofPattern(matcher.group(1), Locale.ROOT));
			matcher.appendReplacement(period, Matcher.quoteReplacement(date));
		}
		matcher.appendTail(period);
		if (!PeriodFolders.isValidLabel(period.toString())) {
			throw new IllegalArgumentException(
					"tally.schedule.period=" + rule + " 给出的报告期“" + period + "”无效：只能由字母、数字和“-”组成");
		}
		return Optional.of(period.toString());
	}

}
