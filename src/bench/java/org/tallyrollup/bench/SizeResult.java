package org.tallyrollup.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tallyrollup.bench.ChildProcess.Measurement;

/**
 * The measurements of one size, summarised as medians over the repetitions and saved as
 * {@code <size>.properties} beside the others, from which {@link BenchReport} writes the
 * table. Medians are taken over the runs that completed; peak memory is the largest seen.
 */
final class SizeResult {

	private static final Pattern FLOOR_FIELD = Pattern.compile("(\\w+)=(\\d+)");

	private final BenchSize size;

	private final Manifest manifest;

	private final String xmx;

	private final int reps;

	private final List<Measurement> jobs = new ArrayList<>();

	private final List<JobOutput> outputs = new ArrayList<>();

	private final List<String> differences = new ArrayList<>();

	private final Map<String, List<Measurement>> floors = new LinkedHashMap<>();

	private final List<Measurement> duckdb = new ArrayList<>();

	final Map<String, String> values = new TreeMap<>();

	/** The machine as the size's runs began. */
	private final Map<String, String> machine = Machine.describe();

	/** The machine's busy CPU time as the runs began, to tell what else ran. */
	private final double busyAtStart = Machine.busyCpuSeconds();

	private final long startNanos = System.nanoTime();

	SizeResult(BenchSize size, Manifest manifest, String xmx, int reps) {
		this.size = size;
		this.manifest = manifest;
		this.xmx = xmx;
		this.reps = reps;
	}

	void job(Measurement measurement, JobOutput output, List<String> differences) {
		this.jobs.add(measurement);
		this.outputs.add(output);
		for (String difference : differences) {
			if (!this.differences.contains(difference)) {
				this.differences.add(difference);
			}
		}
	}

	void floor(String writer, Measurement measurement) {
		this.floors.computeIfAbsent(writer, (w) -> new ArrayList<>()).add(measurement);
	}

	void duckdb(Measurement measurement) {
		this.duckdb.add(measurement);
	}

	/**
	 * What other work ran beside the measured processes: the machine's busy CPU time over
	 * the runs, less the CPU time of the processes measured, per second of wall time (in
	 * cores). The load average as the runs began cannot tell this: it still holds the
	 * build and the runs of the size before.
	 */
	private double otherCores() {
		double busy = Machine.busyCpuSeconds() - this.busyAtStart;
		double wall = (System.nanoTime() - this.startNanos) / 1e9;
		double measured = 0;
		for (Measurement m : this.jobs) {
			measured += m.cpu();
		}
		for (List<Measurement> runs : this.floors.values()) {
			for (Measurement m : runs) {
				measured += m.cpu();
			}
		}
		for (Measurement m : this.duckdb) {
			measured += m.cpu();
		}
		return (wall > 0) ? Math.max(0, busy - measured) / wall : Double.NaN;
	}

