package org.tallyrollup.tally.check;

import java.util.ArrayList;
import java.util.List;

import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.tally.TallyRecord;

/**
 * R5: where the sheet has one or more category columns, the sum of those it has must
 * equal 检视问题数 (checked when all of them can be read; a blank category cell counts as 0).
 */
final class CategoryRule implements RowRule {

	@Override
	public List<Finding> check(TallyRecord record, CheckContext context) {
		List<TallyColumn> present = new ArrayList<>();
		for (TallyColumn category : TallyColumn.CATEGORIES) {
			if (record.has(category)) {
				present.add(category);
			}
		}
		if (present.isEmpty() || !record.readable(TallyColumn.ISSUES_FOUND)
				|| !present.stream().allMatch(record::readable)) {
			return List.of();
		}
		long sum = present.stream().mapToLong(record::value).sum();
		long issues = record.value(TallyColumn.ISSUES_FOUND);
		if (sum == issues) {
			return List.of();
		}
		return List.of(Findings.of(Rule.R5, record, TallyColumn.ISSUES_FOUND.header(), String.valueOf(issues),
				"各类问题数之和为" + sum + "，与检视问题数" + issues + "不符"));
	}

}
