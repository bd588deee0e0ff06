package org.tallyrollup.narrative;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tallyrollup.rollup.ComparedTotals;
import org.tallyrollup.rollup.Rates;
import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.tally.TallyColumn;

/**
 * Writes the numeric sentences of a summary report (综述材料) in the register of such
 * reports, e.g. “截至2023-11，中共江州市委应报送单位64个，已报送58个，报送率90.63%。共检视问题320个，
 * 其中……；制定整改措施440条，已完成整改249条，整改完成率56.59%，较上期提高5.2个百分点。……”.
 * <p>
 * Only figures of the run are written, and a clause whose figure the run does not have is
 * left out rather than filled with a guess: no 报送 clause where no unit must report, no
 * rate without measures, no 较上期 without a previous period, no category, 调研课题 or 建章立制
 * clause for a zero (the columns are optional, so zero may only mean "not asked"). The
 * unit is named by its registry name rather than by a guessed 全市/全区.
 */
public final class Narrative {

	/** Units named in the 未报送 sentence; past this, “等N个单位”. */
	public static final int MAX_NAMED = 10;

	private static final int ISSUES = TallyColumn.ISSUES_FOUND.countIndex();

	private static final int MEASURES = TallyColumn.MEASURES.countIndex();

	private static final int COMPLETED = TallyColumn.COMPLETED.countIndex();

	private static final int TOPICS = TallyColumn.RESEARCH_TOPICS.countIndex();

	private static final int INSTITUTIONS = TallyColumn.INSTITUTIONS.countIndex();

	private Narrative() {
	}

	public static UnitNarrative of(NarrativeFigures figures) {
		UnitTotals unit = figures.unit().totals();
		return new UnitNarrative(unit.code(), unit.name(), unit.level(), compose(figures));
	}

	static String compose(NarrativeFigures figures) {
		ComparedTotals compared = figures.unit();
		UnitTotals unit = compared.totals();
		long[] totals = unit.totals();
		StringBuilder text = new StringBuilder("截至").append(figures.period()).append('，').append(unit.name());
		if (unit.expected() > 0) {
			text.append("应报送单位")
				.append(count(unit.expected()))
				.append("个，已报送")
				.append(count(unit.reported()))
				.append("个，报送率")
				.append(Rates.percent(unit.reported(), unit.expected()).toPlainString())
				.append("%。");
		}
		text.append("共检视问题").append(count(totals[ISSUES])).append('个');
		List<String> categories = new ArrayList<>();
		for (TallyColumn category : TallyColumn.CATEGORIES) {
			long value = totals[category.countIndex()];
			if (value > 0) {
				categories.add(phrase(category) + count(value) + "个");
			}
		}
		if (!categories.isEmpty()) {
			text.append("，其中").append(String.join("、", categories));
		}
		text.append("；制定整改措施")
			.append(count(totals[MEASURES]))
			.append("条，已完成整改")
			.append(count(totals[COMPLETED]))
			.append('条');
		BigDecimal rate = compared.completionRate();
		if (rate != null) {
			text.append("，整改完成率").append(rate.toPlainString()).append('%');
			BigDecimal change = compared.completionRateChange();
			if (change != null) {
				text.append(change(change));
			}
		}
		text.append('。');
		text.append(research(totals[TOPICS], totals[INSTITUTIONS]));
		if (figures.missingCount() > 0) {
			text.append("未报送单位：").append(String.join("、", figures.missingNames()));
			if (figures.missingCount() > figures.missingNames().size()) {
				text.append("等").append(count(figures.missingCount())).append("个单位");
			}
			text.append('。');
		}
		return text.toString();
	}

	/** 党中央关心关注的问题, 影响制约高质量发展的问题…: the name the campaign's list uses. */
	private static String phrase(TallyColumn category) {
		List<String> names = category.names();
		return (names.size() > 1) ? names.get(1) : category.header();
	}

	private static String change(BigDecimal points) {
		int sign = points.signum();
		if (sign == 0) {
			return "，与上期持平";
		}
		String amount = points.abs().stripTrailingZeros().toPlainString();
		return ((sign > 0) ? "，较上期提高" : "，较上期下降") + amount + "个百分点";
	}

	private static String research(long topics, long institutions) {
		List<String> parts = new ArrayList<>();
		if (topics > 0) {
			parts.add("确定调研课题" + count(topics) + "个");
		}
		if (institutions > 0) {
			parts.add("建章立制" + count(institutions) + "项");
		}
		return parts.isEmpty() ? "" : "共" + String.join("，", parts) + "。";
	}

	/** 1,234: with thousands separators, whatever the machine's locale. */
	static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

}
