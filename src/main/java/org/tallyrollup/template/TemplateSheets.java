package org.tallyrollup.template;

/**
 * The sheets of the 填报模板 this program writes, shared with the reader, which recognises a
 * filled template by the marker line of its {@link #GUIDE} sheet.
 */
public final class TemplateSheets {

	/** The sheet the units' figures are typed into. */
	public static final String DATA = "统计表";

	/** The instructions; it has no header, so a run skips it. */
	public static final String GUIDE = "填表说明";

	/** The 项目 of the marker line of {@link #GUIDE}. */
	public static final String MARKER_ITEM = "生成程序";

	/** The 内容 of the marker line. */
	public static final String MARKER = "tally-rollup 填报模板";

	/** The marker is near the top of {@link #GUIDE}: rows looked at for it. */
	public static final int MARKER_SEARCH_ROWS = 40;

	private TemplateSheets() {
	}

}
