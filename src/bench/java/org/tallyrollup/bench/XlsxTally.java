package org.tallyrollup.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.tallyrollup.bench.Template.Col;
import org.tallyrollup.tally.TallyColumn;

/**
 * Writes a tally sheet as an .xlsx the way Excel or WPS leaves it, streamed through
 * {@link SXSSFWorkbook} so that a sheet of any length takes little memory.
 */
final class XlsxTally {

	private static final int WINDOW = 200;

	private XlsxTally() {
	}

	/**
	 * @param notes put a 填表说明 sheet (no header: skipped by a job) before the table
	 */
	static void write(TallySheet tally, Path file, boolean notes) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(null, WINDOW, false, true);
		try {
			Styles styles = new Styles(workbook);
			if (notes) {
				Sheet sheet = workbook.createSheet("填表说明");
				List<String> lines = List.of("填表说明", "一、本表按党支部填写本级数据，不含下级党组织。", "二、单位编码以组织部门下发的单位名册为准。",
						"三、六类问题之和应等于检视问题数；已完成整改数不得大于整改措施数。");
				for (int i = 0; i < lines.size(); i++) {
					text(sheet.createRow(i), 0, lines.get(i), styles.plain);
				}
			}
			fill(workbook.createSheet("统计表"), tally, styles);
			if (notes) {
				workbook.setActiveSheet(1);
			}
			Files.createDirectories(file.getParent());
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
		finally {
			workbook.dispose();
			workbook.close();
		}
	}

	private static void fill(Sheet sheet, TallySheet tally, Styles styles) {
		Template template = tally.template();
		List<Col> columns = template.columns();
		int width = columns.size();
		int r = 0;
		if (template.titled()) {
			Row title = sheet.createRow(r);
			title.setHeightInPoints(30);
			text(title, 0, tally.title(), styles.title);
			sheet.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
			r++;
			text(sheet.createRow(r++), 0, "填报单位：" + tally.sender() + "    填报日期：2024年6月7日", styles.plain);
			if (template.twoRowHeader()) {
				text(sheet.createRow(r++), width - 1, "单位：个", styles.plain);
			}
		}
		r = header(sheet, template, r, styles);
		int firstData = r;
		int seq = 1;
		for (TallyRow data : tally.rows()) {
			Row row = sheet.createRow(r++);
			for (int c = 0; c < width; c++) {
				TallyColumn column = columns.get(c).column();
				if (column == null) {
					number(row, c, seq++, styles.number);
				}
				else if (column.isCount() && data.readable(column) && !data.text(column).isEmpty()) {
					number(row, c, data.count(column), styles.number);
				}
				else {
					text(row, c, data.text(column), styles.text);
				}
			}
		}
		int lastData = r - 1;
		if (template.totals()) {
			totals(sheet.createRow(r++), tally, firstData, lastData, styles);
			sheet.addMergedRegion(new CellRangeAddress(r - 1, r - 1, 0, 2));
		}
		if (!template.footer().isEmpty()) {
			r++;
			for (String line : template.footer()) {
				text(sheet.createRow(r++), 0, line, styles.plain);
			}
		}
		for (int c = 0; c < width; c++) {
			TallyColumn column = columns.get(c).column();
			int chars = (column == TallyColumn.UNIT_NAME) ? 30 : (column == TallyColumn.REMARKS) ? 24 : 11;
			sheet.setColumnWidth(c, chars * 256);
		}
		sheet.createFreezePane(0, firstData);
	}

	private static int header(Sheet sheet, Template template, int first, Styles styles) {
		List<Col> columns = template.columns();
		int r = first;
		Row upper = sheet.createRow(r++);
		upper.setHeightInPoints(32);
		Row lower = template.twoRowHeader() ? sheet.createRow(r++) : null;
		for (int c = 0; c < columns.size(); c++) {
			Col col = columns.get(c);
			text(upper, c, col.upper(), styles.header);
			if (lower != null) {
				text(lower, c, (col.lower() != null) ? col.lower() : "", styles.header);
				if (col.lower() == null) {
					sheet.addMergedRegion(new CellRangeAddress(first, first + 1, c, c));
				}
			}
		}
		if (lower != null) {
			int start = -1;
			for (int c = 0; c <= columns.size(); c++) {
				boolean inside = c < columns.size() && columns.get(c).lower() != null
						&& columns.get(c).upper().isEmpty();
				if (!inside) {
					if (start >= 0 && c - 1 > start) {
						sheet.addMergedRegion(new CellRangeAddress(first, first, start, c - 1));
					}
					start = (c < columns.size() && columns.get(c).lower() != null) ? c : -1;
				}
			}
		}
		if (template.columnNumbers()) {
			Row numbers = sheet.createRow(r++);
			String[] letters = { "甲", "乙", "丙" };
			int n = 1;
			for (int c = 0; c < columns.size(); c++) {
				if (c < letters.length) {
					text(numbers, c, letters[c], styles.header);
				}
				else if (columns.get(c).column() == TallyColumn.REMARKS) {
					text(numbers, c, "", styles.header);
				}
				else {
					number(numbers, c, n++, styles.header);
				}
			}
		}
		return r;
	}

	private static void totals(Row row, TallySheet tally, int firstData, int lastData, Styles styles) {
		long[] sums = tally.totals();
		List<Col> columns = tally.template().columns();
		text(row, 0, "合计", styles.header);
		text(row, 1, "", styles.header);
		text(row, 2, "", styles.header);
		for (int c = 3; c < columns.size(); c++) {
			TallyColumn column = columns.get(c).column();
			if (column == null || !column.isCount()) {
				text(row, c, "", styles.header);
				continue;
			}
			long sum = sums[column.countIndex()];
			Cell cell = row.createCell(c);
			if (tally.staleTotal() && column == TallyColumn.COMPLETED) {
				cell.setCellValue(sum);
			}
			else {
				String letter = CellReference.convertNumToColString(c);
				cell.setCellFormula("SUM(" + letter + (firstData + 1) + ":" + letter + (lastData + 1) + ")");
				cell.setCellValue(sum);
			}
			cell.setCellStyle(styles.number);
		}
	}

	static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		if (value != null && !value.isEmpty()) {
			cell.setCellValue(value);
		}
		cell.setCellStyle(style);
	}

	static void number(Row row, int column, long value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	/** The few styles a clerk's sheet has. */
	static final class Styles {

		final CellStyle title;

		final CellStyle plain;

		final CellStyle header;

		final CellStyle text;

		final CellStyle number;

		Styles(Workbook workbook) {
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 16);
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.title = workbook.createCellStyle();
			this.title.setFont(big);
			this.title.setAlignment(HorizontalAlignment.CENTER);
			this.plain = workbook.createCellStyle();
			this.header = bordered(workbook);
			this.header.setFont(bold);
			this.header.setAlignment(HorizontalAlignment.CENTER);
			this.header.setWrapText(true);
			this.text = bordered(workbook);
			this.number = bordered(workbook);
			this.number.setDataFormat(workbook.createDataFormat().getFormat("0"));
		}

		private static CellStyle bordered(Workbook workbook) {
			CellStyle style = workbook.createCellStyle();
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			style.setVerticalAlignment(VerticalAlignment.CENTER);
			return style;
		}

	}

}
