package org.tallyrollup.workbook;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

/**
 * The fonts and cell styles of the consolidated workbook, created once per workbook
 * (Excel allows about 64,000 styles, so none may be created per row): 宋体 11 for the body,
 * bold headers on a light fill, 黑体 16 for titles, thin borders around every table cell so
 * that the printed page reads as a table.
 */
final class WorkbookStyles {

	static final String BODY_FONT = "宋体";

	static final String TITLE_FONT = "黑体";

	static final short BODY_POINTS = 11;

	static final short TITLE_POINTS = 16;

	/** Excel offers indents up to 15 in its dialog; deeper units stay at 15. */
	static final int MAX_INDENT = 15;

	static final String COUNT_FORMAT = "#,##0";

	static final String RATE_FORMAT = "0.00%";

	/** A change of a count, signed: +12, -3, 0. */
	static final String CHANGE_FORMAT = "+#,##0;-#,##0;0";

	/** A change of a rate in percentage points, signed: +5.20, -0.35, 0.00. */
	static final String POINTS_FORMAT = "+0.00;-0.00;0.00";

	/** GB2312, so that Excel picks the Chinese glyphs of the font. */
	private static final int CHINESE_CHARSET = 134;

	private final Workbook workbook;

	private final Font bodyFont;

	private final Font boldFont;

	final CellStyle title;

	final CellStyle header;

	final CellStyle caption;

	final CellStyle text;

	final CellStyle wrappedText;

	final CellStyle boldText;

	final CellStyle boldWrappedText;

	final CellStyle centred;

	final CellStyle count;

	final CellStyle boldCount;

	final CellStyle leftCount;

	final CellStyle integer;

	final CellStyle rate;

	final CellStyle boldRate;

	final CellStyle change;

	final CellStyle boldChange;

	final CellStyle points;

	final CellStyle boldPoints;

	final CellStyle error;

	final CellStyle warning;

	private final Map<Integer, CellStyle> indented = new HashMap<>();

	WorkbookStyles(Workbook workbook) {
		this.workbook = workbook;
		// The default font (index 0) is what blank rows and cells are measured with.
		this.bodyFont = workbook.getFontAt(0);
		this.bodyFont.setFontName(BODY_FONT);
		this.bodyFont.setFontHeightInPoints(BODY_POINTS);
		this.bodyFont.setCharSet(CHINESE_CHARSET);
		this.boldFont = font(BODY_FONT, BODY_POINTS, true);
		short countFormat = workbook.createDataFormat().getFormat(COUNT_FORMAT);
		short rateFormat = workbook.createDataFormat().getFormat(RATE_FORMAT);
		short integerFormat = workbook.createDataFormat().getFormat("0");

		this.title = workbook.createCellStyle();
		this.title.setFont(font(TITLE_FONT, TITLE_POINTS, false));
		this.title.setAlignment(HorizontalAlignment.CENTER);
		this.title.setVerticalAlignment(VerticalAlignment.CENTER);

		this.header = bordered(HorizontalAlignment.CENTER);
		this.header.setFont(this.boldFont);
		this.header.setWrapText(true);
		fill(this.header, 0xD9E1F2);

		this.caption = workbook.createCellStyle();
		this.caption.setFont(this.boldFont);
		this.caption.setVerticalAlignment(VerticalAlignment.CENTER);

		this.text = bordered(HorizontalAlignment.LEFT);
		this.wrappedText = bordered(HorizontalAlignment.LEFT);
		this.wrappedText.setWrapText(true);
		this.boldText = bordered(HorizontalAlignment.LEFT);
		this.boldText.setFont(this.boldFont);
		this.boldWrappedText = bordered(HorizontalAlignment.LEFT);
		this.boldWrappedText.setFont(this.boldFont);
		this.boldWrappedText.setWrapText(true);
		this.centred = bordered(HorizontalAlignment.CENTER);
		this.centred.setDataFormat(integerFormat);

		this.count = bordered(HorizontalAlignment.RIGHT);
		this.count.setDataFormat(countFormat);
		this.boldCount = bordered(HorizontalAlignment.RIGHT);
		this.boldCount.setDataFormat(countFormat);
		this.boldCount.setFont(this.boldFont);
		this.leftCount = bordered(HorizontalAlignment.LEFT);
		this.leftCount.setDataFormat(countFormat);
		this.integer = bordered(HorizontalAlignment.RIGHT);
		this.integer.setDataFormat(integerFormat);

		this.rate = bordered(HorizontalAlignment.RIGHT);
		this.rate.setDataFormat(rateFormat);
		this.boldRate = bordered(HorizontalAlignment.RIGHT);
		this.boldRate.setDataFormat(rateFormat);
		this.boldRate.setFont(this.boldFont);

		short changeFormat = workbook.createDataFormat().getFormat(CHANGE_FORMAT);
		short pointsFormat = workbook.createDataFormat().getFormat(POINTS_FORMAT);
		this.change = bordered(HorizontalAlignment.RIGHT);
		this.change.setDataFormat(changeFormat);
		this.boldChange = bordered(HorizontalAlignment.RIGHT);
		this.boldChange.setDataFormat(changeFormat);
		this.boldChange.setFont(this.boldFont);
		this.points = bordered(HorizontalAlignment.RIGHT);
		this.points.setDataFormat(pointsFormat);
		this.boldPoints = bordered(HorizontalAlignment.RIGHT);
		this.boldPoints.setDataFormat(pointsFormat);
		this.boldPoints.setFont(this.boldFont);

		// Excel's own "Bad" and "Neutral" colours: they print legibly in grey too.
		this.error = bordered(HorizontalAlignment.CENTER);
		this.error.setFont(coloured(0x9C0006));
		fill(this.error, 0xFFC7CE);
		this.warning = bordered(HorizontalAlignment.CENTER);
		this.warning.setFont(coloured(0x9C5700));
		fill(this.warning, 0xFFEB9C);
	}

	/** The style of a name indented {@code indent} steps (a unit's level - 1). */
	CellStyle indented(int indent) {
		int steps = Math.max(0, Math.min(indent, MAX_INDENT));
		if (steps == 0) {
			return this.wrappedText;
		}
		return this.indented.computeIfAbsent(steps, (n) -> {
			CellStyle style = bordered(HorizontalAlignment.LEFT);
			style.setWrapText(true);
			style.setIndention(n.shortValue());
			return style;
		});
	}

	private CellStyle bordered(HorizontalAlignment alignment) {
		CellStyle style = this.workbook.createCellStyle();
		style.setFont(this.bodyFont);
		style.setAlignment(alignment);
		style.setVerticalAlignment(VerticalAlignment.CENTER);
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		return style;
	}

	private Font font(String name, short points, boolean bold) {
		Font font = this.workbook.createFont();
		font.setFontName(name);
		font.setFontHeightInPoints(points);
		font.setBold(bold);
		font.setCharSet(CHINESE_CHARSET);
		return font;
	}

	private Font coloured(int rgb) {
		XSSFFont font = (XSSFFont) font(BODY_FONT, BODY_POINTS, false);
		font.setColor(color(rgb));
		return font;
	}

	private static void fill(CellStyle style, int rgb) {
		((XSSFCellStyle) style).setFillForegroundColor(color(rgb));
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
	}

	private static XSSFColor color(int rgb) {
		return new XSSFColor(new byte[] { (byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb }, null);
	}

}
