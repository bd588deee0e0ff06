package org.tallyrollup.workbook;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.tallyrollup.workbook.SheetSeries.Column;

/**
 * The 运行信息 sheet: what the run was (period, registry, the period compared with), the rows
 * read and what became of them, with the balance 读取 = 接受 + 拒绝 + 被替代 + 跳过 checked, every
 * input file, and the files and sheets passed over with the reason.
 */
final class RunInfoSheet {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

	private RunInfoSheet() {
	}

	/** Writes the run's facts, its input files and what was passed over. */
	static void write(SheetSeries sheet, WorkbookStyles styles, RunInfo run) {
		List<InputFileInfo> files = (run.files() != null) ? run.files() : List.of();
		List<SkippedItem> skipped = (run.skipped() != null) ? run.skipped() : List.of();
		sheet.table(null, List.of(new Column("项目"), new Column("内容", 9)));
		fact(sheet, styles, WorkbookSheets.GENERATOR_ITEM, WorkbookSheets.GENERATOR);
		fact(sheet, styles, WorkbookSheets.PERIOD_ITEM, run.period());
		fact(sheet, styles, "开始时间", time(run.started()));
		fact(sheet, styles, "结束时间", time(run.finished()));
		fact(sheet, styles, WorkbookSheets.REGISTRY_ITEM, run.registryFile());
		fact(sheet, styles, WorkbookSheets.REGISTRY_SHA256_ITEM, run.registrySha256());
		fact(sheet, styles, "名册单位数", run.unitCount());
		fact(sheet, styles, RollupWorkbookWriter.PREVIOUS_ITEM,
				(run.previousPeriod() != null) ? run.previousPeriod() : "无（没有更早报告期的已完成汇总，较上期各列空白）");
		fact(sheet, styles, "输入文件数", files.size());
		long read = files.stream().mapToLong(InputFileInfo::rowsRead).sum();
		long accepted = files.stream().mapToLong(InputFileInfo::accepted).sum();
		long rejected = files.stream().mapToLong(InputFileInfo::rejected).sum();
		long superseded = files.stream().mapToLong(InputFileInfo::superseded).sum();
		long skippedRows = files.stream().mapToLong(InputFileInfo::skipped).sum();
		fact(sheet, styles, "读取行数", read);
		fact(sheet, styles, "接受行数", accepted);
		fact(sheet, styles, "拒绝行数", rejected);
		fact(sheet, styles, "被替代行数", superseded);
		fact(sheet, styles, "跳过行数", skippedRows);
		boolean holds = read == accepted + rejected + superseded + skippedRows
				&& files.stream().allMatch(RunInfoSheet::balances);
		fact(sheet, styles, "读取行数 = 接受 + 拒绝 + 被替代 + 跳过", (holds ? "成立" : "不成立") + "（" + read + " " + (holds ? "=" : "≠")
				+ " " + accepted + " + " + rejected + " + " + superseded + " + " + skippedRows + "）");

		sheet.table("输入文件",
				Column.of(List.of("文件", "大小（字节）", "SHA-256", "修改时间", "读取行数", "接受行数", "拒绝行数", "被替代行数", "跳过行数", "状态")));
		for (InputFileInfo file : files) {
			sheet.line()
				.wrapped(file.path(), styles.wrappedText)
				.number(file.size(), styles.count)
				.wrapped(file.sha256(), styles.wrappedText)
				.text(file.modified(), styles.text)
				.number(file.rowsRead(), styles.count)
				.number(file.accepted(), styles.count)
				.number(file.rejected(), styles.count)
				.number(file.superseded(), styles.count)
				.number(file.skipped(), styles.count)
				.text(file.status(), styles.text);
		}
		sheet.line()
			.text("合计", styles.boldText)
			.number(files.stream().mapToLong(InputFileInfo::size).sum(), styles.boldCount)
			.text(null, styles.boldText)
			.text(null, styles.boldText)
			.number(read, styles.boldCount)
			.number(accepted, styles.boldCount)
			.number(rejected, styles.boldCount)
			.number(superseded, styles.boldCount)
			.number(skippedRows, styles.boldCount)
			.text(null, styles.boldText);

		sheet.table("跳过的文件和工作表", List.of(new Column("文件"), new Column("工作表"), new Column("原因", 8)));
		for (SkippedItem item : skipped) {
			sheet.line()
				.wrapped(item.file(), styles.wrappedText)
				.wrapped(item.sheet(), styles.wrappedText)
				.wrapped(item.reason(), styles.wrappedText);
		}
		sheet.finish();
	}

	private static boolean balances(InputFileInfo file) {
		return file.rowsRead() == file.accepted() + file.rejected() + file.superseded() + file.skipped();
	}

	private static void fact(SheetSeries sheet, WorkbookStyles styles, String item, String value) {
		sheet.line().text(item, styles.text).text(value, styles.text);
	}

	private static void fact(SheetSeries sheet, WorkbookStyles styles, String item, long value) {
		sheet.line().text(item, styles.text).number(value, styles.leftCount);
	}

	private static String time(OffsetDateTime time) {
		return (time != null) ? TIME.format(time) : null;
	}

}
