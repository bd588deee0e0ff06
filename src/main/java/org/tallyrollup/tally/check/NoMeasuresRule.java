package org.tallyrollup.tally.check;

import java.util.List;

import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.tally.TallyRecord;

/** W2: issues found but no rectification measure. */
final class NoMeasuresRule implements RowRule {

	@Override
	public List<Finding> check(TallyRecord record, CheckContext context) {
		long issues = record.value(TallyColumn.ISSUES_FOUND);
		if (issues > 0 && record.value(TallyColumn.MEASURES) == 0) {
			return List
				.of(Findings.of(Rule.W2, record, TallyColumn.MEASURES.header(), "0", "检视问题" + issues + "个，但整改措施数为0"));
		}
		return List.of();
	}

}
