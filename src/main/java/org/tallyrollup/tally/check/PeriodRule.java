package org.tallyrollup.tally.check;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tallyrollup.sheet.TextNormalizer;
import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.tally.TallyRecord;

/**
 * R6: a 报告期 cell, where present and not blank, must name the run's period (SPEC §3.1).
 * Besides the label itself: for a month label (2023-11) the month's other spellings
 * (2023年11月, 2023.11, 2023/11, 202311) and any date within the month; for a week label
 * (2023-W45) any date within that ISO week; for a day label (2023-11-08) that date. A
 * date is a date cell (Excel turns a typed "2023-11" into 2023-11-01; the format layer
 * gives it as {@code yyyy-MM-dd}, in the workbook's own date system) or date text such as
 * 2023/11/1 or 2023年11月1日, with or without a time of day.
 */
final class PeriodRule implements RowRule {

	private static final Pattern MONTH_LABEL = Pattern.compile("(\\d{4})-(\\d{2})");

	private static final Pattern WEEK_LABEL = Pattern.compile("(\\d{4})-W(\\d{2})", Pattern.CASE_INSENSITIVE);

	private static final Pattern DAY_LABEL = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

	/** A month as a clerk writes it: 2023年11月, 2023.11, 2023/11, 2023-11, 2023年11月份. */
	private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})\\s*[年.\\-/]\\s*(\\d{1,2})\\s*月?份?");

	/** 202311. */
	private static final Pattern COMPACT_MONTH = Pattern.compile("(\\d{4})(\\d{2})");

	/**
	 * A date, optionally followed by a time of day: 2023-11-01, 2023/11/1, 2023.11.1,
	 * 2023年11月1日, 2023-11-01 09:30:00, 2023-11-01T09:30.
	 */
	private static final Pattern DATE = Pattern.compile(
			"(\\d{4})\\s*[年.\\-/]\\s*(\\d{1,2})\\s*[月.\\-/]\\s*(\\d{1,2})\\s*[日号]?(?:[T\\s]+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");

	/** 20231101. */
	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	@Override
	public List<Finding> check(TallyRecord record, CheckContext context) {
		String period = record.period();
		if (period == null || period.isEmpty() || samePeriod(period, context.period())) {
			return List.of();
		}
		return List.of(Findings.of(Rule.R6, record, TallyColumn.PERIOD.header(), period,
				"报告期“" + period + "”与本次汇总的报告期 " + context.period() + " 不符"));
	}

	static boolean samePeriod(String given, String runPeriod) {
		String text = TextNormalizer.trim(TextNormalizer.halfWidth(given));
		if (text.equalsIgnoreCase(runPeriod)) {
			return true;
		}
		LocalDate date = date(text);
		Matcher label;
		if ((label = MONTH_LABEL.matcher(runPeriod)).matches()) {
			int year = Integer.parseInt(label.group(1));
			int month = Integer.parseInt(label.group(2));
			if (date != null) {
				return date.getYear() == year && date.getMonthValue() == month;
			}
			return isMonth(text, year, month);
		}
		if (date != null && (label = WEEK_LABEL.matcher(runPeriod)).matches()) {
			return date.get(IsoFields.WEEK_BASED_YEAR) == Integer.parseInt(label.group(1))
					&& date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == Integer.parseInt(label.group(2));
		}
		if (date != null && (label = DAY_LABEL.matcher(runPeriod)).matches()) {
			return date.equals(date(label.group(1), label.group(2), label.group(3)));
		}
		return false;
	}

	/** Whether the text names the month: 2023年11月, 2023.11, 2023/11, 2023-11, 202311. */
	private static boolean isMonth(String text, int year, int month) {
		String compact = TextNormalizer.removeWhitespace(text);
		Matcher matcher = YEAR_MONTH.matcher(compact);
		if (!matcher.matches()) {
			matcher = COMPACT_MONTH.matcher(compact);
			if (!matcher.matches()) {
				return false;
			}
		}
		return Integer.parseInt(matcher.group(1)) == year && Integer.parseInt(matcher.group(2)) == month;
	}

	/** The date the text names, or {@code null} when it names none. */
	static LocalDate date(String text) {
		Matcher matcher = DATE.matcher(text);
		if (!matcher.matches()) {
			matcher = COMPACT_DATE.matcher(text);
			if (!matcher.matches()) {
				return null;
			}
		}
		return date(matcher.group(1), matcher.group(2), matcher.group(3));
	}

	private static LocalDate date(String year, String month, String day) {
		try {
			return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
