package org.tallyrollup.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed with SIGKILL at any point — reading, staging a chunk, rolling up, writing
 * the workbook, after moving it into place — leaves the previous workbook whole and no
 * visible half-written file, and the next run completes with the workbook an
 * uninterrupted run writes, whether it resumes or starts over with {@code --fresh}. Each
 * run is a child JVM sharing the job repository.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CrashRestartTests {

	private static final String WORKBOOK = "rollup_" + GeneratedInput.PERIOD + ".xlsx";

	private Path shared;

	private Path after;

	private Map<String, List<String>> expected;

	/** The job repository the runs share. */
	abstract Repositories.Kind repository();

	@BeforeAll
	void uninterruptedRun(@TempDir Path shared) throws Exception {
		this.shared = shared;
		this.after = GeneratedInput.addLateSubmission(GeneratedInput.create(this.shared.resolve("input")));
		Path output = this.shared.resolve("reference");
		ChildRun.Result reference = app(this.shared.resolve("reference-run"), this.after, output).run();
		assertThat(reference.exitCode()).as(reference.toString()).isZero();
		this.expected = WorkbookCells.of(workbookIn(output));
	}

	@AfterAll
	void dropSchemas() throws Exception {
		Repositories.dropCreated();
	}

	@Test
	void killedAtEveryPointAndResumedWritesWhatAnUninterruptedRunWrites(@TempDir Path dir) throws Exception {
		// given: the workbook of an earlier run
		Path input = GeneratedInput.copy(this.after, dir.resolve("input"));
		Path output = dir.resolve("output");
		ChildRun app = app(dir, input, output);
		byte[] previous = PreviousWorkbook.place(workbookIn(output));
		// when: killed at each point in turn, each run resuming the one before
		List<String> points = List.of("chunk:12", "rollup", "write:20", "moved");
		for (int i = 0; i < points.size(); i++) {
			String point = points.get(i);
			ChildRun.Running running = app.start(List.of("-Dtally.test.pause-at=" + point)).awaitPause();
			running.kill();
			// then: the previous workbook stands, whole, until the new one replaced it
			if (point.equals("moved")) {
				assertThat(WorkbookCells.of(workbookIn(output))).as(point).isEqualTo(this.expected);
			}
			else {
				assertThat(Files.readAllBytes(workbookIn(output))).as(point).isEqualTo(previous);
			}
			assertThat(filesIn(output)).as(point).containsExactly(WORKBOOK);
			if (i > 0) {
				assertThat(Files.readString(dir.resolve("run" + (i + 1) + ".out"))).contains("继续上次未完成的汇总");
			}
			if (point.startsWith("write")) {
				assertThat(temporaries(output)).as("a half-written workbook, hidden").isNotEmpty();
			}
		}
		ChildRun.Result resumed = app.run();
		// then
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("继续上次未完成的汇总");
		assertThat(WorkbookCells.of(workbookIn(output))).isEqualTo(this.expected);
		assertThat(temporaries(output)).as("stale temporary files removed").isEmpty();
		assertThat(filesIn(output)).containsExactly(WORKBOOK);
	}

	@Test
	void aRunKilledAsSoonAsItBeganIsResumed(@TempDir Path dir) throws Exception {
		// given: a run killed as it opens its first file, well within the half-second in
		// which H2 writes its commits
		ChildRun app = app(dir, GeneratedInput.copy(this.after, dir.resolve("input")), dir.resolve("output"));
		app.start(List.of("-Dtally.test.pause-at=read-file:1")).awaitPause().kill();
		// when
		ChildRun.Result resumed = app.run();
		// then: the run was there to resume
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("继续上次未完成的汇总");
		assertThat(WorkbookCells.of(workbookIn(dir.resolve("output")))).isEqualTo(this.expected);
	}

	@Test
	void refusesWhileTheRunIsAliveAndStartsOverWithFreshOnceItIsKilled(@TempDir Path dir) throws Exception {
		// given: a run paused while reading
		ChildRun app = app(dir, GeneratedInput.copy(this.after, dir.resolve("input")), dir.resolve("output"));
		ChildRun.Running running = app.start(List.of("-Dtally.test.pause-at=read-file:3")).awaitPause();
		// when
		ChildRun.Result refused = app.run();
		running.kill();
		ChildRun.Result fresh = app.run("--fresh");
		// then
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
		assertThat(refused.errorLine()).contains("正在汇总（主机").contains("请等它结束后再运行");
		assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
		assertThat(fresh.out()).contains("按 --fresh 放弃");
		assertThat(WorkbookCells.of(workbookIn(dir.resolve("output")))).isEqualTo(this.expected);
	}

	private ChildRun app(Path dir, Path input, Path output) throws Exception {
		Files.createDirectories(dir);
		return new ChildRun(dir, repository().fresh(dir)).app("--input", input.toString(), "--output",
				output.toString(), "--tally.chunk-size=50");
	}

	static Path workbookIn(Path output) {
		return output.resolve(GeneratedInput.PERIOD).resolve(WORKBOOK);
	}

	/**
	 * The files in the period's output folder (not its runs' folders), hidden ones too.
	 */
	static List<String> filesIn(Path output) throws IOException {
		try (Stream<Path> files = Files.list(output.resolve(GeneratedInput.PERIOD))) {
			return files.filter(Files::isRegularFile).map((p) -> p.getFileName().toString()).sorted().toList();
		}
	}

	/**
	 * The hidden temporary files under the period's output folder, its runs' folders too.
	 */
	static List<Path> temporaries(Path output) throws IOException {
		try (Stream<Path> files = Files.walk(output.resolve(GeneratedInput.PERIOD))) {
			return files.filter(Files::isRegularFile)
				.filter((p) -> p.getFileName().toString().startsWith(".")
						&& p.getFileName().toString().endsWith(".tmp"))
				.toList();
		}
	}

}
