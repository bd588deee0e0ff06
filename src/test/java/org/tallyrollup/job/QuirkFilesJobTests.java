package org.tallyrollup.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import org.tallyrollup.job.JobRunner.Run;
import org.tallyrollup.job.WorkbookContent.InputFile;
import org.tallyrollup.job.WorkbookContent.Row;
import org.tallyrollup.job.WorkbookContent.Skipped;
import org.tallyrollup.sheet.QuirkFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * One period folder holding every fixture of {@link QuirkFiles} (what offices really
 * send: protected workbooks, dates as dates, Mac Excel, odd but valid files, and files
 * that truly cannot be read), rolled up over {@link StandardRegistry}.
 */
@JobTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuirkFilesJobTests {

	static final String PERIOD = "2023-11";

	@TempDir
	static Path folder;

	@Autowired
	JobRunner runner;

	Run run;

	WorkbookContent workbook;

	@BeforeAll
	void runOverTheQuirkFiles() throws IOException {
		InputFolder input = StandardRegistry.input(folder.resolve("input"));
		Path period = Files.createDirectories(input.resolve(PERIOD));
		try (Stream<Path> files = Files.list(QuirkFiles.DIR)) {
			for (Path file : files.toList()) {
				Files.copy(file, period.resolve(file.getFileName().toString()));
			}
		}
		this.run = this.runner.completed(PERIOD, input.root(), folder.resolve("output"));
		this.workbook = this.run.content();
	}

	@Test
	void holdsToTheContract() {
		WorkbookChecks.assertConsistent(this.workbook);
	}

	@Test
	void readsEveryUnitOfTheReadableFiles() {
		assertThat(this.workbook.rows("明细")).extracting((r) -> r.get("单位编码"), (r) -> r.get("来源文件"))
			.containsExactlyInAnyOrder(tuple("01020101", "1904日期系统.xlsx"), tuple("01020102", "ISO日期单元格.xlsx"),
					tuple("010201", "WorkBook流.xls"), tuple("101", "一行拆成多个row.xlsx"), tuple("102", "一行拆成多个row.xlsx"),
					tuple("0101", "列出但不存在的工作表.xlsx"), tuple("0102", "受保护的模板.xls"), tuple("01020103", "受保护的模板.xlsx"),
					tuple("9", "图表宏表对话框.xlsx"), tuple("01", "宏表对话框.xls"), tuple("010101", "报告期为日期.xlsx"),
					tuple("010102", "报告期为日期.xlsx"));
		// 党支部数, 党员数, 检视问题数, 整改措施数, 已完成整改数, …
		assertThat(this.workbook.unit("明细", "101").counts()).startsWith(1L, 0L, 7L, 9L, 6L);
		assertThat(this.workbook.unit("明细", "01").counts()).startsWith(0L, 0L, 4L, 5L, 2L);
		assertThat(this.workbook.unit("明细", "9").counts()).startsWith(0L, 0L, 1L, 1L, 1L);
	}

	@Test
	void totalsAreExact() {
		assertThat(this.workbook.unit("汇总", "01").counts()).containsExactly(5L, 0L, 26L, 32L, 17L, 0L, 0L, 0L, 0L, 0L,
				0L, 0L, 0L);
		assertThat(this.workbook.unit("汇总", "9").counts()).containsExactly(2L, 0L, 12L, 14L, 10L, 0L, 0L, 0L, 0L, 0L,
				0L, 0L, 0L);
		assertThat(this.workbook.unit("汇总", "01").counts("应报单位数", "已报单位数")).containsValues(6L, 5L);
		assertThat(this.workbook.codes("未报送")).containsExactly("0103");
	}

	@Test
	void theFindingsAreTheDateOfAnotherMonthAndTheFilesThatTrulyCannotBeRead() {
		List<Row> findings = this.workbook.rows("校验问题");
		assertThat(findings).extracting((r) -> r.get("规则"), (r) -> r.get("文件"), (r) -> r.get("行号"))
			.containsExactlyInAnyOrder(tuple("R6", "报告期为日期.xlsx", 4L), tuple("F1", "Excel2.1格式.xls", null),
					tuple("F1", "二进制内容.csv", null), tuple("F1", "损坏的条目.xlsx", null), tuple("F1", "有打开密码.xls", null),
					tuple("F1", "有打开密码.xlsx", null));
		assertThat(reason(findings, "Excel2.1格式.xls")).contains("Excel 95及更早的格式");
		assertThat(reason(findings, "二进制内容.csv")).contains("文件内容不是文本");
		assertThat(reason(findings, "损坏的条目.xlsx")).contains("已损坏").doesNotContain("压缩炸弹");
		assertThat(reason(findings, "有打开密码.xls")).contains("打开密码");
		assertThat(reason(findings, "有打开密码.xlsx")).contains("打开密码");
		assertThat(reason(findings, "报告期为日期.xlsx")).isEqualTo("报告期“2023-12-01”与本次汇总的报告期 2023-11 不符");
	}

	@Test
	void sheetsThatAreNotWorksheetsOrAreMissingAreListed() {
		assertThat(this.workbook.runInfo().skipped()).extracting(Skipped::file, Skipped::sheet, Skipped::reason)
			.containsExactlyInAnyOrder(tuple("列出但不存在的工作表.xlsx", "说明", "工作簿中列出了这张工作表，但文件中没有它的内容，未读取"),
					tuple("列出但不存在的工作表.xlsx", "旧表", "工作簿中列出了这张工作表，但文件中没有它的内容，未读取"),
					tuple("图表宏表对话框.xlsx", "图表1", "图表工作表，不含数据，未读取"), tuple("图表宏表对话框.xlsx", "宏1", "宏表，未读取"),
					tuple("图表宏表对话框.xlsx", "对话框1", "对话框工作表，未读取"), tuple("宏表对话框.xls", "对话框1", "对话框工作表，未读取"),
					tuple("宏表对话框.xls", "宏1", "宏表，未读取"));
	}

	@Test
	void everyFileIsListedWithItsRowsAccountedFor() {
		assertThat(this.workbook.runInfo().files()).hasSize(15)
			.allSatisfy((file) -> assertThat(file.balances()).isTrue());
		assertThat(this.workbook.runInfo().file("报告期为日期.xlsx").states()).containsExactly(2L, 1L, 0L, 0L);
		assertThat(this.workbook.runInfo().files().stream().filter((f) -> f.status().startsWith("无法读取")))
			.extracting(InputFile::path)
			.containsExactlyInAnyOrder("Excel2.1格式.xls", "二进制内容.csv", "损坏的条目.xlsx", "有打开密码.xls", "有打开密码.xlsx");
	}

	private static String reason(List<Row> findings, String file) {
		return findings.stream().filter((r) -> file.equals(r.get("文件"))).findFirst().orElseThrow().text("说明");
	}

}
