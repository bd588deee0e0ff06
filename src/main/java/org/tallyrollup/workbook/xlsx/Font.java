package org.tallyrollup.workbook.xlsx;

/**
 * A font of a cell style.
 *
 * @param name the font's name, 宋体 for example
 * @param points its size in points
 * @param bold whether it is bold
 * @param rgb its colour as {@code 0xRRGGBB}, or {@code null} for the automatic colour
 * @param charset the character set Excel picks glyphs for (134 is GB2312), or 0 for none
 */
public record Font(String name, double points, boolean bold, Integer rgb, int charset) {

	public Font emboldened() {
		return new Font(this.name, this.points, true, this.rgb, this.charset);
	}

	public Font coloured(int colour) {
		return new Font(this.name, this.points, this.bold, colour, this.charset);
	}

}
