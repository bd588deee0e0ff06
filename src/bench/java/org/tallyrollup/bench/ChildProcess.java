package org.tallyrollup.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one command as its own process in a fresh folder and measures it as a person would
 * see it: wall time from start to exit, CPU time (user + system) and peak resident memory
 * of the process, and for a JVM the peak heap its GC log shows.
 *
 * <p>
 * CPU and memory come from GNU time ({@code /usr/bin/time -f "%e %U %S %M"}, Debian's
 * {@code time} package), which reads them from the kernel's rusage of the child it waited
 * for. Without it, CPU comes from this process's {@code cutime}/{@code cstime} in
 * {@code /proc/self/stat} (the children this JVM has waited for, one at a time here) and
 * memory from the child's {@code VmHWM}, polled while it runs.
 */
final class ChildProcess {

	static final Path GNU_TIME = Path.of("/usr/bin/time");

	private static final Pattern GC_BEFORE = Pattern.compile("Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\) (\\d+\\.\\d+)ms");

	private static final Pattern HEAP_AT_EXIT = Pattern.compile("total (\\d+)K, used (\\d+)K");

	private static final long TICKS_PER_SECOND = 100;

	private ChildProcess() {
	}

	/** JVM options that write the GC log {@link #run} reads for peak heap. */
	static List<String> gcLogOptions(Path folder) {
		return List.of("-Xlog:gc,gc+heap+exit:file=" + folder.resolve("gc.log") + ":uptime,level,tags");
	}

	static Measurement run(List<String> command, Path folder, Duration timeout)
			throws IOException, InterruptedException {
		return run(command, Map.of(), folder, timeout);
	}

	/** Runs a command with more environment variables. */
	static Measurement run(List<String> command, Map<String, String> environment, Path folder, Duration timeout)
			throws IOException, InterruptedException {
		Files.createDirectories(folder);
		Path timeFile = folder.resolve("time.txt");
		boolean gnuTime = Files.isExecutable(GNU_TIME);
		List<String> full = new ArrayList<>();
		if (gnuTime) {
			full.addAll(List.of(GNU_TIME.toString(), "-f", "%e %U %S %M", "-o", timeFile.toString()));
		}
		full.addAll(command);
		StringBuilder line = new StringBuilder();
		environment.forEach((name, value) -> line.append(name).append("=\"").append(value).append("\" "));
		Files.writeString(folder.resolve("command.txt"), line + String.join(" ", full) + "\n");
		ProcessBuilder builder = new ProcessBuilder(full).directory(folder.toFile())
			.redirectOutput(folder.resolve("stdout.txt").toFile())
			.redirectError(folder.resolve("stderr.txt").toFile());
		builder.environment().put("LANG", "C.UTF-8");
		builder.environment().put("LC_ALL", "C.UTF-8");
		builder.environment().putAll(environment);
		long[] before = childTicks();
		long start = System.nanoTime();
		Process process = builder.start();
		AtomicLong polledRss = new AtomicLong();
		Thread poller = gnuTime ? null : pollRss(process, polledRss);
		boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (!finished) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			process.waitFor();
		}
		double wall = (System.nanoTime() - start) / 1e9;
		if (poller != null) {
			poller.interrupt();
		}
		long[] after = childTicks();
		double user = (after[0] - before[0]) / (double) TICKS_PER_SECOND;
		double system = (after[1] - before[1]) / (double) TICKS_PER_SECOND;
		long rssKb = polledRss.get();
		if (gnuTime && Files.exists(timeFile)) {
			List<String> lines = Files.readAllLines(timeFile);
			String[] fields = lines.get(lines.size() - 1).trim().split("\\s+");
			if (fields.length == 4) {
				user = Double.parseDouble(fields[1]);
				system = Double.parseDouble(fields[2]);
				rssKb = Long.parseLong(fields[3]);
			}
		}
		Heap heap = heap(folder.resolve("gc.log"));
		String stdout = Files.readString(folder.resolve("stdout.txt"), StandardCharsets.UTF_8);
		int exit = finished ? process.exitValue() : -1;
		return new Measurement(exit, !finished, wall, user, system, rssKb / 1024.0, heap.peakMb, heap.pauseSeconds,
				folder, stdout);
	}

	/** utime/stime of waited-for children of this JVM, in clock ticks. */
	private static long[] childTicks() {
		try {
			String stat = Files.readString(Path.of("/proc/self/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return new long[] { Long.parseLong(fields[13]), Long.parseLong(fields[14]) };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

	private static Thread pollRss(Process process, AtomicLong rssKb) {
		Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
		Thread thread = new Thread(() -> {
			while (process.isAlive()) {
				try {
					for (String line : Files.readAllLines(status)) {
						if (line.startsWith("VmHWM:")) {
							rssKb.accumulateAndGet(Long.parseLong(line.replaceAll("\\D", "")), Math::max);
						}
					}
					Thread.sleep(20);
				}
				catch (IOException | RuntimeException ex) {
					return;
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "rss-poller");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/** The most heap in use the GC log shows: before any collection, or at exit. */
	static Heap heap(Path gcLog) throws IOException {
		if (!Files.exists(gcLog)) {
			return new Heap(Double.NaN, Double.NaN);
		}
		double peak = 0;
		double pauses = 0;
		for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
			Matcher gc = GC_BEFORE.matcher(line);
			if (gc.find()) {
				peak = Math.max(peak, Long.parseLong(gc.group(1)));
				pauses += Double.parseDouble(gc.group(4)) / 1000;
			}
			Matcher exit = HEAP_AT_EXIT.matcher(line);
			if (exit.find()) {
				peak = Math.max(peak, Long.parseLong(exit.group(2)) / 1024.0);
			}
		}
		return new Heap(peak, pauses);
	}

	record Heap(double peakMb, double pauseSeconds) {

	}

	/**
	 * One process, measured.
	 *
	 * @param exit its exit status, -1 when it was stopped for taking too long
	 * @param timedOut whether it was stopped
	 * @param wall seconds from start to exit
	 * @param user CPU seconds in user mode
	 * @param system CPU seconds in the kernel
	 * @param rssMb peak resident memory, MiB
	 * @param heapMb peak heap in use, MiB, from the GC log
	 * @param gcSeconds time in GC pauses
	 * @param folder where it ran, with its stdout.txt, stderr.txt and gc.log
	 * @param stdout what it printed
	 */
	record Measurement(int exit, boolean timedOut, double wall, double user, double system, double rssMb, double heapMb,
			double gcSeconds, Path folder, String stdout) {

		double cpu() {
			return this.user + this.system;
		}

		boolean ok() {
			return this.exit == 0 && !this.timedOut;
		}

	}

}
