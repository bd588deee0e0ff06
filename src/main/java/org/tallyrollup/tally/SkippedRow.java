package org.tallyrollup.tally;

/**
 * A row below the header that is not data, and why; a totals row that disagrees with the
 * rows above it carries its W4 warning.
 */
public record SkippedRow(RowSource source, Reason reason, Finding warning) implements SheetRow {

	public enum Reason {

		BLANK("空行"), TOTALS("合计行"), FOOTER("表尾说明行"),

		/**
		 * A row of this program's 填报模板 in which no figure was typed: the unit did not
		 * report (its code and name come with the template).
		 */
		UNFILLED("未填写的模板行");

		private final String label;

		Reason(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
