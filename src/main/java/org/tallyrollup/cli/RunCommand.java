package org.tallyrollup.cli;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.system.TallyProperties;
import org.tallyrollup.tally.PeriodFolders;
import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.run.RunPlanner;
import org.tallyrollup.run.RunParameters;
import org.tallyrollup.run.RunReports;
import org.tallyrollup.run.RunReport;
import org.tallyrollup.run.RunRefusedException;

/**
 * {@code run [--period P] [--input DIR] [--output DIR] [--fresh]}: one roll-up, then a
 * summary for the person who ran it. A run of the same period left unfinished (failed,
 * stopped, or killed with its process) is resumed where it stopped while its input is
 * unchanged; {@code --fresh} starts over instead. Exit status 0 when the run completed, 1
 * when it failed or was refused (the reason on stderr in one line).
 */
@Component
public class RunCommand {

	private final RunPlanner planner;

	private final RunReports reports;

	private final TallyProperties properties;

	RunCommand(RunPlanner planner, RunReports reports, TallyProperties properties) {
		this.planner = planner;
		this.reports = reports;
		this.properties = properties;
	}

	public int run(Invocation line, PrintStream out, PrintStream err) {
		Optional<String> localeProblem = localeProblem();
		if (localeProblem.isPresent()) {
			err.println(localeProblem.get());
			return 1;
		}
		Path input = Path.of(Optional.ofNullable(line.option("input")).orElse(this.properties.inputDir()));
		Path output = Path.of(Optional.ofNullable(line.option("output")).orElse(this.properties.outputDir()));
		String period = line.option("period");
		if (period == null) {
			Optional<String> latest = PeriodFolders.latest(input);
			if (latest.isEmpty()) {
				err.println("错误：输入文件夹 " + input + " 中没有报告期文件夹（如 2023-11）");
				return 1;
			}
			period = latest.get();
		}
		try {
			RunPlanner.Plan plan = this.planner
				.plan(new RunParameters(period, input, output, System.currentTimeMillis()), line.flag("fresh"));
			describe(plan, out);
			RunParameters parameters = plan.parameters();
			JobExecution execution = this.planner.execute(plan);
			RunReport report = this.reports.of(execution);
			if (execution.getStatus() != BatchStatus.COMPLETED) {
				err.println("错误：报告期 " + period + " 汇总失败：" + report.exitMessage());
				return 1;
			}
			print(report, parameters.workbook(), out);
			return 0;
		}
		catch (RunRefusedException ex) {
			err.println("错误：" + ex.getMessage());
			return 1;
		}
		catch (Exception ex) {
			err.println("错误：报告期 " + period + " 汇总失败：" + ex.getMessage());
			return 1;
		}
	}

	/**
	 * Under a locale without a Chinese-capable charset the JVM cannot open Chinese file
	 * names.
	 */
	public static Optional<String> localeProblem() {
		String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
		boolean ok;
		try {
			ok = Charset.forName(encoding).newEncoder().canEncode("统计表");
		}
		catch (RuntimeException ex) {
			ok = false;
		}
		// Said in English too: a console under such a locale cannot show Chinese either.
		return ok ? Optional.empty()
				: Optional.of("Error: the system locale encodes file names as " + encoding
						+ ", so Chinese file names cannot be opened. Set a UTF-8 locale first, e.g. export LANG=C.UTF-8"
						+ System.lineSeparator() + "错误：系统区域设置的文件名编码为 " + encoding
						+ "，无法打开中文文件名。请先设置 UTF-8 区域，例如 export LANG=C.UTF-8，再运行。");
	}

	private static void describe(RunPlanner.Plan plan, PrintStream out) {
		if (plan.previous() == null) {
			return;
		}
		String previous = "上次未完成的汇总（编号 " + plan.previous().getJobInstanceId() + "，" + status(plan.previous()) + "）";
		switch (plan.kind()) {
			case RESUME -> out.println("继续" + previous + "：已读取的部分不再重读");
			case FRESH_INPUT_CHANGED -> out.println("输入文件在" + previous + "之后有变化，放弃它，重新汇总");
			case FRESH_ON_REQUEST -> out.println("按 --fresh 放弃" + previous + "，重新汇总");
			default -> {
			}
		}
	}

	private static String status(JobExecution execution) {
		return switch (execution.getStatus()) {
			case FAILED -> "失败";
			case STOPPED -> "已停止";
			default -> execution.getStatus().name();
		};
	}

	private static void print(RunReport report, Path workbook, PrintStream out) {
		out.println("报告期：" + report.period());
		out.printf("文件：读取 %d 个，无法读取 %d 个，跳过 %d 个文件、%d 个工作表%n", report.filesRead(), report.filesFailed(),
				report.filesSkipped(), report.sheetsSkipped());
		out.printf("数据行：共读取 %d 行，接受 %d，拒绝 %d，被替代 %d，跳过 %d%n", report.rowsRead(), report.rowsAccepted(),
				report.rowsRejected(), report.rowsSuperseded(), report.rowsSkipped());
		for (UnitTotals root : report.roots()) {
			out.println("汇总 " + root.name() + "（" + root.code() + "）：" + totals(root));
		}
		out.println("校验问题：" + (report.findingsByRule().isEmpty() ? "无"
				: report.findingsByRule()
					.entrySet()
					.stream()
					.map((e) -> e.getKey() + " " + e.getValue() + " 条")
					.collect(Collectors.joining("，"))));
		out.println("汇总表：" + display(workbook));
	}

	private static String totals(UnitTotals totals) {
		StringBuilder text = new StringBuilder();
		for (TallyColumn column : TallyColumn.COUNTS) {
			text.append(column.header()).append(' ').append(totals.totals()[column.countIndex()]).append('，');
		}
		Double completion = totals.completionRate(TallyColumn.COMPLETED.countIndex(),
				TallyColumn.MEASURES.countIndex());
		text.append("整改完成率 ").append(percent(completion)).append('，');
		text.append("应报 ")
			.append(totals.expected())
			.append(" 个，已报 ")
			.append(totals.reported())
			.append(" 个，报送率 ")
			.append(percent(totals.reportingRate()));
		return text.toString();
	}

	private static String percent(Double rate) {
		return (rate == null) ? "—" : String.format("%.2f%%", rate * 100);
	}

	/** A path relative to the working directory where it is under it. */
	static String display(Path path) {
		Path cwd = Path.of("").toAbsolutePath();
		Path absolute = path.toAbsolutePath();
		return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
	}

}
