package org.tallyrollup.tally.check;

import java.util.List;

import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.tally.TallyRecord;

/** R4: 已完成整改数 must not exceed 整改措施数 (checked when both can be read). */
final class CompletionRule implements RowRule {

	@Override
	public List<Finding> check(TallyRecord record, CheckContext context) {
		if (!record.readable(TallyColumn.COMPLETED) || !record.readable(TallyColumn.MEASURES)) {
			return List.of();
		}
		long completed = record.value(TallyColumn.COMPLETED);
		long measures = record.value(TallyColumn.MEASURES);
		if (completed <= measures) {
			return List.of();
		}
		return List.of(Findings.of(Rule.R4, record, TallyColumn.COMPLETED.header(), String.valueOf(completed),
				"已完成整改数" + completed + "大于整改措施数" + measures));
	}

}
