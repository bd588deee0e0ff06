package org.tallyrollup.web;

import java.math.BigDecimal;
import java.util.List;

import org.tallyrollup.run.PeriodComparisons.RunComparison;
import org.tallyrollup.rollup.ComparedTotals;
import org.tallyrollup.tally.TallyColumn;

/**
 * 较上期 of a run's roots, as the page and {@code GET /api/runs/{id}} show it: the same
 * figures as the workbook's 较上期 columns.
 *
 * @param period the run's period
 * @param previousPeriod the period compared with, {@code null} when there was none
 * @param units the roots
 */
public record ComparisonView(String period, String previousPeriod, List<UnitChange> units) {

	static ComparisonView of(RunComparison comparison) {
		return new ComparisonView(comparison.period(), comparison.previousPeriod(),
				comparison.units().stream().map(UnitChange::of).toList());
	}

	/**
	 * One unit's totals and their changes since the previous period; every change is
	 * {@code null} where the unit has no previous totals.
	 *
	 * @param code 单位编码
	 * @param name 单位名称
	 * @param level the level, a root being 1
	 * @param hasPrevious whether the unit has totals in the compared run
	 * @param issuesFound 检视问题数
	 * @param issuesFoundChange its change
	 * @param measures 整改措施数
	 * @param measuresChange its change
	 * @param completed 已完成整改数
	 * @param completedChange its change
	 * @param completionRate 整改完成率 in percent, {@code null} without measures
	 * @param previousCompletionRate the previous 整改完成率 in percent
	 * @param completionRateChange the change in percentage points
	 */
	public record UnitChange(String code, String name, int level, boolean hasPrevious, long issuesFound,
			Long issuesFoundChange, long measures, Long measuresChange, long completed, Long completedChange,
			BigDecimal completionRate, BigDecimal previousCompletionRate, BigDecimal completionRateChange) {

		static UnitChange of(ComparedTotals unit) {
			long[] totals = unit.totals().totals();
			return new UnitChange(unit.totals().code(), unit.totals().name(), unit.totals().level(), unit.hasPrevious(),
					totals[TallyColumn.ISSUES_FOUND.countIndex()], unit.change(TallyColumn.ISSUES_FOUND),
					totals[TallyColumn.MEASURES.countIndex()], unit.change(TallyColumn.MEASURES),
					totals[TallyColumn.COMPLETED.countIndex()], unit.change(TallyColumn.COMPLETED),
					unit.completionRate(), unit.previousCompletionRate(), unit.completionRateChange());
		}

		/** The changes of 检视问题数, 整改措施数 and 已完成整改数, signed: +12, −3, 0, or —. */
		public List<String> changeTexts() {
			return List.of(signed(this.issuesFoundChange), signed(this.measuresChange), signed(this.completedChange));
		}

		/** 整改完成率 as shown, e.g. 56.59%, or —. */
		public String completionRateText() {
			return (this.completionRate != null) ? this.completionRate.toPlainString() + "%" : "—";
		}

		/** 提高5.2个百分点, 下降0.35个百分点, 持平, or — where either rate is blank. */
		public String completionRateChangeText() {
			if (this.completionRateChange == null) {
				return "—";
			}
			int sign = this.completionRateChange.signum();
			if (sign == 0) {
				return "持平";
			}
			return ((sign > 0) ? "提高" : "下降") + this.completionRateChange.abs().stripTrailingZeros().toPlainString()
					+ "个百分点";
		}

		static String signed(Long change) {
			if (change == null) {
				return "—";
			}
			if (change > 0) {
				return "+" + change;
			}
			return (change < 0) ? "\u2212" + (-change) : "0";
		}

	}

}
