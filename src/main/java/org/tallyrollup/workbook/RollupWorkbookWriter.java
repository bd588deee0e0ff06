package org.tallyrollup.workbook;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.tallyrollup.narrative.UnitNarrative;
import org.tallyrollup.rollup.ComparedTotals;
import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.system.FilePlacement;
import org.tallyrollup.system.IoReasons;
import org.tallyrollup.tally.AcceptedRow;
import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.workbook.SheetSeries.Column;
import org.tallyrollup.workbook.SheetSeries.Line;
import org.tallyrollup.workbook.xlsx.XlsxWriter;

/**
 * Writes the consolidated workbook of SPEC.md §5: 汇总, 分级汇总, 明细, 未报送, 校验问题 and 运行信息, then
 * 综述 (the report's sentences), each with a title, a header, frozen panes, an autofilter
 * and a print setup an office can print as it is. 汇总 and 分级汇总 go on after SPEC.md's
 * columns with the changes since the previous period (较上期).
 * <p>
 * The rows are streamed straight into the workbook's ZIP ({@link XlsxWriter}), one row in
 * memory at a time, so the size of a sheet is bounded only by Excel's row limit, past
 * which it goes on in a sheet with a suffix. The workbook is written to a hidden
 * temporary file next to the target and moved into place only when complete: a reader
 * sees the previous workbook or the new one, never half of one.
 */
public class RollupWorkbookWriter {

	/** Excel's limit of rows on one sheet. */
	public static final int DEFAULT_MAX_ROWS = WorkbookSheets.EXCEL_MAX_ROWS;

	static final String TITLE_STEM = "主题教育检视整改进展";

	/**
	 * Deflate level of the workbook: the fastest, and still about 90 % smaller than its
	 * XML; at the default level deflating was most of the time spent writing a large
	 * workbook, for files hardly smaller.
	 */
	static final int ZIP_LEVEL = 1;

	private static final int COMPLETED = TallyColumn.COMPLETED.countIndex();

	private static final int MEASURES = TallyColumn.MEASURES.countIndex();

	private static final int CODE_WIDTH = 12;

	private static final int NAME_WIDTH = 30;

	private static final int COUNT_WIDTH = 10;

	private static final int FILE_WIDTH = 30;

	private static final int SHEET_WIDTH = 12;

	private static final int ROW_WIDTH = 8;

	private static final String CHANGE_SUFFIX = "较上期";

	private static final int CHANGES = ComparedTotals.COMPARED.size() + 1;

	/** The 运行信息 line naming the period compared with. */
	static final String PREVIOUS_ITEM = "较上期对比的报告期";

	private final int maxRows;

	private final WorkbookStreamDecorator streamDecorator;

	public RollupWorkbookWriter() {
		this(DEFAULT_MAX_ROWS);
	}

	public RollupWorkbookWriter(int maxRows) {
		this(maxRows, WorkbookStreamDecorator.NONE);
	}

	/**
	 * @param maxRows the rows a sheet may hold, its title and header included; at most
	 * Excel's 1,048,576, and room for at least one data row
	 * @param streamDecorator wraps the stream the temporary file is written through
	 */
	public RollupWorkbookWriter(int maxRows, WorkbookStreamDecorator streamDecorator) {
		this.streamDecorator = streamDecorator;
		if (maxRows <= WorkbookSheets.HEADER_ROWS || maxRows > WorkbookSheets.EXCEL_MAX_ROWS) {
			throw new IllegalArgumentException("Rows per sheet must be between " + (WorkbookSheets.HEADER_ROWS + 1)
					+ " and " + WorkbookSheets.EXCEL_MAX_ROWS + ": " + maxRows);
		}
		this.maxRows = maxRows;
	}

	/**
	 * Writes the workbook to {@code target}, creating its folder, and replacing a
	 * previous workbook only once the new one is complete. On failure the previous
	 * workbook is left as it was and no temporary file remains.
	 * @throws UncheckedIOException if the workbook cannot be written or moved into place
	 */
	public void write(WorkbookSource source, Path target) {
		Path absolute = target.toAbsolutePath();
		Path folder = absolute.getParent();
		Path temporary = FilePlacement.temporaryFor(absolute);
		try {
			Files.createDirectories(folder);
			save(source, temporary);
			FilePlacement.moveIntoPlace(temporary, absolute);
		}
		catch (IOException ex) {
			FilePlacement.deleteQuietly(temporary, ex);
			throw new UncheckedIOException("无法写出汇总表 " + target + "：" + IoReasons.describe(ex), ex);
		}
		catch (RuntimeException | Error ex) {
			FilePlacement.deleteQuietly(temporary, ex);
			IOException io = ioCause(ex);
			if (io != null) {
				// a row that could not be written (disk full) comes out of a stream's
				// lambda wrapped
				throw new UncheckedIOException("无法写出汇总表 " + target + "：" + IoReasons.describe(io), io);
			}
			throw ex;
		}
	}

