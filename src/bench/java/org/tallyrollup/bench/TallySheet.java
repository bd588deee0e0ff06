package org.tallyrollup.bench;

import java.util.List;

import org.tallyrollup.tally.TallyColumn;

/**
 * What one generated file holds: a table in a template, under a title naming the unit
 * that sent it.
 *
 * @param template the layout
 * @param sender the sending unit's name, for the title and the 填报单位 line
 * @param rows the data rows, top to bottom
 * @param staleTotal the 合计 row's 已完成整改数 was typed before a figure changed (W4)
 */
record TallySheet(Template template, String sender, List<TallyRow> rows, boolean staleTotal) {

	static final String TITLE = "主题教育检视整改进展情况统计表";

	String title() {
		return this.sender + TITLE;
	}

	/** The 合计 row's figures: the sum of each column's readable cells, as Excel's SUM. */
	long[] totals() {
		long[] sums = new long[TallyColumn.COUNTS.size()];
		for (TallyRow row : this.rows) {
			for (TallyColumn column : TallyColumn.COUNTS) {
				if (row.readable(column)) {
					sums[column.countIndex()] += row.count(column);
				}
			}
		}
		if (this.staleTotal) {
			sums[TallyColumn.COMPLETED.countIndex()] += 2;
		}
		return sums;
	}

	/** The lines a job counts as skipped. */
	int skippedRows() {
		return this.template.skippedRows();
	}

}
