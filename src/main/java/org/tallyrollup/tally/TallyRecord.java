package org.tallyrollup.tally;

import java.util.Set;

/**
 * A data row of a tally sheet, cleaned but not yet checked.
 *
 * @param source where the row is
 * @param unitCode the trimmed 单位编码 ({@code ""} when blank)
 * @param unitName the trimmed 单位名称, {@code null} when the sheet has no such column
 * @param period the trimmed 报告期, {@code null} when the sheet has no such column
 * @param counts the count cells indexed as {@link TallyColumn#COUNTS}, {@code null} for a
 * column the sheet does not have
 * @param columns the columns the sheet's header has
 */
public record TallyRecord(RowSource source, String unitCode, String unitName, String period, CountValue[] counts,
		Set<TallyColumn> columns) implements SheetRow {

	public boolean has(TallyColumn column) {
		return this.columns.contains(column);
	}

	/** The count's value, 0 for an absent column or an unreadable cell. */
	public long value(TallyColumn column) {
		CountValue cell = this.counts[column.countIndex()];
		return (cell != null && cell.valid()) ? cell.value() : 0;
	}

	/** Whether the count is absent or readable. */
	public boolean readable(TallyColumn column) {
		CountValue cell = this.counts[column.countIndex()];
		return cell == null || cell.valid();
	}

}
