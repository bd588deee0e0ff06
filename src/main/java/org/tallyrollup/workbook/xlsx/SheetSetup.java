package org.tallyrollup.workbook.xlsx;

/**
 * How a sheet is laid out and printed. Every sheet prints on A4 landscape, one page wide,
 * centred, with the repeated rows on top of every page.
 *
 * @param columnWidths the width of each column, in characters
 * @param frozenColumns the columns that stay put when scrolling sideways
 * @param frozenRows the rows that stay put when scrolling down
 * @param outlineLevels the deepest row outline level the sheet uses, 0 for none
 * @param summaryAbove whether an outline's summary row is above its group (Excel's
 * default is below)
 * @param repeatedRows the rows printed on top of every page, 0 for none
 * @param centreFooter the centre of the page footer in Excel's codes ({@code &P} page,
 * {@code &N} pages), {@code null} for none
 */
public record SheetSetup(int[] columnWidths, int frozenColumns, int frozenRows, int outlineLevels, boolean summaryAbove,
		int repeatedRows, String centreFooter) {

	public SheetSetup {
		columnWidths = columnWidths.clone();
		if (outlineLevels < 0 || outlineLevels > 7) {
			throw new IllegalArgumentException("Excel has outline levels 0 to 7: " + outlineLevels);
		}
	}

	@Override
	public int[] columnWidths() {
		return this.columnWidths.clone();
	}

}
