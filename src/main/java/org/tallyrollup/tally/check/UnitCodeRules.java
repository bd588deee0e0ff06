package org.tallyrollup.tally.check;

import java.util.List;

import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.tally.TallyRecord;

/** R1 (单位编码 blank on a data row) and R2 (单位编码 not in the registry). */
final class UnitCodeRules implements RowRule {

	@Override
	public List<Finding> check(TallyRecord record, CheckContext context) {
		String column = TallyColumn.UNIT_CODE.header();
		if (record.unitCode().isEmpty()) {
			String who = (record.unitName() != null && !record.unitName().isEmpty())
					? "（单位名称“" + record.unitName() + "”）" : "";
			return List.of(Findings.of(Rule.R1, record, column, "", "数据行的单位编码为空" + who));
		}
		if (context.registry().indexOf(record.unitCode()) < 0) {
			return List
				.of(Findings.of(Rule.R2, record, column, record.unitCode(), "单位编码“" + record.unitCode() + "”不在单位名册中"));
		}
		return List.of();
	}

}
