package org.tallyrollup.web;

import java.time.LocalDateTime;
import java.util.List;

import org.tallyrollup.narrative.UnitNarrative;
import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.workbook.MissingUnit;

/**
 * What the page shows of one run beyond its {@link RunView}: the totals of the roots and
 * their children, the units that have not reported, the findings grouped by rule (the
 * first rows of each) and the run's executions.
 *
 * @param run the run
 * @param totals the roots and their children, in hierarchy order
 * @param missing units that must report and have no accepted row, the first of them
 * @param missingTotal how many such units there are
 * @param findings the findings by rule
 * @param attempts the run's executions, the latest first
 * @param comparison 较上期 of the roots, {@code null} before the run has rolled up
 * @param narratives the 综述 sentences, empty unless the run completed
 */
public record RunDetails(RunView run, List<TotalsRow> totals, List<MissingUnit> missing, long missingTotal,
		List<FindingGroup> findings, List<Attempt> attempts, ComparisonView comparison,
		List<UnitNarrative> narratives) {

	/** The 综述 as one text to copy: a paragraph per unit. */
	public String narrativeText() {
		return RunService.narrativeText(this.narratives);
	}

	/**
	 * The findings of one rule.
	 *
	 * @param rule the rule
	 * @param count how many findings the rule has
	 * @param first the first of them, in the order of the workbook's 校验问题 sheet
	 */
	public record FindingGroup(Rule rule, long count, List<Finding> first) {

		public long more() {
			return this.count - this.first.size();
		}

	}

	/**
	 * One execution of the run.
	 *
	 * @param executionId the execution
	 * @param statusText its status in Chinese
	 * @param startTime when it started
	 * @param endTime when it ended
	 */
	public record Attempt(long executionId, String statusText, LocalDateTime startTime, LocalDateTime endTime) {
	}

}
