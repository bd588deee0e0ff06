package org.tallyrollup.bench;

import org.tallyrollup.tally.TallyColumn;

/**
 * One data row as the generator means it: the figures of {@link TallyColumn#COUNTS}, and
 * at most one cell typed as text a job cannot read.
 *
 * @param code 单位编码 as typed (blank, or a typo, in a planted fault)
 * @param name 单位名称 as typed
 * @param period 报告期 as typed (blank allowed)
 * @param counts the figures, in {@link TallyColumn#COUNTS} order
 * @param blankMembers 党员数 left blank (a unit's own row)
 * @param remarks 备注
 * @param badColumn the column whose cell is {@code badText} instead of its figure
 * @param badText what the clerk typed there
 */
record TallyRow(String code, String name, String period, long[] counts, boolean blankMembers, String remarks,
		TallyColumn badColumn, String badText) {

	long count(TallyColumn column) {
		return this.counts[column.countIndex()];
	}

	/** Whether a job reads this cell as a number. */
	boolean readable(TallyColumn column) {
		return column != this.badColumn;
	}

	/** The cell as text: a figure, blank, or the bad text. */
	String text(TallyColumn column) {
		if (column == this.badColumn) {
			return this.badText;
		}
		return switch (column) {
			case UNIT_CODE -> this.code;
			case UNIT_NAME -> this.name;
			case PERIOD -> this.period;
			case REMARKS -> (this.remarks != null) ? this.remarks : "";
			case MEMBERS -> this.blankMembers ? "" : String.valueOf(count(column));
			default -> String.valueOf(count(column));
		};
	}

	TallyRow withBad(TallyColumn column, String text) {
		return new TallyRow(this.code, this.name, this.period, this.counts, this.blankMembers, this.remarks, column,
				text);
	}

	TallyRow withCode(String newCode, String newName) {
		return new TallyRow(newCode, newName, this.period, this.counts, this.blankMembers, this.remarks, this.badColumn,
				this.badText);
	}

	TallyRow withPeriod(String newPeriod) {
		return new TallyRow(this.code, this.name, newPeriod, this.counts, this.blankMembers, this.remarks,
				this.badColumn, this.badText);
	}

	TallyRow withRemarks(String newRemarks) {
		return new TallyRow(this.code, this.name, this.period, this.counts, this.blankMembers, newRemarks,
				this.badColumn, this.badText);
	}

	TallyRow withCounts(long[] newCounts) {
		return new TallyRow(this.code, this.name, this.period, newCounts, this.blankMembers, this.remarks,
				this.badColumn, this.badText);
	}

}
