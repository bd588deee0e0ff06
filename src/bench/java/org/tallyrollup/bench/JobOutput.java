package org.tallyrollup.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the job's {@code run} command printed, read back: the counts of its summary and
 * how long each step took (Spring Batch's "Step: [x] executed in …" lines), so that a
 * benchmark run also proves the job read the inputs right and shows where its time went.
 */
record JobOutput(Map<String, Long> counts, Map<String, Long> findings, Map<String, Double> steps) {

	private static final Pattern FILES = Pattern.compile("文件：读取 (\\d+) 个，无法读取 (\\d+) 个，跳过 (\\d+) 个文件、(\\d+) 个工作表");

	private static final Pattern ROWS = Pattern.compile("数据行：共读取 (\\d+) 行，接受 (\\d+)，拒绝 (\\d+)，被替代 (\\d+)，跳过 (\\d+)");

	private static final Pattern FINDING = Pattern.compile("([RWF]\\d) (\\d+) 条");

	private static final Pattern STEP = Pattern.compile("Step: \\[(\\w+)\\] executed in (\\S+)");

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|h|m|s)");

	static JobOutput parse(String stdout) {
		Map<String, Long> counts = new LinkedHashMap<>();
		Map<String, Long> findings = new TreeMap<>();
		Map<String, Double> steps = new LinkedHashMap<>();
		Matcher files = FILES.matcher(stdout);
		if (files.find()) {
			counts.put("files.read", Long.parseLong(files.group(1)));
			counts.put("files.failed", Long.parseLong(files.group(2)));
			counts.put("files.skipped", Long.parseLong(files.group(3)));
			counts.put("sheets.skipped", Long.parseLong(files.group(4)));
		}
		Matcher rows = ROWS.matcher(stdout);
		if (rows.find()) {
			counts.put("rows.read", Long.parseLong(rows.group(1)));
			counts.put("rows.accepted", Long.parseLong(rows.group(2)));
			counts.put("rows.rejected", Long.parseLong(rows.group(3)));
			counts.put("rows.superseded", Long.parseLong(rows.group(4)));
			counts.put("rows.skipped", Long.parseLong(rows.group(5)));
		}
		for (String line : stdout.split("\n")) {
			if (line.startsWith("校验问题：")) {
				Matcher finding = FINDING.matcher(line);
				while (finding.find()) {
					findings.put(finding.group(1), Long.parseLong(finding.group(2)));
				}
			}
			Matcher step = STEP.matcher(line);
			if (step.find()) {
				steps.put(step.group(1), seconds(step.group(2)));
			}
		}
		return new JobOutput(counts, findings, steps);
	}

	/** Spring Batch's durations: {@code 1m2s345ms}, {@code 12s7ms}, {@code 45ms}. */
	static double seconds(String duration) {
		double seconds = 0;
		Matcher part = DURATION.matcher(duration);
		while (part.find()) {
			long n = Long.parseLong(part.group(1));
			seconds += switch (part.group(2)) {
				case "h" -> n * 3600.0;
				case "m" -> n * 60.0;
				case "s" -> n;
				default -> n / 1000.0;
			};
		}
		return seconds;
	}

	/** Where the job's counts differ from what the generator planted; empty when none. */
	List<String> differences(Manifest manifest) {
		List<String> differences = new ArrayList<>();
		if (this.counts.isEmpty()) {
			differences.add("the job printed no summary");
			return differences;
		}
		for (String key : List.of("files.read", "files.failed", "files.skipped", "sheets.skipped", "rows.read",
				"rows.accepted", "rows.rejected", "rows.superseded", "rows.skipped")) {
			long expected = manifest.number(key);
			long actual = this.counts.getOrDefault(key, -1L);
			if (expected != actual) {
				differences.add(key + " " + actual + " (expected " + expected + ")");
			}
		}
		Map<String, Long> expectedFindings = new TreeMap<>(manifest.findings());
		if (manifest.number("files.failed") > 0) {
			expectedFindings.put("F1", manifest.number("files.failed"));
		}
		if (!expectedFindings.equals(this.findings)) {
			differences.add("findings " + this.findings + " (expected " + expectedFindings + ")");
		}
		return differences;
	}

}
