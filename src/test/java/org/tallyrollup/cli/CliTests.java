package org.tallyrollup.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The command line as picocli parses it: help and version, exit status 2 with the reason
 * and the usage for a command line not understood, Spring settings passed through.
 */
class CliTests {

	@Test
	void helpListsTheCommandsAndEachCommandItsOptions() {
		Result help = execute("--help");
		assertThat(help.status()).isZero();
		assertThat(help.out()).contains("run", "template", "serve", "hash-password");
		Result run = execute("run", "--help");
		assertThat(run.status()).isZero();
		assertThat(run.out()).contains("--period", "--input", "--output", "--fresh");
		assertThat(execute("template", "-h").out()).contains("--unit", "--categories");
	}

	@Test
	void versionIsTheBuildsVersion() {
		Result version = execute("--version");
		assertThat(version.status()).isZero();
		assertThat(version.out()).startsWith("tally-rollup ");
	}

	@Test
	void aCommandLineNotUnderstoodExitsWithTwoTheReasonAndTheUsage() {
		Result none = execute();
		assertThat(none.status()).isEqualTo(2);
		assertThat(none.err()).startsWith("错误：缺少命令").contains("Usage:");
		Result unknown = execute("rollup");
		assertThat(unknown.status()).isEqualTo(2);
		assertThat(unknown.err()).startsWith("错误：未知命令 rollup");
		Result option = execute("run", "--nope", "x");
		assertThat(option.status()).isEqualTo(2);
		assertThat(option.err()).startsWith("错误：无法识别的选项：--nope").contains("--period");
		Result unit = execute("template", "--period", "2023-11");
		assertThat(unit.status()).isEqualTo(2);
		assertThat(unit.err()).startsWith("错误：缺少必填选项 --unit");
		Result serve = execute("serve", "--input", "x");
		assertThat(serve.status()).isEqualTo(2);
		assertThat(serve.err()).startsWith("错误：无法识别的选项：--input");
	}

	@Test
	void parsesACommandsOptionsAndPassesSpringSettingsThrough() {
		Invocation run = Invocation.parse("run", "--period=2023-11", "--input", "in", "--fresh", "--tally.chunk-size",
				"500", "--server.port=9090");
		assertThat(run.command()).isEqualTo("run");
		assertThat(run.option("period")).isEqualTo("2023-11");
		assertThat(run.option("input")).isEqualTo("in");
		assertThat(run.option("output")).isNull();
		assertThat(run.flag("fresh")).isTrue();
		assertThat(run.springArgs()).containsExactly("--tally.chunk-size=500", "--server.port=9090");
		assertThat(Invocation.parse("run").flag("fresh")).isFalse();
		assertThatExceptionOfType(Invocation.UsageException.class).isThrownBy(() -> Invocation.parse("run", "x"))
			.withMessage("无法识别的参数：x");
		assertThatExceptionOfType(Invocation.UsageException.class)
			.isThrownBy(() -> Invocation.parse("run", "--tally.chunk-size"))
			.withMessage("选项 --tally.chunk-size 缺少取值");
	}

	private static Result execute(String... args) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
		ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
			int status = Cli.execute(Object.class, args);
			return new Result(status, outBytes.toString(StandardCharsets.UTF_8),
					errBytes.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	record Result(int status, String out, String err) {
	}

}
