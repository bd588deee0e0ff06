package org.tallyrollup.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tallyrollup.bench.ChildProcess.Measurement;
import org.tallyrollup.bench.Floor.SheetSpec;
import org.tallyrollup.tally.TallyColumn;

/**
 * The benchmark: for each size, generate (or reuse) the inputs, then several times run
 * the job as a user does — {@code bin/tally-rollup run} (or {@code java -jar}) in a fresh
 * folder, so its job repository starts empty — and, in the same round, the {@link Floor}
 * with each writer and, for a national size, {@link DuckDbRollup}; take the medians and
 * write {@code BENCHMARKS.md}. See bench/README.md.
 */
public final class Bench {

	private static final String USAGE = """
			Bench --jar target/tally-rollup.jar [--launcher bin/tally-rollup] [--sizes city,province,national-1m,national] [--reps 3]
			      [--work bench/work] [--results bench/results] [--report BENCHMARKS.md]
			      [--floor-writers fastexcel,sxssf,xlsx] [--xmx 512m] [--timeout-minutes 120] [--no-duckdb] [--keep] [--jfr]
			Bench --report-only [--results bench/results] [--report BENCHMARKS.md]
			""";

	private final Options options;

	private final PrintStream log;

	Bench(Options options, PrintStream log) {
		this.options = options;
		this.log = log;
	}

