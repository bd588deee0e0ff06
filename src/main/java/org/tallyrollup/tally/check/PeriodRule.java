package org.tallyrollup.tally.check;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tallyrollup.sheet.TextNormalizer;
import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.tally.TallyRecord;

/**
 * R6: a 报告期 cell, where present and not blank, must name the run's period. Written forms
 * of the same month a clerk uses (2023年11月, 2023.11, 2023/11, 2023-11) are the same
 * period.
 */
final class PeriodRule implements RowRule {

	private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})\\s*[年.\\-/]\\s*(\\d{1,2})\\s*月?份?");

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
		String text = TextNormalizer.removeWhitespace(TextNormalizer.halfWidth(given));
		if (text.equalsIgnoreCase(runPeriod)) {
			return true;
		}
		Matcher matcher = YEAR_MONTH.matcher(text);
		if (matcher.matches()) {
			String normalized = matcher.group(1) + "-" + String.format("%02d", Integer.parseInt(matcher.group(2)));
			return normalized.equalsIgnoreCase(runPeriod);
		}
		return false;
	}

}