	/** The figures of the table, keyed as saved. */
	Map<String, String> summarise() {
		Map<String, String> v = this.values;
		v.clear();
		v.put("size", this.size.label());
		v.put("date", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
		this.machine.forEach(v::put);
		v.put("machine.otherCores", format(otherCores()));
		v.put("xmx", this.xmx);
		v.put("reps", String.valueOf(this.reps));
		for (String key : List.of("units", "levels", "files.tally", "files.xlsx", "files.csv", "files.csv.gbk",
				"files.xls", "files.failed", "rows.read", "rows.data", "rows.accepted", "rows.rejected",
				"rows.superseded", "bytes.input", "generator.version")) {
			v.put(key, this.manifest.get(key, "0"));
		}
		List<Measurement> ok = this.jobs.stream().filter(Measurement::ok).toList();
		v.put("job.ok", ok.size() + "/" + this.jobs.size());
		v.put("job.verified", String.valueOf(this.differences.isEmpty() && !ok.isEmpty()));
		v.put("job.differences", String.join("; ", this.differences));
		put("job", ok);
		Map<String, List<Double>> steps = new LinkedHashMap<>();
		List<Double> startup = new ArrayList<>();
		for (int i = 0; i < this.jobs.size(); i++) {
			if (!this.jobs.get(i).ok()) {
				continue;
			}
			double inSteps = 0;
			for (Map.Entry<String, Double> step : this.outputs.get(i).steps().entrySet()) {
				steps.computeIfAbsent(step.getKey(), (k) -> new ArrayList<>()).add(step.getValue());
				inSteps += step.getValue();
			}
			startup.add(this.jobs.get(i).wall() - inSteps);
		}
		steps.forEach((name, seconds) -> v.put("job.step." + name, format(median(seconds))));
		v.put("job.outsideSteps", format(median(startup)));
		String best = null;
		double bestWall = Double.NaN;
		for (Map.Entry<String, List<Measurement>> floor : this.floors.entrySet()) {
			List<Measurement> floorOk = floor.getValue().stream().filter(Measurement::ok).toList();
			String prefix = "floor." + floor.getKey();
			put(prefix, floorOk);
			v.put(prefix + ".readMs", format(median(floorOk.stream().map((m) -> field(m, "readMs")).toList())));
			v.put(prefix + ".writeMs", format(median(floorOk.stream().map((m) -> field(m, "writeMs")).toList())));
			double wall = median(floorOk.stream().map(Measurement::wall).toList());
			if (!Double.isNaN(wall) && (best == null || wall < bestWall)) {
				best = floor.getKey();
				bestWall = wall;
				v.put("floor.cpu", v.get(prefix + ".cpu"));
			}
		}
		if (best != null) {
			v.put("floor.best", best);
			v.put("floor.wall", format(bestWall));
		}
		if (!this.duckdb.isEmpty()) {
			List<Measurement> duckOk = this.duckdb.stream().filter(Measurement::ok).toList();
			v.put("duckdb.ok", duckOk.size() + "/" + this.duckdb.size());
			put("duckdb", duckOk);
		}
		return v;
	}

	private void put(String prefix, List<Measurement> runs) {
		this.values.put(prefix + ".wall", format(median(runs.stream().map(Measurement::wall).toList())));
		this.values.put(prefix + ".wall.min",
				format(runs.stream().mapToDouble(Measurement::wall).min().orElse(Double.NaN)));
		this.values.put(prefix + ".wall.max",
				format(runs.stream().mapToDouble(Measurement::wall).max().orElse(Double.NaN)));
		this.values.put(prefix + ".cpu", format(median(runs.stream().map(Measurement::cpu).toList())));
		this.values.put(prefix + ".rss",
				format(runs.stream().mapToDouble(Measurement::rssMb).max().orElse(Double.NaN)));
		this.values.put(prefix + ".heap",
				format(runs.stream().mapToDouble(Measurement::heapMb).max().orElse(Double.NaN)));
		this.values.put(prefix + ".gc", format(median(runs.stream().map(Measurement::gcSeconds).toList())));
	}

	private static double field(Measurement m, String name) {
		Matcher matcher = FLOOR_FIELD.matcher(m.stdout());
		while (matcher.find()) {
			if (matcher.group(1).equals(name)) {
				return Double.parseDouble(matcher.group(2));
			}
		}
		return Double.NaN;
	}

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().filter((d) -> !Double.isNaN(d)).sorted().toList();
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	static String format(double value) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
	}

	void save(Path folder) throws IOException {
		summarise();
		Files.createDirectories(folder);
		Properties properties = new Properties();
		properties.putAll(this.values);
		try (Writer out = Files.newBufferedWriter(folder.resolve(this.size.label() + ".properties"),
				StandardCharsets.UTF_8)) {
			properties.store(out, "Benchmark result of one size; BENCHMARKS.md is written from these");
		}
	}

	String summary() {
		return String.format(Locale.ROOT, "job %s s (verified: %s), floor %s s (%s), job/floor %s",
				this.values.get("job.wall"), this.values.get("job.verified"), this.values.get("floor.wall"),
				this.values.get("floor.best"),
				BenchReport.ratio(this.values.get("job.wall"), this.values.get("floor.wall")));
	}

}
