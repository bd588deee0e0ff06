package org.tallyrollup.sheet;

/**
 * A sheet of a spreadsheet file: its 0-based position in the workbook, its name, whether
 * it is hidden and what kind of sheet it is. A CSV file has one sheet named after the
 * file.
 */
public record SheetInfo(int index, String name, boolean hidden, Kind kind) {

	/** A worksheet. */
	public SheetInfo(int index, String name, boolean hidden) {
		this(index, name, hidden, Kind.WORKSHEET);
	}

	/** Whether the sheet can hold a tally: a visible worksheet. */
	public boolean readable() {
		return !this.hidden && this.kind == Kind.WORKSHEET;
	}

	/**
	 * Why the sheet is not read as data, in the words of the run information; null if it
	 * is read.
	 */
	public String notReadReason() {
		if (this.kind != Kind.WORKSHEET) {
			return this.kind.reason;
		}
		return this.hidden ? "隐藏的工作表，未读取" : null;
	}

	/** What a sheet of a workbook is. */
	public enum Kind {

		/** A sheet of cells. */
		WORKSHEET(null),

		/** A sheet holding one chart and no cells. */
		CHART("图表工作表，不含数据，未读取"),

		/** An Excel 4.0 macro sheet (or a VBA module sheet). */
		MACRO("宏表，未读取"),

		/** An Excel 5.0 dialog sheet. */
		DIALOG("对话框工作表，未读取"),

		/** A sheet the workbook names but whose part the file does not contain. */
		MISSING("工作簿中列出了这张工作表，但文件中没有它的内容，未读取");

		private final String reason;

		Kind(String reason) {
			this.reason = reason;
		}

	}

}
