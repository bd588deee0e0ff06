package org.tallyrollup.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.CodePageUtil;
import org.tallyrollup.bench.Template.Col;
import org.tallyrollup.bench.XlsxTally.Styles;
import org.tallyrollup.tally.TallyColumn;

/**
 * Writes a tally sheet as a legacy .xls (Excel 97–2003, what WPS still saves by default
 * on some machines): codes as numbers where they have no leading zero, some counts typed
 * as text with a unit word ("5个"), a typed 合计, and last period's sheet left hidden.
 */
final class XlsTally {

	private XlsTally() {
	}

	/**
	 * @param hiddenCopy add a hidden sheet with the same table (skipped by a job)
	 */
	static void write(TallySheet tally, Path file, boolean hiddenCopy) throws IOException {
		try (HSSFWorkbook workbook = new HSSFWorkbook()) {
			workbook.createInformationProperties();
			workbook.getSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_GBK);
			workbook.getDocumentSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_GBK);
			Styles styles = new Styles(workbook);
			fill(workbook.createSheet("本期"), tally, styles);
			if (hiddenCopy) {
				fill(workbook.createSheet("上期"), tally, styles);
				workbook.setSheetHidden(1, true);
			}
			workbook.setActiveSheet(0);
			Files.createDirectories(file.getParent());
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
	}

	private static void fill(Sheet sheet, TallySheet tally, Styles styles) {
		Template template = tally.template();
		List<Col> columns = template.columns();
		int width = columns.size();
		int r = 0;
		if (template.titled()) {
			XlsxTally.text(sheet.createRow(r), 0, tally.title(), styles.title);
			sheet.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
			r++;
		}
		Row header = sheet.createRow(r++);
		for (int c = 0; c < width; c++) {
			XlsxTally.text(header, c, columns.get(c).upper(), styles.header);
		}
		int seq = 1;
		for (TallyRow data : tally.rows()) {
			Row row = sheet.createRow(r++);
			for (int c = 0; c < width; c++) {
				TallyColumn column = columns.get(c).column();
				String text = (column != null) ? data.text(column) : "";
				if (column == null) {
					XlsxTally.number(row, c, seq++, styles.number);
				}
				else if (column == TallyColumn.UNIT_CODE && isPlainNumber(text)) {
					XlsxTally.number(row, c, Long.parseLong(text), styles.number);
				}
				else if (column.isCount() && data.readable(column) && !text.isEmpty()) {
					long value = data.count(column);
					if ((seq + c) % 11 == 0) {
						XlsxTally.text(row, c, value + (column == TallyColumn.MEASURES ? "条" : "个"), styles.text);
					}
					else {
						XlsxTally.number(row, c, value, styles.number);
					}
				}
				else {
					XlsxTally.text(row, c, text, styles.text);
				}
			}
		}
		if (template.totals()) {
			long[] sums = tally.totals();
			Row row = sheet.createRow(r++);
			XlsxTally.text(row, 0, "合计", styles.header);
			for (int c = 3; c < width; c++) {
				TallyColumn column = columns.get(c).column();
				if (column != null && column.isCount()) {
					XlsxTally.number(row, c, sums[column.countIndex()], styles.number);
				}
			}
		}
		if (!template.footer().isEmpty()) {
			r++;
			for (String line : template.footer()) {
				XlsxTally.text(sheet.createRow(r++), 0, line, styles.plain);
			}
		}
		sheet.setColumnWidth(2, 30 * 256);
	}

	/** Digits that a number cell keeps: no leading zero, and exact as a double. */
	private static boolean isPlainNumber(String code) {
		return !code.isEmpty() && code.length() <= 15 && code.charAt(0) != '0'
				&& code.chars().allMatch(Character::isDigit);
	}

}
