package org.tallyrollup.tally.check;

import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.tally.TallyRecord;

/** Builds a finding about a data row. */
final class Findings {

	private Findings() {
	}

	static Finding of(Rule rule, TallyRecord record, String column, String raw, String message) {
		return new Finding(rule, record.source().file(), record.source().sheet(), record.source().row(),
				record.unitCode().isEmpty() ? null : record.unitCode(), column, raw, message);
	}

}
