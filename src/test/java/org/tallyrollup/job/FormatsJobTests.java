package org.tallyrollup.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import org.tallyrollup.job.JobRunner.Run;
import org.tallyrollup.job.WorkbookContent.InputFile;
import org.tallyrollup.job.WorkbookContent.Row;
import org.tallyrollup.job.WorkbookContent.RunInfo;
import org.tallyrollup.job.WorkbookContent.Skipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tallyrollup.job.Book.BLANK;
import static org.tallyrollup.job.Book.formula;

/**
 * The tally formats of SPEC.md §2.2–§2.3 through the whole job, one period folder holding
 * each quirk a sub-unit's file may have, over {@link StandardRegistry}: a .xlsx with a
 * header band, a two-row header and every way of writing a count; a .xls with a hidden
 * sheet and a sheet of notes; CSV files in three encodings and three separators; files to
 * pass over; files that cannot be read (F1) and a sheet without a required column (F2).
 */
@JobTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormatsJobTests {

	static final String PERIOD = "2023-11";

	@TempDir
	static Path folder;

	@Autowired
	JobRunner runner;

	InputFolder input;

	Run run;

	WorkbookContent workbook;

	@BeforeAll
	void runOverEveryFormat() throws IOException {
		this.input = StandardRegistry.input(folder.resolve("input"));
		writeTallies(this.input);
		this.run = this.runner.completed(PERIOD, this.input.root(), folder.resolve("output"));
		this.workbook = this.run.content();
	}

	static void writeTallies(InputFolder input) {
		input.book("2023-11/东城区/东城区统计表.xlsx", districtWorkbook());
		input.bytes("2023-11/东城区/~$东城区统计表.xlsx", "\u0006张三                ".getBytes(StandardCharsets.UTF_16LE));
		Book branch = Book.xlsx();
		branch.sheet("Sheet1")
			.row("单位代码", "党组织名称", "基层党支部数", "发现问题数", "制定整改措施数", "完成整改数", "完善制度数", "报告期")
			.row(101, "北县第一党支部", 1, 7, 9, 6, 2, "2023-11")
			.row("合计", null, 1, 8, 9, 6, 2, null);
		input.book("2023-11/北县/一支部/北县一支部.xlsx", branch);
		input.book("2023-11/北县/北县.xls", countyWorkbook());
		input.text("2023-11/西城区/一支部.csv", StandardCharsets.UTF_8, false, "\n", "西城街道第一党支部主题教育统计表,,,,,",
				"单位编码,单位名称,党支部数,检视问题数,整改措施数,已完成整改数", "01020101,西城街道第一党支部,1,6,8,4");
		input.text("2023-11/西城区/二支部.csv", StandardCharsets.UTF_8, true, "\r\n", "西城街道第二党支部统计表",
				"单位编码\t单位名称\t党支部数\t检视问题数\t整改措施数\t已完成整改数", "01020102\t西城街道第二党支部\t1\t无\t\t0");
		input.text("2023-11/西城区/临时支部.csv", InputFolder.GBK, false, "\r\n", "西城街道临时党支部统计表;;;;;",
				"单位编码;单位名称;党支部数;检视问题数;整改措施数;已完成整改数", "01020103;西城街道临时党支部;1;1;1;1");
		// passed over: a lock file (above), hidden files and folders, other types
		String hiddenTally = "单位编码,单位名称,党支部数,检视问题数,整改措施数,已完成整改数\n0103,开发区机关党支部,1,100,100,100\n";
		input.bytes("2023-11/.hidden.csv", hiddenTally.getBytes(StandardCharsets.UTF_8));
		input.bytes("2023-11/.hidden/藏.csv", hiddenTally.getBytes(StandardCharsets.UTF_8));
		input.bytes("2023-11/通知.docx", "PK\u0003\u0004 not really a document".getBytes(StandardCharsets.ISO_8859_1));
		input.bytes("2023-11/附件/a.pdf", "%PDF-1.4\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1));
		// F1: truncated, random bytes, text named .xlsx, encrypted
		Book whole = Book.xlsx();
		var sheet = whole.sheet("统计表").row("单位编码", "单位名称", "党支部数", "检视问题数", "整改措施数", "已完成整改数");
		for (int i = 0; i < 200; i++) {
			sheet.row("0103", "开发区机关党支部" + i, 1, i, i, i);
		}
		byte[] complete = whole.bytes();
		input.bytes("2023-11/坏/截断.xlsx", Arrays.copyOf(complete, complete.length / 2));
		byte[] noise = new byte[4096];
		new Random(42).nextBytes(noise);
		input.bytes("2023-11/坏/乱码.xls", noise);
		input.bytes("2023-11/坏/其实是文本.xlsx", hiddenTally.getBytes(StandardCharsets.UTF_8));
		Book secret = Book.xlsx();
		secret.sheet("统计表")
			.row("单位编码", "单位名称", "党支部数", "检视问题数", "整改措施数", "已完成整改数")
			.row("0103", "开发区机关党支部", 1, 100, 100, 100);
		secret.writeEncrypted(input.resolve("2023-11/坏/加密.xlsx"), "secret");
		// F2: no 整改措施数
		Book incomplete = Book.xlsx();
		incomplete.sheet("统计表").row("单位编码", "单位名称", "党支部数", "检视问题数", "已完成整改数").row("0103", "开发区机关党支部", 1, 3, 1);
		input.book("2023-11/开发区/开发区.xlsx", incomplete);
	}

	/**
	 * 东城区: merged title (1), 填报单位 line (2), 单位：个 (3), two-row header with merged group
	 * cells 检视问题 and 调研 and cells merged down (4–5), 栏次 (6), data (7, 9, 10) with a blank
	 * row between (8), a 合计 that agrees (11), footer (12–13), blank rows at the end
	 * (14–15). Unknown columns 序号 and 联系人; headers with units in brackets and a line
	 * break; other names of category columns; counts written every way a clerk does.
	 */
	static Book districtWorkbook() {
		Book book = Book.xlsx();
		book.sheet("11月")
			.row("东城区主题教育检视整改进展情况统计表")
			.merge("A1:L1")
			.row("填报单位：东城区委组织部　　填报日期：2023年11月30日")
			.row("单位：个")
			.row("序号", "单位编码", "单位名称", "党支部数（个）", "检视问题", null, null, null, "整改措施数(条)", "已完成整改数", "调研", "联系人")
			.row(null, null, null, null, "检视问题数（个）", "党中央关心关注的问题", "群众急难愁盼\n问题数", "其他问题数", null, null, "课题数", null)
			.merge("A4:A5")
			.merge("B4:B5")
			.merge("C4:C5")
			.merge("D4:D5")
			.merge("E4:H4")
			.merge("I4:I5")
			.merge("J4:J5")
			.merge("L4:L5")
			.row("甲", "乙", "丙", 1, 2, 3, 4, 5, 6, 7, 8, "丁")
			.row(1, "0101", "东城区委", "无", 3, 1, "1", 1, "4条", 2.0, 1, "张三")
			.row(BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK)
			.row(2, "010101", "东城区第一党支部", "１", "12个", 5, 4, 3, "1,234", 1000, null, "李四")
			.row(3, "010102", " 东城区第二党支部 ", 1, "１２", "-", 12, null, formula("10+5"), formula("I10-5"), "-", null)
			.row("合计", null, null, 2, 27, 6, 17, 4, 1253, 1012, formula("SUM(K7:K10)"), null)
			.row("填报人：王五　　审核人：赵六")
			.row("注：本表数据截至2023年11月30日")
			.row(BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK)
			.row(BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK);
		return book;
	}

	/**
	 * 北县 (.xls): a sheet of notes, last month's sheet hidden, and this month's with other
	 * column names, numeric codes and a 合计 that disagrees on 整改措施数 (6, not 5).
	 */
	static Book countyWorkbook() {
		Book book = Book.xls();
		book.sheet("填表说明").row("填表说明").row("1. 单位编码请按单位名册填写。").row("2. 数字请填阿拉伯数字。");
		book.sheet("10月").row("编码", "名称", "支部数", "查摆问题数", "措施数", "已完成数").row(102, "北县第二党支部", 1, 99, 99, 99);
		book.sheet("11月")
			.row("北县主题教育统计表（11月）")
			.row("编码", "名称", "支部数", "党员人数", "查摆问题数", "措施数", "已完成数", "备注")
			.row(9, "北县县委", 0, 2, 1, 1, 0, null)
			.row(102.0, "北县第二党支部", 1, 25, 4, 4, 3, "按时报送")
			.row("合计", null, 1, 27, 5, 6, 3, null)
			.row("填表人：孙七");
		return book.hide("10月");
	}

	@Test
	void holdsToTheContract() {
		WorkbookChecks.assertConsistent(this.workbook);
	}

	@Test
	void detailsOfEveryAcceptedRowAsCleaned() {
		assertThat(this.workbook.rows("明细"))
			.extracting((r) -> r.get("单位编码"), (r) -> r.get("来源文件"), (r) -> r.get("工作表"), (r) -> r.get("行号"))
			.containsExactly(tuple("0101", "东城区/东城区统计表.xlsx", "11月", 7L), tuple("010101", "东城区/东城区统计表.xlsx", "11月", 9L),
					tuple("010102", "东城区/东城区统计表.xlsx", "11月", 10L), tuple("101", "北县/一支部/北县一支部.xlsx", "Sheet1", 2L),
					tuple("9", "北县/北县.xls", "11月", 3L), tuple("102", "北县/北县.xls", "11月", 4L),
					tuple("01020101", "西城区/一支部.csv", "一支部", 3L), tuple("01020103", "西城区/临时支部.csv", "临时支部", 3L),
					tuple("01020102", "西城区/二支部.csv", "二支部", 3L));
		// 党支部数, 党员数, 检视问题数, 整改措施数, 已完成整改数, 6 categories, 调研课题数, 建章立制数
		assertThat(counts("0101")).containsExactly(0L, 0L, 3L, 4L, 2L, 1L, 0L, 1L, 0L, 0L, 1L, 1L, 0L);
		assertThat(counts("010101")).containsExactly(1L, 0L, 12L, 1234L, 1000L, 5L, 0L, 4L, 0L, 0L, 3L, 0L, 0L);
		assertThat(counts("010102")).containsExactly(1L, 0L, 12L, 15L, 10L, 0L, 0L, 12L, 0L, 0L, 0L, 0L, 0L);
		assertThat(counts("101")).containsExactly(1L, 0L, 7L, 9L, 6L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 2L);
		assertThat(counts("9")).containsExactly(0L, 2L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
		assertThat(counts("102")).containsExactly(1L, 25L, 4L, 4L, 3L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
		assertThat(counts("01020101")).containsExactly(1L, 0L, 6L, 8L, 4L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
		assertThat(counts("01020102")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
		assertThat(counts("01020103")).containsExactly(1L, 0L, 1L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
		assertThat(this.workbook.rows("明细")).extracting((r) -> r.get("单位名称"))
			.containsExactly("东城区委", "东城区第一党支部", "东城区第二党支部", "北县第一党支部", "北县县委", "北县第二党支部", "西城街道第一党支部", "西城街道临时党支部",
					"西城街道第二党支部");
	}

	private List<Long> counts(String unit) {
		return this.workbook.unit("明细", unit).counts();
	}

	@Test
	void totalsOfTheRootsAndInnerUnits() {
		Row city = this.workbook.unit("汇总", "01");
		assertThat(city.counts()).containsExactly(5L, 0L, 34L, 1262L, 1017L, 6L, 0L, 17L, 0L, 0L, 4L, 1L, 0L);
		assertThat(city.counts("应报单位数", "已报单位数")).containsValues(6L, 5L);
		assertThat(this.workbook.unit("分级汇总", "0101").counts()).containsExactly(2L, 0L, 27L, 1253L, 1012L, 6L, 0L, 17L,
				0L, 0L, 4L, 1L, 0L);
		assertThat(this.workbook.unit("分级汇总", "010201").counts()).containsExactly(3L, 0L, 7L, 9L, 5L, 0L, 0L, 0L, 0L,
				0L, 0L, 0L, 0L);
		assertThat(this.workbook.unit("分级汇总", "010201").counts("应报单位数", "已报单位数")).containsValues(2L, 2L);
		Row county = this.workbook.unit("汇总", "9");
		assertThat(county.counts()).containsExactly(2L, 27L, 12L, 14L, 9L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 2L);
		assertThat(county.counts("应报单位数", "已报单位数")).containsValues(2L, 2L);
		assertThat(this.workbook.codes("未报送")).containsExactly("0103");
	}

	@Test
	void findingsAreTheUnreadableFilesTheSheetWithoutAColumnAndTheStaleTotals() {
		List<Row> findings = this.workbook.rows("校验问题");
		assertThat(findings)
			.extracting((r) -> r.get("级别"), (r) -> r.get("规则"), (r) -> r.get("文件"), (r) -> r.get("工作表"),
					(r) -> r.get("行号"))
			.containsExactly(tuple("警告", "W4", "北县/一支部/北县一支部.xlsx", "Sheet1", 3L),
					tuple("警告", "W4", "北县/北县.xls", "11月", 5L), tuple("错误", "F1", "坏/乱码.xls", null, null),
					tuple("错误", "F1", "坏/其实是文本.xlsx", null, null), tuple("错误", "F1", "坏/加密.xlsx", null, null),
					tuple("错误", "F1", "坏/截断.xlsx", null, null), tuple("错误", "F2", "开发区/开发区.xlsx", "统计表", null));
		assertThat(findings.get(0).get("列")).isEqualTo("检视问题数");
		assertThat(findings.get(0).get("原值")).isEqualTo("8");
		assertThat(findings.get(1).get("列")).isEqualTo("整改措施数");
		assertThat(findings.get(1).get("原值")).isEqualTo("6");
		assertThat(findings.get(3).text("说明")).contains("文本");
		assertThat(findings.get(4).text("说明")).contains("密码");
		assertThat(findings.get(5).text("说明")).contains("损坏");
		assertThat(findings.get(6).text("说明")).contains("整改措施数");
	}

	@Test
	void filesAndSheetsPassedOverAreListed() {
		assertThat(this.workbook.runInfo().skipped()).extracting(Skipped::file, Skipped::sheet)
			.containsExactlyInAnyOrder(tuple(".hidden.csv", null), tuple(".hidden/", null),
					tuple("东城区/~$东城区统计表.xlsx", null), tuple("通知.docx", null), tuple("附件/a.pdf", null),
					tuple("北县/北县.xls", "填表说明"), tuple("北县/北县.xls", "10月"));
		assertThat(this.run.report().filesSkipped()).isEqualTo(5);
		assertThat(this.run.report().sheetsSkipped()).isEqualTo(2);
	}

	@Test
	void everyTallyFileIsListedWithItsRows() throws IOException {
		RunInfo info = this.workbook.runInfo();
		assertThat(info.files())
			.extracting(InputFile::path, InputFile::accepted, InputFile::rejected, InputFile::superseded,
					InputFile::skipped)
			.containsExactly(tuple("东城区/东城区统计表.xlsx", 3L, 0L, 0L, 4L), tuple("北县/一支部/北县一支部.xlsx", 1L, 0L, 0L, 1L),
					tuple("北县/北县.xls", 2L, 0L, 0L, 2L), tuple("坏/乱码.xls", 0L, 0L, 0L, 0L),
					tuple("坏/其实是文本.xlsx", 0L, 0L, 0L, 0L), tuple("坏/加密.xlsx", 0L, 0L, 0L, 0L),
					tuple("坏/截断.xlsx", 0L, 0L, 0L, 0L), tuple("开发区/开发区.xlsx", 0L, 0L, 0L, 0L),
					tuple("西城区/一支部.csv", 1L, 0L, 0L, 0L), tuple("西城区/临时支部.csv", 1L, 0L, 0L, 0L),
					tuple("西城区/二支部.csv", 1L, 0L, 0L, 0L));
		for (InputFile file : info.files()) {
			Path path = this.input.resolve(PERIOD).resolve(file.path());
			assertThat(file.size()).as("size of %s", file.path()).isEqualTo(Files.size(path));
			assertThat(file.sha256()).as("SHA-256 of %s", file.path())
				.isEqualToIgnoringCase(StandardRegistry.sha256(path));
		}
		assertThat(info.files().stream().filter((f) -> f.path().startsWith("坏/")))
			.allSatisfy((f) -> assertThat(f.status()).contains("F1"));
		assertThat(info.file("开发区/开发区.xlsx").status()).isEqualTo("已读取");
		assertThat(info.filesTotal().states()).containsExactly(9L, 0L, 0L, 7L);
		assertThat(this.run.report().filesFailed()).isEqualTo(4);
	}

}
