package org.tallyrollup.web;

import java.util.List;

import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.tally.TallyColumn;

/**
 * A unit's totals as the page shows them: the main counts and the rates (the workbook has
 * every count).
 *
 * @param code 单位编码
 * @param name 单位名称
 * @param level the level, a root being 1
 * @param counts the totals of {@link #COLUMNS}
 * @param completionRate 整改完成率, e.g. 56.59%, or — without measures
 * @param expected 应报单位数
 * @param reported 已报单位数
 * @param reportingRate 报送率, or — where no unit must report
 */
public record TotalsRow(String code, String name, int level, List<Long> counts, String completionRate, long expected,
		long reported, String reportingRate) {

	/** The counts the page shows. */
	public static final List<TallyColumn> COLUMNS = List.of(TallyColumn.BRANCHES, TallyColumn.MEMBERS,
			TallyColumn.ISSUES_FOUND, TallyColumn.MEASURES, TallyColumn.COMPLETED);

	static TotalsRow of(UnitTotals totals) {
		List<Long> counts = COLUMNS.stream().map((column) -> totals.totals()[column.countIndex()]).toList();
		return new TotalsRow(totals.code(), totals.name(), totals.level(), counts,
				percent(totals.completionRate(TallyColumn.COMPLETED.countIndex(), TallyColumn.MEASURES.countIndex())),
				totals.expected(), totals.reported(), percent(totals.reportingRate()));
	}

	public static List<String> headers() {
		return COLUMNS.stream().map(TallyColumn::header).toList();
	}

	private static String percent(Double rate) {
		return (rate == null) ? "—" : String.format("%.2f%%", rate * 100);
	}

}
