package org.tallyrollup.tally.check;

import java.util.ArrayList;
import java.util.List;

import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.TallyRecord;
import org.tallyrollup.unit.UnitRegistry;

/**
 * Checks a data row against every rule: errors (R1–R6) reject it, one finding per broken
 * rule; warnings (W1, W2) are looked for only on a row no error rejected.
 */
public final class RowChecker {

	private static final List<RowRule> ERRORS = List.of(new UnitCodeRules(), new CountRules(), new CompletionRule(),
			new CategoryRule(), new PeriodRule());

	private static final List<RowRule> WARNINGS = List.of(new NameRule(), new NoMeasuresRule());

	private final CheckContext context;

	public RowChecker(UnitRegistry registry, String period) {
		this.context = new CheckContext(registry, period);
	}

	public CheckedRow check(TallyRecord record) {
		List<Finding> errors = apply(ERRORS, record);
		if (!errors.isEmpty()) {
			return new CheckedRow(record, false, errors);
		}
		return new CheckedRow(record, true, apply(WARNINGS, record));
	}

	private List<Finding> apply(List<RowRule> rules, TallyRecord record) {
		List<Finding> findings = new ArrayList<>(0);
		for (RowRule rule : rules) {
			findings.addAll(rule.check(record, this.context));
		}
		return findings;
	}

	/** A data row with its verdict and its findings. */
	public record CheckedRow(TallyRecord record, boolean accepted, List<Finding> findings) {

	}

}
