package org.tallyrollup.job;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import org.tallyrollup.cli.Invocation;
import org.tallyrollup.cli.RunCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run} on the command line, handled in-process by {@link RunCommand}: exit status,
 * the summary printed for the person who ran it, and a one-line reason on stderr when it
 * cannot run.
 */
@JobTest
class RunCommandTests {

	static final String SAMPLE = Path.of("input").toAbsolutePath().toString();

	@TempDir
	Path folder;

	@Autowired
	RunCommand command;

	@Test
	void theSampleIsSummarised() {
		// when
		Result result = run("run", "--input", SAMPLE, "--output", this.folder.toString(), "--period", "2023-11");
		// then
		assertThat(result.status()).as(result.err()).isZero();
		assertThat(result.err()).isEmpty();
		Path workbook = this.folder.resolve("2023-11/rollup_2023-11.xlsx");
		assertThat(workbook).isRegularFile();
		assertThat(result.outLines()).containsExactly("报告期：2023-11", "文件：读取 5 个，无法读取 1 个，跳过 2 个文件、3 个工作表",
				"数据行：共读取 74 行，接受 58，拒绝 6，被替代 1，跳过 9",
				"汇总 中共江州市委（01）：党支部数 81，党员数 2437，检视问题数 320，整改措施数 440，已完成整改数 249，党中央关心关注问题数 18，制约高质量发展问题数 31，"
						+ "群众急难愁盼问题数 38，防范化解重大风险问题数 3，全面从严治党问题数 25，其他问题数 3，调研课题数 39，建章立制数 40，整改完成率 56.59%，"
						+ "应报 64 个，已报 58 个，报送率 90.63%",
				"校验问题：F1 1 条，R1 1 条，R2 1 条，R3 1 条，R4 1 条，R5 1 条，R6 1 条，W1 1 条，W2 1 条，W3 1 条，W4 1 条", "汇总表：" + workbook);
	}

	@Test
	void thePeriodDefaultsToTheLatestPeriodFolder() throws Exception {
		// given
		Path input = this.folder.resolve("input");
		Files.createDirectories(input);
		Files.writeString(input.resolve("units.csv"), "单位编码,单位名称,上级单位编码\n01,市委,\n0101,甲支部,01\n");
		for (String period : List.of("2023-10", "2023-11", "2023-09")) {
			Files.createDirectories(input.resolve(period));
			Files.writeString(input.resolve(period).resolve("甲.csv"),
					"单位编码,单位名称,党支部数,检视问题数,整改措施数,已完成整改数\n0101,甲支部,1,1,1,1\n");
		}
		Files.createDirectories(input.resolve("旧数据"));
		Path output = this.folder.resolve("output");
		// when
		Result result = run("run", "--input", input.toString(), "--output", output.toString());
		// then
		assertThat(result.status()).as(result.err()).isZero();
		assertThat(result.outLines()).first().isEqualTo("报告期：2023-11");
		assertThat(output.resolve("2023-11/rollup_2023-11.xlsx")).isRegularFile();
		assertThat(output.resolve("2023-10")).doesNotExist();
	}

	@Test
	void aMissingInputFolderIsRefused() {
		Path missing = this.folder.resolve("nowhere");
		Result withPeriod = run("run", "--input", missing.toString(), "--output", this.folder.toString(), "--period",
				"2023-11");
		assertThat(withPeriod.status()).isNotZero();
		assertThat(withPeriod.errLines()).singleElement().asString().startsWith("错误：").contains(missing.toString());
		assertThat(withPeriod.out()).isEmpty();
		Result withoutPeriod = run("run", "--input", missing.toString(), "--output", this.folder.toString());
		assertThat(withoutPeriod.status()).isNotZero();
		assertThat(withoutPeriod.errLines()).singleElement().asString().startsWith("错误：").contains(missing.toString());
	}

	@Test
	void aPeriodLabelThatIsNotAFolderNameIsRefused() {
		Result result = run("run", "--input", SAMPLE, "--output", this.folder.toString(), "--period", "../x");
		assertThat(result.status()).isNotZero();
		assertThat(result.errLines()).singleElement().asString().startsWith("错误：").contains("../x").contains("报告期");
		assertThat(this.folder).isEmptyDirectory();
	}

	@Test
	void anInvalidRegistryFailsTheRunWithItsProblems() throws Exception {
		// given
		Path input = this.folder.resolve("input");
		Files.createDirectories(input.resolve("2023-11"));
		Files.writeString(input.resolve("units.csv"), "单位编码,单位名称,上级单位编码\n01,市委,\n01,市委,\n0101,甲支部,02\n");
		Files.writeString(input.resolve("2023-11/甲.csv"), "单位编码,单位名称,党支部数,检视问题数,整改措施数,已完成整改数\n0101,甲支部,1,1,1,1\n");
		// when
		Result result = run("run", "--input", input.toString(), "--output", this.folder.resolve("output").toString(),
				"--period", "2023-11");
		// then
		assertThat(result.status()).isNotZero();
		assertThat(result.errLines()).singleElement()
			.asString()
			.startsWith("错误：")
			.contains("2023-11")
			.contains("units.csv")
			.contains("01")
			.contains("0101")
			.contains("02");
		assertThat(this.folder.resolve("output/2023-11/rollup_2023-11.xlsx")).doesNotExist();
	}

	private Result run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status;
		try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
				PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
			status = this.command.run(Invocation.parse(args), outStream, errStream);
		}
		return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	record Result(int status, String out, String err) {

		List<String> outLines() {
			return this.out.lines().toList();
		}

		List<String> errLines() {
			return this.err.lines().toList();
		}

	}

}
