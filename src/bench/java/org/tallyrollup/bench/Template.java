package org.tallyrollup.bench;

import java.util.ArrayList;
import java.util.List;

import org.tallyrollup.tally.TallyColumn;

/**
 * The layout of one kind of tally sheet the sub-units send: its columns (by the names a
 * clerk uses), the lines above and below the table, and whether a 合计 row closes it.
 *
 * @param id a short name for the manifest
 * @param columns the columns, left to right
 * @param twoRowHeader a group row (检视问题, 调研) above the column names
 * @param columnNumbers a 栏次 row (甲, 乙, 1, 2…) under the header
 * @param titled a merged title and a 填报单位 line above the header
 * @param totals a 合计 row under the data
 * @param footer lines under the table (填报人…), after one blank row
 */
record Template(String id, List<Col> columns, boolean twoRowHeader, boolean columnNumbers, boolean titled,
		boolean totals, List<String> footer) {

	/** Two-row header with the six categories under 检视问题, 栏次 row, 合计 with formulas. */
	static final Template GROUPED = new Template("grouped", List.of(Col.seq("序号"),
			Col.of("单位编码", TallyColumn.UNIT_CODE), Col.of("单位名称", TallyColumn.UNIT_NAME),
			Col.of("党支部数（个）", TallyColumn.BRANCHES), Col.of("党员数（人）", TallyColumn.MEMBERS),
			Col.grouped("检视问题", "检视问题数", TallyColumn.ISSUES_FOUND),
			Col.grouped("", "党中央关心关注问题数", TallyColumn.CAT_CENTRAL),
			Col.grouped("", "制约高质量发展问题数", TallyColumn.CAT_DEVELOPMENT),
			Col.grouped("", "群众急难愁盼问题数", TallyColumn.CAT_PEOPLE), Col.grouped("", "防范化解重大风险问题数", TallyColumn.CAT_RISK),
			Col.grouped("", "全面从严治党问题数", TallyColumn.CAT_DISCIPLINE), Col.grouped("", "其他问题数", TallyColumn.CAT_OTHER),
			Col.grouped("调研", "课题数", TallyColumn.RESEARCH_TOPICS), Col.of("整改措施数（条）", TallyColumn.MEASURES),
			Col.of("已完成整改数（条）", TallyColumn.COMPLETED), Col.of("建章立制数（项）", TallyColumn.INSTITUTIONS),
			Col.of("备注", TallyColumn.REMARKS)), true, true, true, true,
			List.of("填报人：张伟    联系电话：13812345678", "审核人：李娜"));

	/** The plain sheet most units keep: required columns and 党员数 only. */
	static final Template SIMPLE = new Template("simple",
			List.of(Col.seq("序号"), Col.of("单位编码", TallyColumn.UNIT_CODE), Col.of("单位名称", TallyColumn.UNIT_NAME),
					Col.of("党支部数", TallyColumn.BRANCHES), Col.of("党员数", TallyColumn.MEMBERS),
					Col.of("检视问题数", TallyColumn.ISSUES_FOUND), Col.of("整改措施数", TallyColumn.MEASURES),
					Col.of("已完成整改数", TallyColumn.COMPLETED), Col.of("备注", TallyColumn.REMARKS)),
			false, false, true, true, List.of("填报人：王芳　审核人：刘强　联系电话：13700000000"));

	/** Older names for every column, as a system that kept last campaign's sheet has. */
	static final Template ALIASES = new Template("aliases",
			List.of(Col.seq("序号"), Col.of("编码", TallyColumn.UNIT_CODE), Col.of("名称", TallyColumn.UNIT_NAME),
					Col.of("支部数", TallyColumn.BRANCHES), Col.of("党员人数", TallyColumn.MEMBERS),
					Col.of("查摆问题数", TallyColumn.ISSUES_FOUND), Col.of("党中央关心关注的问题", TallyColumn.CAT_CENTRAL),
					Col.of("影响制约高质量发展的问题", TallyColumn.CAT_DEVELOPMENT), Col.of("人民群众急难愁盼的问题", TallyColumn.CAT_PEOPLE),
					Col.of("防范化解重大风险中的问题", TallyColumn.CAT_RISK), Col.of("全面从严治党中的问题", TallyColumn.CAT_DISCIPLINE),
					Col.of("其他问题", TallyColumn.CAT_OTHER), Col.of("措施数", TallyColumn.MEASURES),
					Col.of("已完成数", TallyColumn.COMPLETED), Col.of("调研课题", TallyColumn.RESEARCH_TOPICS),
					Col.of("建章立制", TallyColumn.INSTITUTIONS), Col.of("备注", TallyColumn.REMARKS)),
			false, false, false, false, List.of());

	/** What a reporting system exports: canonical names, a 报告期 column, nothing else. */
	static final Template EXPORT = new Template("export", exportColumns(), false, false, false, false, List.of());

	/** The legacy .xls: older names, a typed 合计, a footer. */
	static final Template LEGACY = new Template("legacy", ALIASES.columns, false, false, true, true,
			List.of("填表人：陈红　　联系电话：13912345678"));

	/** A late file re-sending a few rows (补报). */
	static final Template LATE = new Template("late", SIMPLE.columns, false, false, true, false, List.of());

	private static List<Col> exportColumns() {
		List<Col> columns = new ArrayList<>();
		columns.add(Col.of("报告期", TallyColumn.PERIOD));
		columns.add(Col.of("单位编码", TallyColumn.UNIT_CODE));
		columns.add(Col.of("单位名称", TallyColumn.UNIT_NAME));
		for (TallyColumn column : List.of(TallyColumn.BRANCHES, TallyColumn.MEMBERS, TallyColumn.ISSUES_FOUND,
				TallyColumn.CAT_CENTRAL, TallyColumn.CAT_DEVELOPMENT, TallyColumn.CAT_PEOPLE, TallyColumn.CAT_RISK,
				TallyColumn.CAT_DISCIPLINE, TallyColumn.CAT_OTHER, TallyColumn.MEASURES, TallyColumn.COMPLETED,
				TallyColumn.RESEARCH_TOPICS, TallyColumn.INSTITUTIONS, TallyColumn.REMARKS)) {
			columns.add(Col.of(column.header(), column));
		}
		return List.copyOf(columns);
	}

	boolean has(TallyColumn column) {
		return this.columns.stream().anyMatch((col) -> col.column() == column);
	}

	/** Rows under the data a job counts as skipped: 合计, a blank row, the footer. */
	int skippedRows() {
		return (this.totals ? 1 : 0) + (this.footer.isEmpty() ? 0 : 1 + this.footer.size());
	}

	/**
	 * A column.
	 *
	 * @param upper the header text, or the group cell above it ({@code ""}: inside the
	 * group to the left)
	 * @param lower the column's name under a group, {@code null} for a one-row header or
	 * a cell merged down
	 * @param column what it holds, {@code null} for 序号
	 */
	record Col(String upper, String lower, TallyColumn column) {

		static Col of(String header, TallyColumn column) {
			return new Col(header, null, column);
		}

		static Col seq(String header) {
			return new Col(header, null, null);
		}

		static Col grouped(String group, String name, TallyColumn column) {
			return new Col(group, name, column);
		}

	}

}
