package org.tallyrollup.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.tallyrollup.TallyRollupApplication;
import org.tallyrollup.cli.Invocation;
import org.tallyrollup.cli.RunCommand;
import org.tallyrollup.testhooks.PausePoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A run that cannot finish for want of its folders — output not writable, disk full,
 * period folder gone while reading — fails with its reason in one line and leaves the
 * previous workbook as it was; the next run, once the cause is gone, completes with the
 * workbook an uninterrupted run writes. Jobs run in this JVM through the command.
 */
@SpringBootTest(classes = TallyRollupApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "tally.chunk-size=50")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunFailureTests {

	/** The job repository: under target/, as the context outlives the test's folders. */
	private static final Path REPOSITORY = Path.of("target", "test-repositories", UUID.randomUUID().toString())
		.toAbsolutePath();

	@Autowired
	RunCommand command;

	private Path before;

	private Path after;

	private Map<String, List<String>> expected;

	@DynamicPropertySource
	static void repository(DynamicPropertyRegistry registry) {
		registry.add("tally.data-dir", REPOSITORY::toString);
	}

	@BeforeAll
	void uninterruptedRun(@TempDir Path shared) throws IOException {
		this.before = GeneratedInput.create(shared.resolve("before"));
		this.after = GeneratedInput.addLateSubmission(GeneratedInput.copy(this.before, shared.resolve("after")));
		Path output = shared.resolve("reference");
		Run reference = run(this.after, output);
		assertThat(reference.exitCode).as(reference.err).isZero();
		this.expected = WorkbookCells.of(CrashRestartTests.workbookIn(output));
	}

	@AfterEach
	void clearPausePoint() {
		PausePoints.clear();
	}

	@Test
	void refusesAnOutputFolderThatIsAFile(@TempDir Path dir) throws IOException {
		// given
		Path output = Files.writeString(dir.resolve("output"), "not a folder");
		// when
		Run run = run(this.after, output);
		// then
		assertThat(run.exitCode).isEqualTo(1);
		assertThat(run.errLines()).singleElement().asString().startsWith("错误：输出文件夹不可写：").endsWith("（路径上已有同名文件，不是文件夹）");
	}

	@Test
	void failsInOneLineWhenTheDiskIsFullAndResumesOnceThereIsRoom(@TempDir Path dir) throws Exception {
		try (Tmpfs disk = Tmpfs.mount(dir.resolve("output"), "2m")) {
			assumeThat(disk).as("mounting a tmpfs (needs root)").isNotNull();
			// given: a previous workbook, and the disk nearly full
			Path output = dir.resolve("output");
			Path input = GeneratedInput.copy(this.after, dir.resolve("input"));
			byte[] previous = PreviousWorkbook.place(CrashRestartTests.workbookIn(output));
			Path filler = fill(output, 40 * 1024);
			// when
			Run full = run(input, output);
			Files.delete(filler);
			Run next = run(input, output);
			// then
			assertThat(full.exitCode).as(full.err).isEqualTo(1);
			assertThat(full.errLines()).singleElement().asString().contains("无法写出汇总表").endsWith("：磁盘空间不足");
			assertThat(next.exitCode).as(next.err).isZero();
			assertThat(next.out).contains("继续上次未完成的汇总");
			assertThat(WorkbookCells.of(CrashRestartTests.workbookIn(output))).isEqualTo(this.expected);
			assertThat(CrashRestartTests.filesIn(output)).containsExactly("rollup_" + GeneratedInput.PERIOD + ".xlsx");
			assertThat(CrashRestartTests.temporaries(output)).isEmpty();
			assertThat(previous).isNotEmpty();
		}
	}

	@Test
	void keepsThePreviousWorkbookWhenTheDiskIsFull(@TempDir Path dir) throws Exception {
		try (Tmpfs disk = Tmpfs.mount(dir.resolve("output"), "2m")) {
			assumeThat(disk).as("mounting a tmpfs (needs root)").isNotNull();
			// given
			Path output = dir.resolve("output");
			byte[] previous = PreviousWorkbook.place(CrashRestartTests.workbookIn(output));
			fill(output, 40 * 1024);
			// when
			Run full = run(GeneratedInput.copy(this.after, dir.resolve("input")), output);
			// then
			assertThat(full.exitCode).isEqualTo(1);
			assertThat(Files.readAllBytes(CrashRestartTests.workbookIn(output))).isEqualTo(previous);
			assertThat(CrashRestartTests.temporaries(output)).isEmpty();
			assertThat(CrashRestartTests.filesIn(output)).containsExactly("filler",
					"rollup_" + GeneratedInput.PERIOD + ".xlsx");
		}
	}

	@Test
	void failsInOneLineWhenTheOutputTurnsReadOnlyAndResumesOnceWritable(@TempDir Path dir) throws Exception {
		try (Tmpfs disk = Tmpfs.mount(dir.resolve("output"), "8m")) {
			assumeThat(disk).as("mounting a tmpfs (needs root)").isNotNull();
			// given: the output folder turns read-only while the run rolls up
			Path output = dir.resolve("output");
			Path input = GeneratedInput.copy(this.after, dir.resolve("input"));
			byte[] previous = PreviousWorkbook.place(CrashRestartTests.workbookIn(output));
			PausePoints.onReaching("rollup", 1, () -> remount(disk, true));
			// when
			Run readOnly = run(input, output);
			Run refused = run(input, output);
			remount(disk, false);
			Run next = run(input, output);
			// then
			assertThat(readOnly.exitCode).as(readOnly.err).isEqualTo(1);
			assertThat(readOnly.errLines()).singleElement().asString().endsWith("：文件系统为只读");
			assertThat(refused.exitCode).isEqualTo(1);
			assertThat(refused.errLines()).singleElement().asString().startsWith("错误：输出文件夹不可写：");
			assertThat(previous).isNotEmpty();
			assertThat(next.exitCode).as(next.err).isZero();
			assertThat(WorkbookCells.of(CrashRestartTests.workbookIn(output))).isEqualTo(this.expected);
		}
	}

	@Test
	void failsInOneLineWhenThePeriodFolderGoesAwayAndResumesOnceItIsBack(@TempDir Path dir) throws Exception {
		// given: the period folder moved away while the third file is opened
		Path input = GeneratedInput.copy(this.after, dir.resolve("input"));
		Path period = input.resolve(GeneratedInput.PERIOD);
		Path moved = dir.resolve("moved");
		Path output = dir.resolve("output");
		byte[] previous = PreviousWorkbook.place(CrashRestartTests.workbookIn(output));
		PausePoints.onReaching("read-file", 3, () -> move(period, moved));
		// when
		Run gone = run(input, output);
		move(moved, period);
		Run next = run(input, output);
		// then
		assertThat(gone.exitCode).isEqualTo(1);
		assertThat(gone.errLines()).singleElement().asString().contains("报告期文件夹在读取过程中不见了");
		assertThat(Files.readAllBytes(CrashRestartTests.workbookIn(output))).isNotEqualTo(previous);
		assertThat(next.exitCode).as(next.err).isZero();
		assertThat(next.out).contains("继续上次未完成的汇总");
		assertThat(WorkbookCells.of(CrashRestartTests.workbookIn(output))).isEqualTo(this.expected);
	}

	@Test
	void startsOverWhenTheInputChangedAfterAFailedRun(@TempDir Path dir) throws Exception {
		// given: a run that failed part-way, then a late submission
		Path input = GeneratedInput.copy(this.before, dir.resolve("input"));
		Path period = input.resolve(GeneratedInput.PERIOD);
		Path moved = dir.resolve("moved");
		PausePoints.onReaching("read-file", 2, () -> move(period, moved));
		Run failed = run(input, dir.resolve("output"));
		PausePoints.clear();
		move(moved, period);
		GeneratedInput.addLateSubmission(input);
		// when
		Run next = run(input, dir.resolve("output"));
		// then
		assertThat(failed.exitCode).isEqualTo(1);
		assertThat(next.exitCode).as(next.err).isZero();
		assertThat(next.out).contains("之后有变化，放弃它，重新汇总");
		assertThat(WorkbookCells.of(CrashRestartTests.workbookIn(dir.resolve("output")))).isEqualTo(this.expected);
	}

	private Run run(Path input, Path output) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Invocation line = Invocation.parse(new String[] { "run", "--input", input.toString(), "--output",
				output.toString(), "--period", GeneratedInput.PERIOD });
		int exitCode = this.command.run(line, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static Path fill(Path folder, long leave) throws IOException {
		Path filler = folder.resolve(GeneratedInput.PERIOD).resolve("filler");
		long free = Files.getFileStore(folder).getUsableSpace();
		byte[] block = new byte[(int) Math.max(0, free - leave)];
		Files.write(filler, block);
		return filler;
	}

	private static void remount(Tmpfs disk, boolean readOnly) {
		try {
			disk.readOnly(readOnly);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void move(Path from, Path to) {
		try {
			Files.move(from, to);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Run(int exitCode, String out, String err) {

		List<String> errLines() {
			List<String> lines = new ArrayList<>(List.of(this.err.split("\\R")));
			lines.removeIf(String::isBlank);
			return lines;
		}

	}

}
