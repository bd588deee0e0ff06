package org.tallyrollup.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import org.tallyrollup.staging.FileStore;

/**
 * One real run, in a child JVM limited to 256 MB, over a period folder of hostile and
 * broken files ({@link HostileInput}) beside good ones: it completes in bounded time,
 * every bad file is reported (F1, or read where it really is readable), the good files'
 * totals are exact, no local file's content reaches the output (XXE), and text that looks
 * like a formula is written as text in every sheet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileFilesTests {

	private static final Duration BOUND = Duration.ofMinutes(2);

	private HostileInput input;

	private ChildRun.Result run;

	private Duration took;

	private OutputWorkbook workbook;

	abstract Repositories.Kind repository();

	@BeforeAll
	void runOverHostileFiles(@TempDir Path dir) throws Exception {
		this.input = HostileInput.create(dir.resolve("input"));
		Path output = dir.resolve("output");
		ChildRun app = new ChildRun(dir, repository().fresh(dir)).jvm("-XX:+ExitOnOutOfMemoryError");
		long start = System.nanoTime();
		this.run = app.run("--input", dir.resolve("input").toString(), "--output", output.toString());
		this.took = Duration.ofNanos(System.nanoTime() - start);
		Path file = output.resolve(HostileInput.PERIOD).resolve("rollup_" + HostileInput.PERIOD + ".xlsx");
		this.workbook = Files.exists(file) ? OutputWorkbook.open(file) : null;
	}

	@AfterAll
	void close() throws Exception {
		if (this.workbook != null) {
			this.workbook.close();
		}
		Repositories.dropCreated();
	}

	@Test
	void completesUnder256MegabytesInBoundedTime() {
		assertThat(this.run.exitCode()).as(this.run.toString()).isZero();
		assertThat(this.run.out() + this.run.err()).doesNotContain("OutOfMemoryError");
		assertThat(this.took).isLessThan(BOUND);
	}

	@Test
	void reportsEveryBrokenFileAsUnreadableAndReadsTheReadableOnes() {
		Map<String, String> status = this.workbook.runInfoTable("文件")
			.stream()
			.collect(Collectors.toMap((row) -> OutputWorkbook.text(row.get("文件")),
					(row) -> OutputWorkbook.text(row.get("状态"))));
		List<String> unreadable = this.workbook.table("校验问题")
			.stream()
			.filter((row) -> OutputWorkbook.text(row.get("规则")).equals("F1"))
			.map((row) -> OutputWorkbook.text(row.get("文件")))
			.toList();
		this.input.outcomes().forEach((file, outcome) -> {
			// a path longer than the job stores is cut short, ending with "…"
			String shown = (file.length() > FileStore.PATH) ? file.substring(0, FileStore.PATH - 1) + "…" : file;
			if (outcome == HostileInput.Outcome.UNREADABLE) {
				assertThat(status.get(shown)).as(file).startsWith("无法读取（F1）");
				assertThat(unreadable).as(file).contains(shown);
			}
			else {
				assertThat(status.get(shown)).as(file).isEqualTo("已读取");
			}
		});
		assertThat(unreadable).hasSameSizeAs(
				this.input.outcomes().values().stream().filter((o) -> o == HostileInput.Outcome.UNREADABLE).toList());
	}

	@Test
	void rollsTheGoodRowsUpExactly() {
		Map<String, Cell> root = this.workbook.table("汇总").get(0);
		long[] expected = new long[4];
		this.input.accepted().values().forEach((counts) -> {
			for (int i = 0; i < 4; i++) {
				expected[i] += counts[i];
			}
		});
		assertThat(OutputWorkbook.text(root.get("单位编码"))).isEqualTo("00");
		assertThat(new long[] { OutputWorkbook.number(root.get("党支部数")), OutputWorkbook.number(root.get("检视问题数")),
				OutputWorkbook.number(root.get("整改措施数")), OutputWorkbook.number(root.get("已完成整改数")) })
			.containsExactly(expected);
		assertThat(this.workbook.table("明细").stream().map((row) -> OutputWorkbook.text(row.get("单位编码"))))
			.containsExactlyInAnyOrderElementsOf(this.input.accepted().keySet());
	}

	@Test
	void neverCopiesALocalFileIntoTheOutput() {
		for (Sheet sheet : this.workbook.workbook()) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					assertThat(OutputWorkbook.text(cell)).doesNotContain(this.input.secret());
				}
			}
		}
		assertThat(this.run.out() + this.run.err()).doesNotContain(this.input.secret());
	}

	@Test
	void writesTextThatLooksLikeAFormulaAsText() {
		int formulaLike = 0;
		for (Sheet sheet : this.workbook.workbook()) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
						.isNotEqualTo(CellType.FORMULA);
					String text = OutputWorkbook.text(cell);
					if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
						assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
						formulaLike++;
					}
				}
			}
		}
		assertThat(formulaLike).isGreaterThan(0);
		assertThat(column("汇总", "单位名称")).contains(HostileInput.FORMULA_NAME);
		assertThat(column("分级汇总", "单位编码")).contains(HostileInput.FORMULA_CODE);
		assertThat(column("明细", "来源文件")).contains(HostileInput.FORMULA_FILE);
		assertThat(column("校验问题", "原值")).contains(HostileInput.COMMAND_NAME, HostileInput.AT_FORMULA);
		assertThat(column("校验问题", "单位编码")).contains(HostileInput.MINUS_FORMULA);
	}

	private List<String> column(String sheet, String header) {
		return this.workbook.table(sheet).stream().map((row) -> OutputWorkbook.text(row.get(header))).toList();
	}

}
