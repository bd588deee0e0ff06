package org.tallyrollup.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator writes the same inputs every time, and reuses what it wrote.
 */
class InputGeneratorTests {

	@Test
	void writesTheSameInputsFromTheSameSeed(@TempDir Path temp) throws Exception {
		// when
		Manifest first = new InputGenerator(BenchSize.TINY, temp.resolve("a")).generate();
		Manifest second = new InputGenerator(BenchSize.TINY, temp.resolve("b")).generate();

		// then
		Map<String, String> a = new TreeMap<>(first.values());
		Map<String, String> b = new TreeMap<>(second.values());
		// zip entries carry the time they were written: workbooks differ by a byte or two
		a.remove("bytes.input");
		b.remove("bytes.input");
		assertThat(a).isEqualTo(b);
		assertThat(files(temp.resolve("a"))).isEqualTo(files(temp.resolve("b")));
		for (String file : files(temp.resolve("a"))) {
			if (file.endsWith(".csv")) {
				assertThat(temp.resolve("a").resolve(file)).as(file)
					.hasSameBinaryContentAs(temp.resolve("b").resolve(file));
			}
		}
	}

	@Test
	void reusesCachedInputsOfTheSameVersion(@TempDir Path temp) throws Exception {
		// given
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
		InputGenerator.ensure(temp, BenchSize.TINY, quiet);
		Path registry = InputGenerator.folderFor(temp, BenchSize.TINY).resolve("input/units.csv");
		long written = Files.getLastModifiedTime(registry).toMillis();

		// when
		InputGenerator.ensure(temp, BenchSize.TINY, quiet);

		// then
		assertThat(InputGenerator.folderFor(temp, BenchSize.TINY).toString())
			.endsWith("tiny-g" + InputGenerator.VERSION);
		assertThat(Files.getLastModifiedTime(registry).toMillis()).isEqualTo(written);
	}

	@Test
	void theFloorWritesAsManyRowsAsTheJobsWorkbookHolds() throws Exception {
		// given
		Manifest manifest = new Manifest();
		for (String key : List.of("units.summaryRows", "units", "rows.accepted", "units.missing", "findings.total",
				"files.failed", "files.tally", "files.skipped", "sheets.skipped")) {
			manifest.put(key, 10);
		}

		// when
		List<Floor.SheetSpec> sheets = Bench.workbookSheets(manifest);

		// then
		assertThat(sheets).extracting(Floor.SheetSpec::name).containsExactly("汇总", "分级汇总", "明细", "未报送", "校验问题", "运行信息");
		assertThat(sheets).extracting(Floor.SheetSpec::rows).containsExactly(10L, 10L, 10L, 10L, 20L, 50L);
	}

	private static List<String> files(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(Files::isRegularFile).map((p) -> root.relativize(p).toString()).sorted().toList();
		}
	}

}
