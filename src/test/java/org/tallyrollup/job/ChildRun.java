package org.tallyrollup.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application's {@code run} command in a child JVM, with this test run's class path
 * and an H2 or PostgreSQL job repository: it can be killed (SIGKILL), unlike a job run in
 * the test's own JVM.
 */
final class ChildRun {

	static final Duration TIMEOUT = Duration.ofMinutes(3);

	private final Path work;

	private final List<String> jvmOptions = new ArrayList<>(
			List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData"));

	private final List<String> appOptions = new ArrayList<>();

	private int launches;

	/**
	 * @param work a folder for the child's output files
	 * @param repository the Spring options that choose the job repository
	 */
	ChildRun(Path work, List<String> repository) {
		this.work = work;
		this.appOptions.addAll(repository);
	}

	/** H2 file database under {@code dataDir}. */
	static List<String> h2(Path dataDir) {
		return List.of("--tally.data-dir=" + dataDir);
	}

	ChildRun jvm(String... options) {
		this.jvmOptions.addAll(List.of(options));
		return this;
	}

	ChildRun app(String... options) {
		this.appOptions.addAll(List.of(options));
		return this;
	}

	/** Runs {@code run <arguments>} to its end. */
	Result run(String... arguments) throws IOException, InterruptedException {
		return start(List.of(), arguments).await();
	}

	/** Starts {@code run <arguments>} with extra JVM options (e.g. a pause point). */
	Running start(List<String> extraJvmOptions, String... arguments) throws IOException {
		int n = ++this.launches;
		Path out = this.work.resolve("run" + n + ".out");
		Path err = this.work.resolve("run" + n + ".err");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.jvmOptions);
		command.addAll(extraJvmOptions);
		command.addAll(
				List.of("-cp", System.getProperty("java.class.path"), "org.tallyrollup.TallyRollupApplication", "run"));
		command.addAll(List.of(arguments));
		command.addAll(this.appOptions);
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
		Map<String, String> environment = builder.environment();
		environment.put("LANG", "C.UTF-8");
		environment.put("LC_ALL", "C.UTF-8");
		return new Running(builder.start(), out, err);
	}

	/** A child process going. */
	static final class Running {

		private final Process process;

		private final Path out;

		private final Path err;

		Running(Process process, Path out, Path err) {
			this.process = process;
			this.out = out;
			this.err = err;
		}

		/**
		 * Waits until the child prints {@code PAUSED …} (it stopped at its pause point).
		 */
		Running awaitPause() throws IOException, InterruptedException {
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (System.nanoTime() < deadline) {
				if (Files.readString(this.err, StandardCharsets.UTF_8).contains("PAUSED ")) {
					return this;
				}
				if (!this.process.isAlive()) {
					throw new AssertionError("The run ended before its pause point: " + result());
				}
				Thread.sleep(25);
			}
			this.process.destroyForcibly().waitFor();
			throw new AssertionError("The run never reached its pause point: " + result());
		}

		/** SIGKILL, as {@code kill -9} would. */
		void kill() throws InterruptedException {
			this.process.destroyForcibly();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				throw new AssertionError("A killed run did not end");
			}
		}

		Result await() throws IOException, InterruptedException {
			if (!this.process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
				throw new AssertionError("The run did not end within " + TIMEOUT + ": " + result());
			}
			return result();
		}

		private Result result() throws IOException {
			return new Result(this.process.isAlive() ? -1 : this.process.exitValue(),
					Files.readString(this.out, StandardCharsets.UTF_8),
					Files.readString(this.err, StandardCharsets.UTF_8));
		}

	}

	/** How a run ended. */
	record Result(int exitCode, String out, String err) {

		/** The last line of standard error that is not a log line. */
		String errorLine() {
			String found = "";
			for (String line : this.err.split("\\R")) {
				if (line.startsWith("错误：")) {
					found = line;
				}
			}
			return found;
		}

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- stdout\n" + this.out + "--- stderr\n" + this.err;
		}

	}

}
