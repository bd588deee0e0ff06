package org.tallyrollup.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark at a tiny size, once, against the packaged jar (failsafe runs this after
 * {@code package}): the generator's files are valid tallies the job reads with exactly
 * the counts the generator planted, and the harness measures every figure of the table.
 */
class BenchIT {

	private static final Path JAR = Path.of("target", "tally-rollup.jar");

	private static final Path LAUNCHER = Path.of("bin", "tally-rollup");

	@Test
	void measuresTheJobAndTheFloorAtTinySizes(@TempDir Path temp) throws Exception {
		// given
		Path report = temp.resolve("BENCHMARKS.md");
		// the job started as the README starts it: the launcher, the extracted jar and
		// its
		// class-data-sharing archive the build made
		Bench.Options options = Bench.Options.parse("--jar", JAR.toString(), "--launcher", LAUNCHER.toString(),
				"--sizes", "tiny,national-tiny", "--reps", "1", "--work", temp.resolve("work").toString(), "--results",
				temp.resolve("results").toString(), "--report", report.toString(), "--no-duckdb");
		ByteArrayOutputStream log = new ByteArrayOutputStream();

		// when
		List<SizeResult> results = new Bench(options, new PrintStream(log, true, StandardCharsets.UTF_8)).run();

		// then
		String printed = log.toString(StandardCharsets.UTF_8);
		assertThat(results).hasSize(2);
		for (SizeResult result : results) {
			assertMeasured(result.values, printed);
		}
		assertThat(Files.readString(report))
			.contains("| size | units | files | rows read | -Xmx | job wall s | job CPU s | job peak RSS MiB | "
					+ "job peak heap MiB | rows/s | files/s | floor wall s | job ÷ floor | floor CPU s | "
					+ "job ÷ floor, CPU | counts verified | reps | measured |")
			.containsPattern(row("tiny"))
			.containsPattern(row("national-tiny"))
			.contains("| tiny | fastexcel |", "| tiny | sxssf |", "| national-tiny | fastexcel |")
			.contains("## Targets", "## Machine", "## How to repeat");
		assertThat(temp.resolve("results").resolve("tiny.properties")).exists();
		assertThat(temp.resolve("results").resolve("national-tiny.properties")).exists();
	}

	private static String row(String size) {
		return "\\| " + size + " \\| \\d+ \\| \\d+ \\| \\d+ \\| 256m \\| [\\d.]+ \\| [\\d.]+ \\| \\d+ \\| \\d+ \\| "
				+ "[\\d,]+ \\| [\\d,]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| yes \\| 1/1 \\|";
	}

	private static void assertMeasured(Map<String, String> v, String printed) {
		assertThat(v.get("job.ok")).as(printed).isEqualTo("1/1");
		assertThat(v.get("job.differences")).as(printed).isEmpty();
		assertThat(v.get("job.verified")).isEqualTo("true");
		assertThat(number(v, "job.wall")).isBetween(0.5, 600.0);
		assertThat(number(v, "job.cpu")).isBetween(0.5, 2400.0);
		assertThat(number(v, "job.rss")).isBetween(32.0, 2048.0);
		assertThat(number(v, "job.heap")).isBetween(1.0, 256.0);
		assertThat(number(v, "job.step.readTallies")).isPositive();
		assertThat(number(v, "job.step.writeWorkbook")).isPositive();
		assertThat(number(v, "job.outsideSteps")).isPositive();
		for (String writer : List.of("fastexcel", "sxssf", "xlsx")) {
			assertThat(number(v, "floor." + writer + ".wall")).as(writer).isBetween(0.1, 600.0);
			assertThat(number(v, "floor." + writer + ".readMs")).as(writer).isNotNaN();
			assertThat(number(v, "floor." + writer + ".writeMs")).as(writer).isNotNaN();
		}
		assertThat(v.get("floor.best")).isIn("fastexcel", "sxssf", "xlsx");
	}

	@Test
	void theTinyInputsHoldEveryKindOfFileAndFault(@TempDir Path temp) throws Exception {
		// when
		Manifest manifest = InputGenerator.ensure(temp, BenchSize.TINY, new PrintStream(new ByteArrayOutputStream()));

		// then
		assertThat(manifest.number("files.xlsx")).isGreaterThanOrEqualTo(8);
		assertThat(manifest.number("files.xlsx.large")).isPositive();
		assertThat(manifest.number("files.csv")).isGreaterThanOrEqualTo(3);
		assertThat(manifest.number("files.csv.gbk")).isPositive();
		assertThat(manifest.number("files.xls")).isPositive();
		assertThat(manifest.number("files.failed")).isPositive();
		assertThat(manifest.number("files.late")).isPositive();
		assertThat(manifest.number("files.locks")).isPositive();
		assertThat(manifest.number("sheets.skipped")).isPositive();
		assertThat(manifest.number("rows.rejected")).isPositive();
		assertThat(manifest.number("rows.superseded")).isPositive();
		assertThat(manifest.number("rows.skipped")).isPositive();
		assertThat(manifest.number("units.missing")).isPositive();
		assertThat(manifest.findings()).containsKeys("R2", "R4", "W1", "W3", "W4");
	}

	private static double number(Map<String, String> values, String key) {
		String value = values.get(key);
		assertThat(value).as(key).isNotBlank();
		return Double.parseDouble(value);
	}

}
