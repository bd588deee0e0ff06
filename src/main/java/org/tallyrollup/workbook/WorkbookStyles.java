package org.tallyrollup.workbook;

import java.util.HashMap;
import java.util.Map;

import org.tallyrollup.workbook.xlsx.CellStyle;
import org.tallyrollup.workbook.xlsx.Font;
import org.tallyrollup.workbook.xlsx.XlsxWriter;

/**
 * The fonts and cell styles of the consolidated workbook, registered once per workbook
 * (Excel allows about 64,000 styles, so none may be made per row): 宋体 11 for the body,
 * bold headers on a light fill, 黑体 16 for titles, thin borders around every table cell so
 * that the printed page reads as a table. Each field is the index cells refer to.
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

	/**
	 * The workbook's default font: what cells without a style, and blank rows, are
	 * measured with.
	 */
	static final Font BODY = new Font(BODY_FONT, BODY_POINTS, false, null, CHINESE_CHARSET);

	private static final Font BOLD = BODY.emboldened();

	private static final Font TITLE = new Font(TITLE_FONT, TITLE_POINTS, false, null, CHINESE_CHARSET);

	private final XlsxWriter workbook;

	final int title;

	final int header;

	final int caption;

	final int text;

	final int wrappedText;

	final int boldText;

	final int boldWrappedText;

	final int centred;

	final int count;

	final int boldCount;

	final int leftCount;

	final int integer;

	final int rate;

	final int boldRate;

	final int change;

	final int boldChange;

	final int points;

	final int boldPoints;

	final int error;

	final int warning;

	private final Map<Integer, Integer> indented = new HashMap<>();

	WorkbookStyles(XlsxWriter workbook) {
		this.workbook = workbook;
		this.title = workbook.style(CellStyle.of(TITLE).withAlignment("center", "center"));
		this.header = workbook.style(bordered("center").withFont(BOLD).withWrap().withFill(0xD9E1F2));
		this.caption = workbook.style(CellStyle.of(BOLD).withAlignment(null, "center"));

		this.text = workbook.style(bordered("left"));
		this.wrappedText = workbook.style(bordered("left").withWrap());
		this.boldText = workbook.style(bordered("left").withFont(BOLD));
		this.boldWrappedText = workbook.style(bordered("left").withFont(BOLD).withWrap());
		this.centred = workbook.style(bordered("center").withFormat("0"));

		this.count = workbook.style(bordered("right").withFormat(COUNT_FORMAT));
		this.boldCount = workbook.style(bordered("right").withFormat(COUNT_FORMAT).withFont(BOLD));
		this.leftCount = workbook.style(bordered("left").withFormat(COUNT_FORMAT));
		this.integer = workbook.style(bordered("right").withFormat("0"));

		this.rate = workbook.style(bordered("right").withFormat(RATE_FORMAT));
		this.boldRate = workbook.style(bordered("right").withFormat(RATE_FORMAT).withFont(BOLD));
		this.change = workbook.style(bordered("right").withFormat(CHANGE_FORMAT));
		this.boldChange = workbook.style(bordered("right").withFormat(CHANGE_FORMAT).withFont(BOLD));
		this.points = workbook.style(bordered("right").withFormat(POINTS_FORMAT));
		this.boldPoints = workbook.style(bordered("right").withFormat(POINTS_FORMAT).withFont(BOLD));

		// Excel's own "Bad" and "Neutral" colours: they print legibly in grey too.
		this.error = workbook.style(bordered("center").withFont(BODY.coloured(0x9C0006)).withFill(0xFFC7CE));
		this.warning = workbook.style(bordered("center").withFont(BODY.coloured(0x9C5700)).withFill(0xFFEB9C));
	}

	/** The style of a name indented {@code indent} steps (a unit's level - 1). */
	int indented(int indent) {
		int steps = Math.max(0, Math.min(indent, MAX_INDENT));
		if (steps == 0) {
			return this.wrappedText;
		}
		return this.indented.computeIfAbsent(steps,
				(n) -> this.workbook.style(bordered("left").withWrap().withIndent(n)));
	}

	private static CellStyle bordered(String alignment) {
		return CellStyle.of(BODY).withBorder().withAlignment(alignment, "center");
	}

}
