package org.tallyrollup.tally.check;

import java.util.List;

import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.tally.TallyRecord;
import org.tallyrollup.unit.Unit;

/** W1: a 单位名称 given, not blank, and other than the registry's (after trimming). */
final class NameRule implements RowRule {

	@Override
	public List<Finding> check(TallyRecord record, CheckContext context) {
		String name = record.unitName();
		if (name == null || name.isEmpty()) {
			return List.of();
		}
		Unit unit = context.registry().find(record.unitCode()).orElse(null);
		if (unit == null || unit.name().equals(name)) {
			return List.of();
		}
		return List.of(Findings.of(Rule.W1, record, TallyColumn.UNIT_NAME.header(), name,
				"单位名称“" + name + "”与单位名册中的“" + unit.name() + "”不一致"));
	}

}
