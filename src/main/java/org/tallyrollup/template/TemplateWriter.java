package org.tallyrollup.template;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

import org.tallyrollup.tally.TallyColumn;

/**
 * Writes a 填报模板: a tally sheet with a title, the canonical header (SPEC.md §2.2) and one
 * row per unit that must report, its code, name and period filled in and locked (the
 * sheet is protected without a password; only the count and 备注 cells are open). Count
 * cells carry Excel data validation with an input message: whole numbers from 0, 已完成整改数
 * not above 整改措施数, the categories not above 检视问题数 together (and shown in red while they
 * do not add up to it). A 填表说明 sheet, which has no header and so is skipped by a run,
 * explains the sheet and carries the marker by which a run recognises a filled template.
 */
public final class TemplateWriter {

	/** Rows above the units: the title, the 填报单位 line and the header. */
	static final int HEADER_ROW = 2;

	static final int FIRST_UNIT_ROW = HEADER_ROW + 1;

	private static final int MAX_INDENT = 15;

	private static final String NUMERALS = "一二三四五六七八九十";

	private TemplateWriter() {
	}

	/** The template's columns: code, name, period, the counts shown, 备注. */
	public static List<TallyColumn> columns(boolean categories) {
		List<TallyColumn> columns = new ArrayList<>(
				List.of(TallyColumn.UNIT_CODE, TallyColumn.UNIT_NAME, TallyColumn.PERIOD));
		TallyColumn.COUNTS.stream().filter((c) -> categories || !c.isCategory()).forEach(columns::add);
		columns.add(TallyColumn.REMARKS);
		return columns;
	}

