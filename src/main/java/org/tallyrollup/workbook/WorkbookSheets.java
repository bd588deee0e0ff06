package org.tallyrollup.workbook;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sheets of the consolidated workbook (SPEC.md §5), shared by the writer and by the
 * reader that recognises a workbook this job wrote (by its {@link #RUN_INFO} sheet) and
 * reads only its {@link #DETAILS} sheets.
 */
public final class WorkbookSheets {

	/** 汇总: each root and each child of a root. */
	public static final String SUMMARY = "汇总";

	/** 分级汇总: every unit, outlined by level. */
	public static final String HIERARCHY = "分级汇总";

	/** 明细: the accepted rows. */
	public static final String DETAILS = "明细";

	/** 未报送: units that must report and did not. */
	public static final String MISSING = "未报送";

	/** 校验问题: errors, warnings and superseded rows. */
	public static final String FINDINGS = "校验问题";

	/** 运行信息: the facts of the run. */
	public static final String RUN_INFO = "运行信息";

	/**
	 * 综述: the sentences for the summary report, after SPEC.md's six sheets, which keep
	 * their order.
	 */
	public static final String NARRATIVE = "综述";

	/** The sheets in the order the workbook holds them. */
	public static final List<String> ALL = List.of(SUMMARY, HIERARCHY, DETAILS, MISSING, FINDINGS, RUN_INFO, NARRATIVE);

	/** Excel's limit of rows on one sheet. */
	public static final int EXCEL_MAX_ROWS = 1_048_576;

	/** Rows above the data on every sheet: the title and the header. */
	public static final int HEADER_ROWS = 2;

	/** The 1-based row that holds a sheet's header (under its title). */
	public static final int HEADER_ROW = 2;

	/** The 项目 of the first 运行信息 line, which names the program that wrote it. */
	public static final String GENERATOR_ITEM = "生成程序";

	/** The 内容 of the {@link #GENERATOR_ITEM} line. */
	public static final String GENERATOR = "tally-rollup";

	/** The 运行信息 line that gives the period. */
	public static final String PERIOD_ITEM = "报告期";

	/** The 运行信息 line that names the registry file. */
	public static final String REGISTRY_ITEM = "单位名册";

	/** The 运行信息 line that gives the registry file's digest. */
	public static final String REGISTRY_SHA256_ITEM = "单位名册SHA-256";

	private static final Pattern CONTINUATION = Pattern.compile("(.+)\\(([1-9]\\d{0,6})\\)");

	private WorkbookSheets() {
	}

	/**
	 * The name of the {@code part}-th sheet of a sheet that passed the row limit:
	 * {@code 分级汇总} for the first, {@code 分级汇总(2)} for the second…
	 */
	public static String partName(String sheet, int part) {
		if (part < 1) {
			throw new IllegalArgumentException("part must be 1 or more: " + part);
		}
		return (part == 1) ? sheet : sheet + "(" + part + ")";
	}

	/**
	 * Whether {@code sheetName} is {@code sheet} or one of its continuations
	 * ({@code 明细(2)}, {@code 明细(3)}…).
	 */
	public static boolean isPartOf(String sheetName, String sheet) {
		if (sheetName == null) {
			return false;
		}
		if (sheetName.equals(sheet)) {
			return true;
		}
		Matcher matcher = CONTINUATION.matcher(sheetName);
		return matcher.matches() && matcher.group(1).equals(sheet) && Integer.parseInt(matcher.group(2)) >= 2;
	}

}