	public static void main(String[] args) throws Exception {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(USAGE);
			System.exit(2);
			return;
		}
		new Bench(options, System.out).run();
	}

	/** Runs every size asked for and rewrites the report; the results of each size. */
	List<SizeResult> run() throws Exception {
		if (this.options.reportOnly) {
			BenchReport.write(this.options.results, this.options.report);
			this.log.println("[bench] report: " + this.options.report.toAbsolutePath());
			return List.of();
		}
		String encoding = System.getProperty("sun.jnu.encoding", "");
		if (!encoding.toUpperCase(Locale.ROOT).contains("UTF")) {
			throw new IllegalStateException(
					"File names are decoded as " + encoding + ": run with a UTF-8 locale (export LANG=C.UTF-8)");
		}
		if (!Files.isRegularFile(this.options.jar)) {
			throw new IllegalStateException(
					"No jar at " + this.options.jar + ": build it first (./mvnw -DskipTests package)");
		}
		List<SizeResult> results = new ArrayList<>();
		for (BenchSize size : this.options.sizes) {
			SizeResult result = run(size);
			result.save(this.options.results);
			results.add(result);
			BenchReport.write(this.options.results, this.options.report);
			this.log.println("[bench] " + size.label() + ": " + result.summary());
		}
		this.log.println("[bench] report: " + this.options.report.toAbsolutePath());
		return results;
	}

	private SizeResult run(BenchSize size) throws Exception {
		Manifest manifest = InputGenerator.ensure(this.options.work, size, this.log);
		Path input = InputGenerator.folderFor(this.options.work, size).resolve("input").toAbsolutePath();
		String xmx = (this.options.xmx != null) ? this.options.xmx : size.xmx();
		SizeResult result = new SizeResult(size, manifest, xmx, this.options.reps);
		Path runs = this.options.work.resolve("runs").resolve(size.label()).toAbsolutePath();
		boolean duckdb = size.national() && this.options.duckdb && DuckDbRollup.available();
		if (size.national() && this.options.duckdb && !duckdb) {
			this.log.println("[bench] DuckDB's driver is not on the class path (run with -Pbench): no comparison");
		}
		for (int rep = 1; rep <= this.options.reps; rep++) {
			List<String> tuning = tuning(size);
			Measurement job = job(runs.resolve("job-" + rep), input, xmx, tuning, this.options.jfr && rep == 1);
			JobOutput output = JobOutput.parse(job.stdout());
			List<String> differences = job.ok() ? output.differences(manifest) : List.of(failure(job));
			result.job(job, output, differences);
			report(size, "job", rep, job, differences.isEmpty() ? "" : " DIFFERS: " + differences);
			for (String writer : this.options.floorWriters) {
				for (Map.Entry<String, List<String>> floorTuning : floorTunings(size).entrySet()) {
					String name = writer + floorTuning.getKey();
					Measurement floor = floor(runs.resolve("floor-" + name + "-" + rep), input, manifest, xmx,
							floorTuning.getValue(), writer);
					result.floor(name, floor);
					report(size, "floor " + name, rep, floor, floor.ok() ? "" : " FAILED: " + failure(floor));
				}
			}
			if (duckdb) {
				Measurement duck = duckdb(runs.resolve("duckdb-" + rep), input, manifest, xmx);
				result.duckdb(duck);
				report(size, "duckdb", rep, duck, duck.ok() ? "" : " FAILED: " + failure(duck));
			}
		}
		return result;
	}

	/**
	 * The JVM tuning the README tells users to run a size with: the launcher's own for a
	 * run (the parallel collector and the quick compiler only), but G1 and the optimising
	 * compiler for a national export, whose heap of several GB runs nearly full for
	 * minutes. Given to the job in JAVA_OPTS (so the launcher adds nothing) and to the
	 * floor alike.
	 */
	static List<String> tuning(BenchSize size) {
		return size.national() ? List.of("-XX:+UseG1GC") : List.of("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1");
	}

	/**
	 * The tunings the floor runs under, by the suffix its writer's name gets: the job's,
	 * and where that limits the JVM to its quick compiler, also the default compilers
	 * ({@value #OPTIMISING}), which suit the floor's single thread better (the floor is
	 * the faster of the two, so the job's tuning never slows its yardstick down).
	 */
	static Map<String, List<String>> floorTunings(BenchSize size) {
		Map<String, List<String>> tunings = new java.util.LinkedHashMap<>();
		tunings.put("", tuning(size));
		if (tuning(size).contains("-XX:TieredStopAtLevel=1")) {
			tunings.put(OPTIMISING, List.of("-XX:+UseParallelGC"));
		}
		return tunings;
	}

	/** The suffix of a floor run with the optimising compiler. */
	static final String OPTIMISING = "+c2";

	private Measurement job(Path folder, Path input, String xmx, List<String> tuning, boolean jfr) throws Exception {
		InputGenerator.deleteTree(folder);
		Files.createDirectories(folder);
		List<String> jvm = new ArrayList<>(List.of("-Xmx" + xmx));
		jvm.addAll(tuning);
		jvm.addAll(ChildProcess.gcLogOptions(folder));
		if (jfr) {
			jvm.add("-XX:StartFlightRecording=filename=" + folder.resolve("job.jfr") + ",settings=profile");
		}
		List<String> job = List.of("run", "--period", BenchSize.PERIOD, "--input", input.toString(), "--output",
				folder.resolve("output").toString(),
				"--logging.level.org.springframework.batch.core.step.AbstractStep=INFO");
		Measurement measurement;
		if (this.options.launcher != null) {
			List<String> command = new ArrayList<>(List.of(this.options.launcher.toAbsolutePath().toString()));
			command.addAll(job);
			measurement = ChildProcess.run(command, Map.of("JAVA", java(), "JAVA_OPTS", String.join(" ", jvm)), folder,
					this.options.timeout);
		}
		else {
			List<String> command = new ArrayList<>(List.of(java()));
			command.addAll(jvm);
			command.addAll(List.of("-jar", this.options.jar.toAbsolutePath().toString()));
			command.addAll(job);
			measurement = ChildProcess.run(command, folder, this.options.timeout);
		}
		clean(folder, "output", "data");
		return measurement;
	}

	private Measurement floor(Path folder, Path input, Manifest manifest, String xmx, List<String> tuning,
			String writer) throws Exception {
		InputGenerator.deleteTree(folder);
		Files.createDirectories(folder);
		// the job's tuning
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + xmx));
		command.addAll(tuning);
		command.addAll(ChildProcess.gcLogOptions(folder));
		command.addAll(List.of("-cp", this.options.classpath, Floor.class.getName(), input.toString(), BenchSize.PERIOD,
				writer, folder.resolve("floor.xlsx").toString()));
		for (SheetSpec sheet : workbookSheets(manifest)) {
			command.add(sheet.format());
		}
		Measurement measurement = ChildProcess.run(command, folder, this.options.timeout);
		clean(folder, "floor.xlsx");
		return measurement;
	}

	private Measurement duckdb(Path folder, Path input, Manifest manifest, String xmx) throws Exception {
		InputGenerator.deleteTree(folder);
		Files.createDirectories(folder);
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + xmx));
		command.addAll(ChildProcess.gcLogOptions(folder));
		command.addAll(List.of("-cp", this.options.classpath, DuckDbRollup.class.getName(),
				input.resolve(manifest.get("national.csv")).toString(), manifest.get("level.widths"),
				folder.resolve("rollup.csv").toString(), xmx.toUpperCase(Locale.ROOT) + "B"));
		Measurement measurement = ChildProcess.run(command, folder, this.options.timeout);
		clean(folder, "rollup.csv");
		return measurement;
	}

	/**
	 * The sheets of the job's workbook (SPEC.md §5) and their data rows, as the generator
	 * predicts them: what the floor writes.
	 */
	static List<SheetSpec> workbookSheets(Manifest manifest) {
		String counts = "n".repeat(TallyColumn.COUNTS.size());
		String totals = counts + "nnnn";
		long findings = manifest.number("findings.total") + manifest.number("files.failed");
		long files = manifest.number("files.tally") + manifest.number("files.skipped")
				+ manifest.number("sheets.skipped");
		return List.of(new SheetSpec("汇总", manifest.number("units.summaryRows"), "tt" + totals),
				new SheetSpec("分级汇总", manifest.number("units"), "ttnt" + totals),
				new SheetSpec("明细", manifest.number("rows.accepted"), "tt" + counts + "ttn"),
				new SheetSpec("未报送", manifest.number("units.missing"), "tttt"),
				new SheetSpec("校验问题", findings, "ttttntttt"), new SheetSpec("运行信息", files + 20, "tnttnnnnnt"));
	}

	private void clean(Path folder, String... names) throws Exception {
		if (this.options.keep) {
			return;
		}
		for (String name : names) {
			InputGenerator.deleteTree(folder.resolve(name));
		}
	}

	private void report(BenchSize size, String tool, int rep, Measurement m, String note) {
		this.log.printf(Locale.ROOT, "[bench] %s %s %d/%d: %.2f s wall, %.2f s CPU, %.0f MiB RSS, %.0f MiB heap%s%n",
				size.label(), tool, rep, this.options.reps, m.wall(), m.cpu(), m.rssMb(), m.heapMb(), note);
	}

	private static String failure(Measurement m) {
		if (m.timedOut()) {
			return "timed out";
		}
		try {
			List<String> lines = Files.readAllLines(m.folder().resolve("stderr.txt"));
			String last = lines.stream().filter((l) -> !l.isBlank()).reduce((a, b) -> b).orElse("");
			return "exit " + m.exit() + (last.isEmpty() ? "" : ": " + last.trim());
		}
		catch (Exception ex) {
			return "exit " + m.exit();
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The command line. */
	static final class Options {

		Path jar;

		/**
		 * The script users start the job with ({@code bin/tally-rollup}); else java -jar.
		 */
		Path launcher;

		List<BenchSize> sizes = List.of(BenchSize.CITY);

		int reps = 3;

		Path work = Path.of("bench", "work");

		Path results = Path.of("bench", "results");

		Path report = Path.of("BENCHMARKS.md");

		List<String> floorWriters = List.of("fastexcel", "sxssf", "xlsx");

		String xmx;

		/** The class path the floor and DuckDB run with, absolute: they run elsewhere. */
		String classpath = absolute(System.getProperty("java.class.path"));

		Duration timeout = Duration.ofMinutes(120);

		boolean duckdb = true;

		boolean keep;

		/** Only write the report again from the saved results. */
		boolean reportOnly;

		/** Record the first job run with Java Flight Recorder (job.jfr beside it). */
		boolean jfr;

		private static String absolute(String classpath) {
			return Arrays.stream(classpath.split(java.io.File.pathSeparator))
				.filter((entry) -> !entry.isEmpty())
				.map((entry) -> Path.of(entry).toAbsolutePath().toString())
				.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
		}

		static Options parse(String... args) {
			Options options = new Options();
			Map<String, String> values = new LinkedHashMap<>();
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (arg.isBlank()) {
					continue;
				}
				switch (arg) {
					case "--no-duckdb" -> options.duckdb = false;
					case "--keep" -> options.keep = true;
					case "--report-only" -> options.reportOnly = true;
					case "--jfr" -> options.jfr = true;
					default -> {
						if (!arg.startsWith("--") || i + 1 >= args.length) {
							throw new IllegalArgumentException("Cannot read the argument " + arg);
						}
						values.put(arg.substring(2), args[++i]);
					}
				}
			}
			values.forEach((name, value) -> {
				switch (name) {
					case "jar" -> options.jar = Path.of(value);
					case "launcher" -> options.launcher = Path.of(value);
					case "sizes" -> options.sizes = Arrays.stream(value.split(",")).map(BenchSize::of).toList();
					case "reps" -> options.reps = Integer.parseInt(value);
					case "work" -> options.work = Path.of(value);
					case "results" -> options.results = Path.of(value);
					case "report" -> options.report = Path.of(value);
					case "floor-writers" -> options.floorWriters = List.of(value.split(","));
					case "xmx" -> options.xmx = value;
					case "classpath" -> options.classpath = absolute(value);
					case "timeout-minutes" -> options.timeout = Duration.ofMinutes(Long.parseLong(value));
					default -> throw new IllegalArgumentException("Unknown option --" + name);
				}
			});
			if (options.jar == null && !options.reportOnly) {
				throw new IllegalArgumentException("--jar is required");
			}
			if (options.reps < 1) {
				throw new IllegalArgumentException("--reps must be at least 1");
			}
			return options;
		}

	}

}