	public static void write(TemplateContent content, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			Styles styles = new Styles(workbook);
			writeData(workbook, styles, content);
			writeGuide(workbook, styles, content);
			workbook.write(out);
		}
		finally {
			workbook.dispose();
			workbook.close();
		}
	}

	private static void writeData(SXSSFWorkbook workbook, Styles styles, TemplateContent content) {
		List<TallyColumn> columns = columns(content.categories());
		SXSSFSheet sheet = workbook.createSheet(TemplateSheets.DATA);
		int last = columns.size() - 1;
		for (int i = 0; i < columns.size(); i++) {
			sheet.setColumnWidth(i, width(columns.get(i)) * 256);
		}
		Row title = sheet.createRow(0);
		title.setHeightInPoints(30);
		cell(title, 0, content.unitName() + "主题教育检视整改进展情况统计表（" + content.period() + "）", styles.title);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
		Row line = sheet.createRow(1);
		cell(line, 0, "填报单位：" + content.unitName() + "（" + content.unitCode() + "）　　报告期：" + content.period()
				+ "　　只在黄色格中填写本单位本级的数字", styles.plain);
		sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
		Row header = sheet.createRow(HEADER_ROW);
		header.setHeightInPoints(45);
		for (int i = 0; i < columns.size(); i++) {
			cell(header, i, columns.get(i).header(), styles.header);
		}
		int rowNo = FIRST_UNIT_ROW;
		for (TemplateUnit unit : content.units()) {
			Row row = sheet.createRow(rowNo++);
			for (int i = 0; i < columns.size(); i++) {
				TallyColumn column = columns.get(i);
				if (column == TallyColumn.UNIT_CODE) {
					cell(row, i, unit.code(), styles.fixed);
				}
				else if (column == TallyColumn.UNIT_NAME) {
					cell(row, i, unit.name(), styles.name(unit.depth()));
				}
				else if (column == TallyColumn.PERIOD) {
					cell(row, i, content.period(), styles.fixed);
				}
				else {
					row.createCell(i).setCellStyle(column.isCount() ? styles.count : styles.remark);
				}
			}
		}
		int lastRow = rowNo - 1;
		if (lastRow >= FIRST_UNIT_ROW) {
			validate(sheet, columns, lastRow);
			highlightCategories(sheet, columns, lastRow);
		}
		sheet.createFreezePane(2, FIRST_UNIT_ROW);
		sheet.setRepeatingRows(new CellRangeAddress(0, HEADER_ROW, -1, -1));
		sheet.setFitToPage(true);
		PrintSetup print = sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setLandscape(true);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.enableLocking();
		sheet.lockFormatColumns(false);
		sheet.lockFormatRows(false);
	}

	/** One validation per column over all the unit rows, relative to its first row. */
	private static void validate(SXSSFSheet sheet, List<TallyColumn> columns, int lastRow) {
		DataValidationHelper helper = sheet.getDataValidationHelper();
		String firstRow = String.valueOf(FIRST_UNIT_ROW + 1);
		String issues = "$" + letter(columns, TallyColumn.ISSUES_FOUND) + firstRow;
		String measures = "$" + letter(columns, TallyColumn.MEASURES) + firstRow;
		List<Integer> categories = new ArrayList<>();
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).isCategory()) {
				categories.add(i);
			}
		}
		String categorySum = categories.isEmpty() ? null
				: "SUM($" + CellReference.convertNumToColString(categories.get(0)) + firstRow + ":$"
						+ CellReference.convertNumToColString(categories.get(categories.size() - 1)) + firstRow + ")";
		for (int i = 0; i < columns.size(); i++) {
			TallyColumn column = columns.get(i);
			if (!column.isCount() || column.isCategory()) {
				continue;
			}
			DataValidationConstraint constraint;
			String message;
			if (column == TallyColumn.COMPLETED) {
				constraint = helper.createIntegerConstraint(OperatorType.BETWEEN, "0", measures);
				message = "填写不大于整改措施数的非负整数（先填整改措施数）。";
			}
			else if (column == TallyColumn.ISSUES_FOUND && categorySum != null) {
				constraint = helper.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, categorySum, null);
				message = "填写非负整数，须等于右侧六类问题数之和（不一致时显示为红色）。";
			}
			else {
				constraint = helper.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
				message = "填写非负整数，没有的填 0。";
			}
			add(sheet, helper, constraint, new CellRangeAddressList(FIRST_UNIT_ROW, lastRow, i, i), column.header(),
					message);
		}
		if (!categories.isEmpty()) {
			String first = CellReference.convertNumToColString(categories.get(0)) + firstRow;
			DataValidationConstraint constraint = helper.createIntegerConstraint(OperatorType.BETWEEN, "0",
					issues + "-" + categorySum + "+" + first);
			add(sheet, helper, constraint, new CellRangeAddressList(FIRST_UNIT_ROW, lastRow, categories.get(0),
					categories.get(categories.size() - 1)), "检视问题分类", "填写非负整数；六类问题数之和须等于检视问题数。");
		}
	}

	private static void add(SXSSFSheet sheet, DataValidationHelper helper, DataValidationConstraint constraint,
			CellRangeAddressList cells, String title, String message) {
		DataValidation validation = helper.createValidation(constraint, cells);
		validation.setEmptyCellAllowed(true);
		validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
		validation.createPromptBox(title, message);
		validation.setShowPromptBox(true);
		validation.createErrorBox("输入有误", title + "：" + message);
		validation.setShowErrorBox(true);
		sheet.addValidationData(validation);
	}

	/** 检视问题数 and the categories turn red while the categories do not add up (R5). */
	private static void highlightCategories(SXSSFSheet sheet, List<TallyColumn> columns, int lastRow) {
		int first = -1;
		int last = -1;
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).isCategory()) {
				first = (first < 0) ? i : first;
				last = i;
			}
		}
		if (first < 0) {
			return;
		}
		int issues = columns.indexOf(TallyColumn.ISSUES_FOUND);
		String row = String.valueOf(FIRST_UNIT_ROW + 1);
		String formula = "SUM($" + CellReference.convertNumToColString(first) + row + ":$"
				+ CellReference.convertNumToColString(last) + row + ")<>SUM($"
				+ CellReference.convertNumToColString(issues) + row + ")";
		SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
		ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(formula);
		PatternFormatting fill = rule.createPatternFormatting();
		fill.setFillBackgroundColor(new XSSFColor(new byte[] { (byte) 0xFF, (byte) 0xC7, (byte) 0xCE }, null));
		fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
		formatting.addConditionalFormatting(
				new CellRangeAddress[] { new CellRangeAddress(FIRST_UNIT_ROW, lastRow, issues, issues),
						new CellRangeAddress(FIRST_UNIT_ROW, lastRow, first, last) },
				rule);
	}

	private static void writeGuide(SXSSFWorkbook workbook, Styles styles, TemplateContent content) {
		SXSSFSheet sheet = workbook.createSheet(TemplateSheets.GUIDE);
		sheet.setColumnWidth(0, 16 * 256);
		sheet.setColumnWidth(1, 90 * 256);
		List<String> lines = new ArrayList<>();
		lines.add("本表由" + content.unitName() + "组织填报，报告期为 " + content.period() + "。表中已列出需报送的单位（共"
				+ content.units().size() + "个），单位编码、单位名称和报告期已经填好，不能改动。");
		lines.add("每行只填该单位本级的数字，不含下级单位（下级单位各占一行，汇总时逐级相加）。");
		lines.add("数字格（黄色）填非负整数，确实没有的填 0。已完成整改数不能大于整改措施数。");
		if (content.categories()) {
			lines.add("六类问题数之和须等于检视问题数；不一致时这几格显示为红色，汇总时该行会被退回（R5）。");
		}
		lines.add("本期没有报送的单位，该行数字格全部留空：汇总时不计入，并列为“未报送”。只要填了一个数字（包括 0），该行就算已报送。");
		lines.add("数字格设有输入检查，输错时会提示；复制粘贴的内容不经检查，粘贴后请核对。");
		lines.add("工作表已保护（没有密码），只能在黄色格中填写；确需改动时，可用“审阅—撤销工作表保护”。");
		lines.add("填好后直接保存为 .xlsx 报送，不要改动表头、工作表名称和本页。");
		Row title = sheet.createRow(0);
		title.setHeightInPoints(30);
		cell(title, 0, TemplateSheets.GUIDE, styles.title);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
		int rowNo = 1;
		for (String text : lines) {
			Row row = sheet.createRow(rowNo);
			row.setHeightInPoints(33);
			cell(row, 0, NUMERALS.charAt(rowNo - 1) + "、" + text, styles.wrapped);
			rowNo++;
			sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, 1));
		}
		rowNo++;
		Row marker = sheet.createRow(rowNo++);
		cell(marker, 0, TemplateSheets.MARKER_ITEM, styles.plain);
		cell(marker, 1, TemplateSheets.MARKER, styles.plain);
		Row unit = sheet.createRow(rowNo++);
		cell(unit, 0, "填报单位", styles.plain);
		cell(unit, 1, content.unitName() + "（" + content.unitCode() + "）", styles.plain);
		Row period = sheet.createRow(rowNo);
		cell(period, 0, "报告期", styles.plain);
		cell(period, 1, content.period(), styles.plain);
	}

	private static String letter(List<TallyColumn> columns, TallyColumn column) {
		return CellReference.convertNumToColString(columns.indexOf(column));
	}

	private static int width(TallyColumn column) {
		return switch (column) {
			case UNIT_CODE -> 14;
			case UNIT_NAME -> 32;
			case PERIOD -> 10;
			case REMARKS -> 20;
			default -> column.isCategory() ? 12 : 10;
		};
	}

	private static void cell(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellStyle(style);
		cell.setCellValue(value);
	}

	/** The template's styles, created once: Excel allows a limited number. */
	private static final class Styles {

		private final SXSSFWorkbook workbook;

		private final Font body;

		final CellStyle title;

		final CellStyle plain;

		final CellStyle wrapped;

		final CellStyle header;

		final CellStyle fixed;

		final CellStyle count;

		final CellStyle remark;

		private final Map<Integer, CellStyle> names = new HashMap<>();

		Styles(SXSSFWorkbook workbook) {
			this.workbook = workbook;
			this.body = workbook.getFontAt(0);
			this.body.setFontName("宋体");
			this.body.setFontHeightInPoints((short) 11);
			Font bold = workbook.createFont();
			bold.setFontName("宋体");
			bold.setFontHeightInPoints((short) 11);
			bold.setBold(true);
			Font titleFont = workbook.createFont();
			titleFont.setFontName("黑体");
			titleFont.setFontHeightInPoints((short) 16);
			this.title = workbook.createCellStyle();
			this.title.setFont(titleFont);
			this.title.setAlignment(HorizontalAlignment.CENTER);
			this.title.setVerticalAlignment(VerticalAlignment.CENTER);
			this.plain = workbook.createCellStyle();
			this.plain.setFont(this.body);
			this.wrapped = workbook.createCellStyle();
			this.wrapped.setFont(this.body);
			this.wrapped.setWrapText(true);
			this.wrapped.setVerticalAlignment(VerticalAlignment.CENTER);
			this.header = bordered(0xD9E1F2, true);
			this.header.setFont(bold);
			this.header.setWrapText(true);
			this.header.setAlignment(HorizontalAlignment.CENTER);
			this.fixed = bordered(0xF2F2F2, true);
			this.fixed.setDataFormat(workbook.createDataFormat().getFormat("@"));
			this.count = bordered(0xFFF2CC, false);
			this.count.setDataFormat(workbook.createDataFormat().getFormat("0"));
			this.count.setAlignment(HorizontalAlignment.RIGHT);
			this.remark = bordered(0xFFF2CC, false);
			this.remark.setWrapText(true);
		}

		CellStyle name(int depth) {
			int indent = Math.max(0, Math.min(depth, MAX_INDENT));
			return this.names.computeIfAbsent(indent, (n) -> {
				CellStyle style = bordered(0xF2F2F2, true);
				style.setIndention(n.shortValue());
				return style;
			});
		}

		private CellStyle bordered(int rgb, boolean locked) {
			XSSFCellStyle style = (XSSFCellStyle) this.workbook.createCellStyle();
			style.setFont(this.body);
			style.setVerticalAlignment(VerticalAlignment.CENTER);
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			style.setFillForegroundColor(
					new XSSFColor(new byte[] { (byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb }, null));
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			style.setLocked(locked);
			return style;
		}

	}

}
