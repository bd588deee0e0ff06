package org.tallyrollup.job;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import org.tallyrollup.job.JobRunner.Run;
import org.tallyrollup.job.WorkbookContent.InputFile;
import org.tallyrollup.job.WorkbookContent.Row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Duplicates (SPEC.md §3.3) through the whole job: of a unit's accepted rows the one from
 * the file modified last wins, ties going to the later relative path as Java compares
 * strings, within a file to the later sheet and then the lower row; a rejected row never
 * supersedes an accepted one; every superseded row gets a W3 naming the row that replaced
 * it and is never summed.
 */
@JobTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicatesJobTests {

	static final String HEADER = "单位编码,单位名称,党支部数,检视问题数,整改措施数,已完成整改数";

	@TempDir
	static Path folder;

	@Autowired
	JobRunner runner;

	Run run;

	WorkbookContent workbook;

	@BeforeAll
	void runOverDuplicates() {
		InputFolder input = new InputFolder(folder.resolve("input")).registry("单位编码,单位名称,上级单位编码", "00,重复市委,",
				"001,第1党支部,00", "002,第2党支部,00", "003,第3党支部,00", "004,第4党支部,00", "005,第5党支部,00", "006,第6党支部,00");
		// 001: a.csv is the newest of three files holding it, though not the last path
		input.csv("2023-11/a.csv", HEADER, "001,第1党支部,1,10,10,10", "004,第4党支部,1,4,4,4");
		input.csv("2023-11/b.csv", HEADER, "001,第1党支部,1,1,1,1");
		// 002 and 006: equal times, the later path wins (c/a.csv after c/Z.csv: 'a' >
		// 'Z')
		input.csv("2023-11/c/x.csv", HEADER, "002,第2党支部,1,2,2,2");
		input.csv("2023-11/c/y.csv", HEADER, "002,第2党支部,1,20,20,20");
		input.csv("2023-11/c/Z.csv", HEADER, "006,第6党支部,1,6,6,6");
		input.csv("2023-11/c/a.csv", HEADER, "006,第6党支部,1,60,60,60");
		// 004: the newest file's row is rejected (R4) and replaces nothing;
		// 003: twice in one file, the lower row wins
		input.csv("2023-11/d.csv", HEADER, "004,第4党支部,1,9,9,99", "003,第3党支部,1,3,3,3", "003,第3党支部,1,30,30,30");
		// 005: the later sheet wins over a row further down an earlier sheet
		Book book = Book.xlsx();
		book.sheet("一")
			.row(HEADER.split(","))
			.skipRow()
			.row("005", "第5党支部", 1, 5, 5, 5)
			.row("001", "第1党支部", 1, 100, 100, 100);
		book.sheet("二").row(HEADER.split(",")).row("005", "第5党支部", 1, 50, 50, 50);
		input.book("2023-11/e.xlsx", book);
		input.modified("2023-11/a.csv", at(10));
		input.modified("2023-11/b.csv", at(9));
		input.modified("2023-11/c/x.csv", at(8));
		input.modified("2023-11/c/y.csv", at(8));
		input.modified("2023-11/c/Z.csv", at(8));
		input.modified("2023-11/c/a.csv", at(8));
		input.modified("2023-11/d.csv", at(11));
		input.modified("2023-11/e.xlsx", at(7));
		this.run = this.runner.completed("2023-11", input.root(), folder.resolve("output"));
		this.workbook = this.run.content();
	}

	private static Instant at(int hour) {
		return LocalDateTime.of(2023, 12, 1, hour, 0).atZone(ZoneId.systemDefault()).toInstant();
	}

	@Test
	void holdsToTheContract() {
		WorkbookChecks.assertConsistent(this.workbook);
	}

	@Test
	void onlyTheWinningRowOfEachUnitIsInTheDetails() {
		assertThat(this.workbook.rows("明细"))
			.extracting((r) -> r.get("单位编码"), (r) -> r.get("检视问题数"), (r) -> r.get("来源文件"), (r) -> r.get("工作表"),
					(r) -> r.get("行号"))
			.containsExactly(tuple("001", 10L, "a.csv", "a", 2L), tuple("004", 4L, "a.csv", "a", 3L),
					tuple("006", 60L, "c/a.csv", "a", 2L), tuple("002", 20L, "c/y.csv", "y", 2L),
					tuple("003", 30L, "d.csv", "d", 4L), tuple("005", 50L, "e.xlsx", "二", 2L));
	}

	@Test
	void everySupersededRowHasAW3NamingTheRowThatReplacedIt() {
		List<Row> findings = this.workbook.rows("校验问题");
		assertThat(findings)
			.extracting((r) -> r.get("文件"), (r) -> r.get("工作表"), (r) -> r.get("行号"), (r) -> r.get("规则"),
					(r) -> r.get("级别"), (r) -> r.get("单位编码"))
			.containsExactly(tuple("b.csv", "b", 2L, "W3", "警告", "001"), tuple("c/Z.csv", "Z", 2L, "W3", "警告", "006"),
					tuple("c/x.csv", "x", 2L, "W3", "警告", "002"), tuple("d.csv", "d", 2L, "R4", "错误", "004"),
					tuple("d.csv", "d", 3L, "W3", "警告", "003"), tuple("e.xlsx", "一", 3L, "W3", "警告", "005"),
					tuple("e.xlsx", "一", 4L, "W3", "警告", "001"));
		assertThat(findings.get(0).text("说明")).contains("a.csv").contains("第2行");
		assertThat(findings.get(1).text("说明")).contains("c/a.csv").contains("第2行");
		assertThat(findings.get(2).text("说明")).contains("c/y.csv").contains("第2行");
		assertThat(findings.get(4).text("说明")).contains("d.csv").contains("第4行");
		assertThat(findings.get(5).text("说明")).contains("e.xlsx").contains("二").contains("第2行");
		assertThat(findings.get(6).text("说明")).contains("a.csv").contains("第2行");
	}

	@Test
	void supersededRowsAreCountedButNotSummed() {
		assertThat(this.workbook.runInfo().files())
			.extracting(InputFile::path, InputFile::accepted, InputFile::rejected, InputFile::superseded,
					InputFile::skipped)
			.containsExactly(tuple("a.csv", 2L, 0L, 0L, 0L), tuple("b.csv", 0L, 0L, 1L, 0L),
					tuple("c/Z.csv", 0L, 0L, 1L, 0L), tuple("c/a.csv", 1L, 0L, 0L, 0L),
					tuple("c/x.csv", 0L, 0L, 1L, 0L), tuple("c/y.csv", 1L, 0L, 0L, 0L), tuple("d.csv", 1L, 1L, 1L, 0L),
					tuple("e.xlsx", 1L, 0L, 2L, 1L));
		Row root = this.workbook.unit("汇总", "00");
		assertThat(root.counts("党支部数", "检视问题数", "整改措施数", "已完成整改数", "应报单位数", "已报单位数")).containsValues(6L, 174L, 174L,
				174L, 6L, 6L);
		assertThat(this.workbook.rows("未报送")).isEmpty();
		assertThat(this.run.report().rowsSuperseded()).isEqualTo(6);
	}

	@Test
	void modificationTimesAreShown() {
		assertThat(this.workbook.runInfo().file("a.csv").modified()).isEqualTo("2023-12-01 10:00:00");
		assertThat(this.workbook.runInfo().file("e.xlsx").modified()).isEqualTo("2023-12-01 07:00:00");
	}

}
