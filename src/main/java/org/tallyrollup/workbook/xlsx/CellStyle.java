package org.tallyrollup.workbook.xlsx;

/**
 * How a cell looks. Made with {@link #of(Font)} and the {@code with…} methods, and
 * registered once per workbook with {@link XlsxWriter#style(CellStyle)}, which gives the
 * index cells refer to.
 *
 * @param font the font
 * @param fillRgb a solid fill colour as {@code 0xRRGGBB}, or {@code null} for none
 * @param bordered whether the cell has a thin border on every side
 * @param horizontal Excel's horizontal alignment ({@code left}, {@code center},
 * {@code right}), or {@code null} for the general one
 * @param vertical Excel's vertical alignment ({@code center}…), or {@code null}
 * @param wrap whether the text wraps
 * @param indent the indent, in Excel's steps
 * @param format the number format, {@code null} for General
 */
public record CellStyle(Font font, Integer fillRgb, boolean bordered, String horizontal, String vertical, boolean wrap,
		int indent, String format) {

	public static CellStyle of(Font font) {
		return new CellStyle(font, null, false, null, null, false, 0, null);
	}

	public CellStyle withFont(Font font) {
		return new CellStyle(font, this.fillRgb, this.bordered, this.horizontal, this.vertical, this.wrap, this.indent,
				this.format);
	}

	public CellStyle withFill(int rgb) {
		return new CellStyle(this.font, rgb, this.bordered, this.horizontal, this.vertical, this.wrap, this.indent,
				this.format);
	}

	public CellStyle withBorder() {
		return new CellStyle(this.font, this.fillRgb, true, this.horizontal, this.vertical, this.wrap, this.indent,
				this.format);
	}

	public CellStyle withAlignment(String horizontal, String vertical) {
		return new CellStyle(this.font, this.fillRgb, this.bordered, horizontal, vertical, this.wrap, this.indent,
				this.format);
	}

	public CellStyle withWrap() {
		return new CellStyle(this.font, this.fillRgb, this.bordered, this.horizontal, this.vertical, true, this.indent,
				this.format);
	}

	public CellStyle withIndent(int steps) {
		return new CellStyle(this.font, this.fillRgb, this.bordered, this.horizontal, this.vertical, this.wrap, steps,
				this.format);
	}

	public CellStyle withFormat(String numberFormat) {
		return new CellStyle(this.font, this.fillRgb, this.bordered, this.horizontal, this.vertical, this.wrap,
				this.indent, numberFormat);
	}

}
