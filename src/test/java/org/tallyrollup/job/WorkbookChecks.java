package org.tallyrollup.job;

import java.util.List;

import org.tallyrollup.job.WorkbookContent.InputFile;
import org.tallyrollup.job.WorkbookContent.Row;
import org.tallyrollup.job.WorkbookContent.RunInfo;
import org.tallyrollup.job.WorkbookContent.Sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What every workbook the job writes must hold to, whatever its input: the layout of
 * SPEC.md §5 on every sheet, counts as numbers and rates as percentages, rates that
 * follow from the counts, and the two invariants of §4.
 */
final class WorkbookChecks {

	static final List<String> SHEETS = List.of("汇总", "分级汇总", "明细", "未报送", "校验问题", "运行信息");

	static final List<String> TOTALS_TAIL = List.of("整改完成率", "应报单位数", "已报单位数", "报送率");

	private WorkbookChecks() {
	}

	static void assertConsistent(WorkbookContent content) {
		assertLayout(content);
		assertNumbers(content);
		assertRates(content);
		assertInvariants(content);
	}

	/** A title over a header in row 2, panes frozen under it and an autofilter. */
	static void assertLayout(WorkbookContent content) {
		for (String series : SHEETS) {
			for (Sheet sheet : content.parts(series)) {
				assertThat(sheet.title()).as("title of %s", sheet.name()).isNotBlank();
				assertThat(sheet.headerRow()).as("header row of %s", sheet.name()).isEqualTo(2);
				assertThat(sheet.frozen()).as("frozen panes on %s", sheet.name()).isTrue();
				assertThat(sheet.frozenRows()).as("rows frozen on %s", sheet.name()).isEqualTo(2);
				assertThat(sheet.autoFilter()).as("autofilter on %s", sheet.name()).isNotNull().startsWith("A2:");
			}
		}
		// SPEC's columns come first and in order; columns beyond them (较上期) may follow
		assertThat(content.sheet("汇总").headers()).startsWith(specColumns("单位编码", "单位名称"));
		assertThat(content.sheet("分级汇总").headers()).startsWith(specColumns("单位编码", "单位名称", "层级", "上级单位编码"));
		assertThat(content.sheet("明细").headers()).startsWith("单位编码", "单位名称")
			.containsSubsequence(WorkbookContent.COUNTS)
			.endsWith("来源文件", "工作表", "行号");
		assertThat(content.sheet("未报送").headers()).containsExactly("单位编码", "单位名称", "上级单位编码", "上级单位名称");
		assertThat(content.sheet("校验问题").headers()).containsExactly("级别", "规则", "文件", "工作表", "行号", "单位编码", "列", "原值",
				"说明");
	}

	private static String[] specColumns(String... leading) {
		List<String> columns = new java.util.ArrayList<>(List.of(leading));
		columns.addAll(WorkbookContent.COUNTS);
		columns.addAll(TOTALS_TAIL);
		return columns.toArray(String[]::new);
	}

	/** Counts are number cells formatted as integers; rates blank or formatted 0.00%. */
	static void assertNumbers(WorkbookContent content) {
		for (String series : List.of("汇总", "分级汇总", "明细")) {
			for (Row row : content.rows(series)) {
				for (String header : WorkbookContent.COUNTS) {
					row.count(header);
					assertThat(row.formats().get(header))
						.as("format of %s on %s row %d", header, row.sheet(), row.number())
						.isEqualTo("#,##0");
				}
				if (!series.equals("明细")) {
					row.count("应报单位数");
					row.count("已报单位数");
					for (String rate : List.of("整改完成率", "报送率")) {
						row.rate(rate);
						assertThat(row.formats().get(rate))
							.as("format of %s on %s row %d", rate, row.sheet(), row.number())
							.isEqualTo("0.00%");
					}
				}
			}
		}
		for (Row row : content.rows("明细")) {
			row.count("行号");
		}
	}

	/** 整改完成率 = 已完成整改数 / 整改措施数 and 报送率 = 已报 / 应报, blank for a zero denominator. */
	static void assertRates(WorkbookContent content) {
		for (String series : List.of("汇总", "分级汇总")) {
			for (Row row : content.rows(series)) {
				assertRate(row, "整改完成率", row.count("已完成整改数"), row.count("整改措施数"));
				assertRate(row, "报送率", row.count("已报单位数"), row.count("应报单位数"));
			}
		}
	}

	static void assertRate(Row row, String header, long numerator, long denominator) {
		if (denominator == 0) {
			assertThat(row.rate(header)).as("%s of %s", header, row.get("单位编码")).isNull();
		}
		else {
			assertThat(row.rate(header)).as("%s of %s", header, row.get("单位编码"))
				.isCloseTo((double) numerator / denominator, within(1e-12));
		}
	}

	/**
	 * Rows read = accepted + rejected + superseded + skipped, per file and overall; the
	 * roots' totals add up to the accepted rows for every count; 明细 holds the accepted
	 * rows and 校验问题 a W3 line per superseded row.
	 */
	static void assertInvariants(WorkbookContent content) {
		RunInfo info = content.runInfo();
		long read = 0;
		long[] states = new long[4];
		for (InputFile file : info.files()) {
			assertThat(file.balances()).as("rows of %s balance: %s", file.path(), file).isTrue();
			read += file.read();
			for (int i = 0; i < 4; i++) {
				states[i] += file.states().get(i);
			}
		}
		assertThat(read).isEqualTo(states[0] + states[1] + states[2] + states[3]);
		assertThat(info.fact("读取行数")).isEqualTo(read);
		assertThat(info.fact("接受行数")).isEqualTo(states[0]);
		assertThat(info.fact("拒绝行数")).isEqualTo(states[1]);
		assertThat(info.fact("被替代行数")).isEqualTo(states[2]);
		assertThat(info.fact("跳过行数")).isEqualTo(states[3]);
		assertThat((String) info.fact("读取行数 = 接受 + 拒绝 + 被替代 + 跳过")).startsWith("成立");
		if (info.filesTotal() != null) {
			assertThat(info.filesTotal().states()).containsExactly(states[0], states[1], states[2], states[3]);
			assertThat(info.filesTotal().read()).isEqualTo(read);
		}
		List<Row> details = content.rows("明细");
		assertThat((long) details.size()).as("明细 rows = accepted rows").isEqualTo(states[0]);
		assertThat(content.rows("校验问题").stream().filter((f) -> "W3".equals(f.get("规则"))).count())
			.as("a W3 per superseded row")
			.isEqualTo(states[2]);
		List<Row> roots = content.rows("分级汇总").stream().filter((r) -> r.count("层级") == 1).toList();
		for (String count : WorkbookContent.COUNTS) {
			long rootsTotal = roots.stream().mapToLong((r) -> r.count(count)).sum();
			long accepted = details.stream().mapToLong((r) -> r.count(count)).sum();
			assertThat(rootsTotal).as("roots' %s = accepted rows' %s", count, count).isEqualTo(accepted);
		}
		for (Row summary : content.rows("汇总")) {
			Row full = content.unit("分级汇总", summary.text("单位编码"));
			assertThat(full.count("层级")).isLessThanOrEqualTo(2);
			for (String header : summary.values().keySet()) {
				assertThat(summary.get(header)).as("汇总 and 分级汇总 agree on %s of %s", header, summary.get("单位编码"))
					.isEqualTo(full.get(header));
			}
		}
		assertThat(content.rows("汇总"))
			.hasSize((int) content.rows("分级汇总").stream().filter((r) -> r.count("层级") <= 2).count());
	}

}
