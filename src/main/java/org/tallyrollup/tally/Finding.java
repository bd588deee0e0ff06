package org.tallyrollup.tally;

/**
 * One broken rule: where (file relative to the period folder, sheet, 1-based row), which
 * unit, which column and the raw value, and a message in Chinese. Fields that do not
 * apply (the row of an F1, the column of an R1) are {@code null}.
 */
public record Finding(Rule rule, String file, String sheet, Integer row, String unitCode, String column,
		String rawValue, String message) {

	public static Finding ofFile(Rule rule, String file, String message) {
		return new Finding(rule, file, null, null, null, null, null, message);
	}

	public static Finding ofSheet(Rule rule, String file, String sheet, String message) {
		return new Finding(rule, file, sheet, null, null, null, null, message);
	}

	public Rule.Level level() {
		return this.rule.level();
	}

}
