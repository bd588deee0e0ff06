package org.tallyrollup.tally.check;

import java.util.ArrayList;
import java.util.List;

import org.tallyrollup.tally.CountValue;
import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.tally.TallyRecord;

/** R3: every count cell present must be a non-negative integer; one finding per cell. */
final class CountRules implements RowRule {

	@Override
	public List<Finding> check(TallyRecord record, CheckContext context) {
		List<Finding> findings = new ArrayList<>(0);
		for (TallyColumn column : TallyColumn.COUNTS) {
			CountValue cell = record.counts()[column.countIndex()];
			if (cell != null && !cell.valid()) {
				findings.add(Findings.of(Rule.R3, record, column.header(), cell.raw(),
						column.header() + "“" + cell.raw() + "”不是非负整数"));
			}
		}
		return findings;
	}

}
