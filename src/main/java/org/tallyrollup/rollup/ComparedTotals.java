package org.tallyrollup.rollup;

import java.math.BigDecimal;
import java.util.List;

import org.tallyrollup.tally.TallyColumn;

/**
 * A unit's totals beside its totals in the run it is compared with (较上期): the latest
 * completed run of the previous period.
 *
 * @param totals this run's totals
 * @param previous the compared run's totals of the same unit, indexed as
 * {@link TallyColumn#COUNTS}; {@code null} where there is no previous period or the unit
 * was not in it
 */
public record ComparedTotals(UnitTotals totals, long[] previous) {

	/** The counts whose change is shown, before the change of 整改完成率. */
	public static final List<TallyColumn> COMPARED = List.of(TallyColumn.ISSUES_FOUND, TallyColumn.MEASURES,
			TallyColumn.COMPLETED);

	private static final int COMPLETED = TallyColumn.COMPLETED.countIndex();

	private static final int MEASURES = TallyColumn.MEASURES.countIndex();

	public boolean hasPrevious() {
		return this.previous != null;
	}

	/** This total less the previous one, {@code null} without a previous one. */
	public Long change(TallyColumn column) {
		int index = column.countIndex();
		return hasPrevious() ? this.totals.totals()[index] - this.previous[index] : null;
	}

	/** 整改完成率 in percent with two decimals, {@code null} without measures. */
	public BigDecimal completionRate() {
		return Rates.percent(this.totals.totals()[COMPLETED], this.totals.totals()[MEASURES]);
	}

	/**
	 * The previous 整改完成率 in percent with two decimals, {@code null} without a previous
	 * run or without measures then.
	 */
	public BigDecimal previousCompletionRate() {
		return hasPrevious() ? Rates.percent(this.previous[COMPLETED], this.previous[MEASURES]) : null;
	}

	/**
	 * The change of 整改完成率 in percentage points, between the two rates as shown (so that
	 * it agrees with what the two periods' reports said); {@code null} where either rate
	 * is blank.
	 */
	public BigDecimal completionRateChange() {
		BigDecimal now = completionRate();
		BigDecimal then = previousCompletionRate();
		return (now == null || then == null) ? null : now.subtract(then);
	}

}
