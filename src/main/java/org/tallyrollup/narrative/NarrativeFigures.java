package org.tallyrollup.narrative;

import java.util.List;

import org.tallyrollup.rollup.ComparedTotals;

/**
 * What the sentences about a unit are made of: nothing but figures of the run.
 *
 * @param period the period label
 * @param unit the unit's totals, beside the previous period's where there are any
 * @param missingNames the names of the first units of its subtree that must report and
 * did not, in hierarchy order (at most {@link Narrative#MAX_NAMED})
 */
public record NarrativeFigures(String period, ComparedTotals unit, List<String> missingNames) {

	/** How many units of the subtree must report and did not. */
	public long missingCount() {
		return this.unit.totals().expected() - this.unit.totals().reported();
	}

}