	private static IOException ioCause(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof IOException io) {
				return io;
			}
		}
		return null;
	}

	/**
	 * Writes the sheets in SPEC order. 分级汇总, as long as 明细, is written on a thread of its
	 * own (into a section of the workbook) while this one writes the others: the two
	 * largest sheets then share the machine's cores. The thread done first works out 综述's
	 * sentences, which this one writes last.
	 */
	private void fill(XlsxWriter workbook, WorkbookSource source) throws IOException {
		WorkbookStyles styles = new WorkbookStyles(workbook);
		RunInfo run = source.runInfo();
		String period = (run.period() != null) ? run.period() : "";
		// 汇总 is written into a section too, so that 分级汇总, after it, can begin at once
		XlsxWriter.Section summarySheets = workbook.section();
		XlsxWriter.Section hierarchySheets = workbook.section();
		SheetSeries hierarchy = series(hierarchySheets::sheet, styles, WorkbookSheets.HIERARCHY,
				period + " " + TITLE_STEM + "分级汇总表", hierarchyWidths(), 2)
			.outlined(source.deepestLevel() - 1);
		NarrativesOnce narratives = new NarrativesOnce(source);
		Alongside alongside = Alongside.start("workbook-hierarchy", (stop) -> source.readOnThisThread(() -> {
			try (Stream<ComparedTotals> units = source.hierarchy()) {
				writeHierarchy(hierarchy, styles, units.takeWhile((unit) -> !stop.getAsBoolean()));
			}
			SheetSeries.write(hierarchySheets::finish);
			if (!stop.getAsBoolean()) {
				narratives.workOutUnlessTaken();
			}
		}));
		try {
			try (Stream<ComparedTotals> units = source.summary()) {
				writeSummary(series(summarySheets::sheet, styles, WorkbookSheets.SUMMARY,
						period + " " + TITLE_STEM + "汇总表", totalsWidths(NAME_WIDTH), 2), styles, units);
			}
			SheetSeries.write(summarySheets::finish);
			try (Stream<AcceptedRow> rows = source.details()) {
				writeDetails(series(workbook::sheet, styles, WorkbookSheets.DETAILS, period + " " + TITLE_STEM + "报送明细",
						detailWidths(), 2), styles, rows);
			}
			try (Stream<MissingUnit> missing = source.missing()) {
				writeMissing(
						series(workbook::sheet, styles, WorkbookSheets.MISSING, period + " " + TITLE_STEM + "未报送单位",
								new int[] { CODE_WIDTH, NAME_WIDTH + 6, CODE_WIDTH + 2, NAME_WIDTH + 6 }, 0),
						styles, missing);
			}
			try (Stream<Finding> findings = source.findings()) {
				writeFindings(
						series(workbook::sheet, styles, WorkbookSheets.FINDINGS, period + " " + TITLE_STEM + "校验问题清单",
								new int[] { 6, 6, FILE_WIDTH, SHEET_WIDTH, 7, CODE_WIDTH, 14, 16, 44 }, 0),
						styles, findings);
			}
			RunInfoSheet.write(series(workbook::sheet, styles, WorkbookSheets.RUN_INFO,
					period + " " + TITLE_STEM + "运行信息",
					new int[] { 36, 13, 34, 27, COUNT_WIDTH, COUNT_WIDTH, COUNT_WIDTH, COUNT_WIDTH, COUNT_WIDTH, 12 },
					0), styles, run);
			narratives.workOutUnlessTaken();
		}
		catch (RuntimeException | Error ex) {
			alongside.stop();
			throw ex;
		}
		alongside.join();
		writeNarratives(series(workbook::sheet, styles, WorkbookSheets.NARRATIVE, period + " " + TITLE_STEM + "综述",
				new int[] { CODE_WIDTH, NAME_WIDTH, 100 }, 2), styles, narratives.get());
	}

	/**
	 * 综述's sentences, worked out by whichever of the two threads is done with its sheets
	 * first (at a province the main thread has more to write, at a national size 分级汇总's),
	 * and written last.
	 */
	private static final class NarrativesOnce {

		private final WorkbookSource source;

		private final AtomicBoolean taken = new AtomicBoolean();

		private volatile List<UnitNarrative> narratives;

		NarrativesOnce(WorkbookSource source) {
			this.source = source;
		}

		void workOutUnlessTaken() {
			if (this.taken.compareAndSet(false, true)) {
				this.narratives = this.source.narratives();
			}
		}

		/** Once both threads are done. */
		List<UnitNarrative> get() {
			return this.narratives;
		}

	}

	private SheetSeries series(SheetSeries.Sheets workbook, WorkbookStyles styles, String name, String title,
			int[] widths, int frozenColumns) {
		return new SheetSeries(workbook, styles, name, title, widths, frozenColumns, this.maxRows);
	}

	private void writeSummary(SheetSeries sheet, WorkbookStyles styles, Stream<ComparedTotals> units) {
		List<String> headers = new ArrayList<>(List.of(TallyColumn.UNIT_CODE.header(), TallyColumn.UNIT_NAME.header()));
		headers.addAll(totalsHeaders());
		sheet.table(null, Column.of(headers));
		units.forEachOrdered((compared) -> {
			UnitTotals unit = compared.totals();
			boolean root = unit.level() <= 1;
			Line line = sheet.line()
				.text(unit.code(), root ? styles.boldText : styles.text)
				.wrapped(unit.name(), root ? styles.boldWrappedText : styles.wrappedText);
			totals(line, compared, styles, root);
		});
		sheet.finish();
	}

	private void writeHierarchy(SheetSeries sheet, WorkbookStyles styles, Stream<ComparedTotals> units) {
		List<String> headers = new ArrayList<>(
				List.of(TallyColumn.UNIT_CODE.header(), TallyColumn.UNIT_NAME.header(), "层级", "上级单位编码"));
		headers.addAll(totalsHeaders());
		sheet.table(null, Column.of(headers));
		units.forEachOrdered((compared) -> {
			UnitTotals unit = compared.totals();
			int depth = Math.max(0, unit.level() - 1);
			boolean root = depth == 0;
			Line line = sheet.line()
				.outline(Math.min(depth, 7))
				.text(unit.code(), root ? styles.boldText : styles.text)
				.wrapped(unit.name(), root ? styles.boldWrappedText : styles.indented(depth), depth)
				.number(unit.level(), styles.centred)
				.text(unit.parentCode(), styles.text);
			totals(line, compared, styles, root);
		});
		sheet.finish();
	}

	private void writeDetails(SheetSeries sheet, WorkbookStyles styles, Stream<AcceptedRow> rows) {
		List<String> headers = new ArrayList<>(List.of(TallyColumn.UNIT_CODE.header(), TallyColumn.UNIT_NAME.header()));
		TallyColumn.COUNTS.forEach((column) -> headers.add(column.header()));
		headers.addAll(List.of("来源文件", "工作表", "行号"));
		sheet.table(null, Column.of(headers));
		rows.forEachOrdered((row) -> sheet.line()
			.text(row.unitCode(), styles.text)
			.text(row.unitName(), styles.text)
			.numbers(row.counts(), styles.count)
			.text(row.file(), styles.text)
			.text(row.sheet(), styles.text)
			.number(row.row(), styles.integer));
		sheet.finish();
	}

	private void writeMissing(SheetSeries sheet, WorkbookStyles styles, Stream<MissingUnit> units) {
		sheet.table(null,
				Column.of(List.of(TallyColumn.UNIT_CODE.header(), TallyColumn.UNIT_NAME.header(), "上级单位编码", "上级单位名称")));
		units.forEachOrdered((unit) -> sheet.line()
			.text(unit.code(), styles.text)
			.wrapped(unit.name(), styles.wrappedText)
			.text(unit.parentCode(), styles.text)
			.wrapped(unit.parentName(), styles.wrappedText));
		sheet.finish();
	}

	private void writeFindings(SheetSeries sheet, WorkbookStyles styles, Stream<Finding> findings) {
		sheet.table(null, Column.of(List.of("级别", "规则", "文件", "工作表", "行号", "单位编码", "列", "原值", "说明")));
		findings.forEachOrdered((finding) -> {
			Rule rule = finding.rule();
			int level = (rule.level() == Rule.Level.ERROR) ? styles.error : styles.warning;
			String message = (finding.message() != null && !finding.message().isBlank()) ? finding.message()
					: rule.title();
			sheet.line()
				.text(rule.level().label(), level)
				.text(rule.name(), level)
				.wrapped(finding.file(), styles.wrappedText)
				.text(finding.sheet(), styles.text)
				.number(finding.row(), styles.integer)
				.text(finding.unitCode(), styles.text)
				.text(finding.column(), styles.text)
				.text(finding.rawValue(), styles.text)
				.wrapped(message, styles.wrappedText);
		});
		sheet.finish();
	}

	/** One paragraph per unit, to copy into the report. */
	private void writeNarratives(SheetSeries sheet, WorkbookStyles styles, List<UnitNarrative> narratives) {
		sheet.table(null, Column.of(List.of(TallyColumn.UNIT_CODE.header(), TallyColumn.UNIT_NAME.header(), "综述")));
		for (UnitNarrative narrative : narratives) {
			boolean root = narrative.level() <= 1;
			sheet.line()
				.text(narrative.code(), root ? styles.boldText : styles.text)
				.wrapped(narrative.name(), root ? styles.boldWrappedText : styles.wrappedText)
				.wrapped(narrative.text(), styles.wrappedText);
		}
		sheet.finish();
	}

	private static void totals(Line line, ComparedTotals compared, WorkbookStyles styles, boolean bold) {
		UnitTotals unit = compared.totals();
		int count = bold ? styles.boldCount : styles.count;
		int rate = bold ? styles.boldRate : styles.rate;
		line.numbers(unit.totals(), count)
			.number(unit.completionRate(COMPLETED, MEASURES), rate)
			.number(unit.expected(), count)
			.number(unit.reported(), count)
			.number(unit.reportingRate(), rate);
		for (TallyColumn column : ComparedTotals.COMPARED) {
			line.number(compared.change(column), bold ? styles.boldChange : styles.change);
		}
		line.number(compared.completionRateChange(), bold ? styles.boldPoints : styles.points);
	}

	/**
	 * The totals of every count, then 整改完成率, 应报单位数, 已报单位数, 报送率 (SPEC.md §5), then the
	 * changes since the previous period.
	 */
	private static List<String> totalsHeaders() {
		List<String> headers = new ArrayList<>();
		TallyColumn.COUNTS.forEach((column) -> headers.add(column.header()));
		headers.addAll(List.of("整改完成率", "应报单位数", "已报单位数", "报送率"));
		headers.addAll(changeHeaders());
		return headers;
	}

	/**
	 * 检视问题数较上期, 整改措施数较上期, 已完成整改数较上期, 整改完成率较上期（百分点）.
	 */
	public static List<String> changeHeaders() {
		List<String> headers = new ArrayList<>();
		ComparedTotals.COMPARED.forEach((column) -> headers.add(column.header() + CHANGE_SUFFIX));
		headers.add("整改完成率" + CHANGE_SUFFIX + "（百分点）");
		return headers;
	}

	private static int[] totalsWidths(int nameWidth) {
		int[] widths = new int[2 + TallyColumn.COUNTS.size() + 4 + CHANGES];
		widths[0] = CODE_WIDTH;
		widths[1] = nameWidth;
		fillFrom(widths, 2, COUNT_WIDTH);
		return widths;
	}

	private static int[] hierarchyWidths() {
		int[] widths = new int[4 + TallyColumn.COUNTS.size() + 4 + CHANGES];
		widths[0] = CODE_WIDTH;
		widths[1] = NAME_WIDTH + 6;
		widths[2] = 6;
		widths[3] = CODE_WIDTH;
		fillFrom(widths, 4, COUNT_WIDTH);
		return widths;
	}

	private static int[] detailWidths() {
		int[] widths = new int[2 + TallyColumn.COUNTS.size() + 3];
		widths[0] = CODE_WIDTH;
		widths[1] = NAME_WIDTH;
		fillFrom(widths, 2, COUNT_WIDTH);
		widths[widths.length - 3] = FILE_WIDTH;
		widths[widths.length - 2] = SHEET_WIDTH;
		widths[widths.length - 1] = ROW_WIDTH;
		return widths;
	}

	private static void fillFrom(int[] widths, int from, int width) {
		for (int i = from; i < widths.length; i++) {
			widths[i] = width;
		}
	}

	private void save(WorkbookSource source, Path temporary) throws IOException {
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
				StandardOpenOption.WRITE)) {
			OutputStream out = this.streamDecorator
				.decorate(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
			XlsxWriter workbook = new XlsxWriter(out, WorkbookStyles.BODY, ZIP_LEVEL, WorkbookSheets.GENERATOR,
					temporary);
			try {
				fill(workbook, source);
				workbook.finish();
				out.flush();
				channel.force(true);
			}
			finally {
				workbook.deleteSectionFiles();
			}
		}
	}

}
