package org.tallyrollup.rollup;

/**
 * A unit's figures after the roll-up: its own row plus all its sub-units', and how many
 * units of its subtree must report and did.
 *
 * @param code 单位编码
 * @param name 单位名称
 * @param level depth in the hierarchy, a root being 1
 * @param parentCode 上级单位编码, {@code null} for a root
 * @param totals the totals, indexed as {@code TallyColumn.COUNTS}
 * @param expected 应报单位数
 * @param reported 已报单位数
 */
public record UnitTotals(String code, String name, int level, String parentCode, long[] totals, long expected,
		long reported) {

	/** 整改完成率 (completed / measures), or {@code null} where there are no measures. */
	public Double completionRate(int completedIndex, int measuresIndex) {
		long measures = this.totals[measuresIndex];
		return (measures == 0) ? null : (double) this.totals[completedIndex] / measures;
	}

	/** 报送率 (reported / expected), or {@code null} where no unit must report. */
	public Double reportingRate() {
		return (this.expected == 0) ? null : (double) this.reported / this.expected;
	}

}
