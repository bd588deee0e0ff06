package org.tallyrollup.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The machine a result was measured on, from /proc. */
final class Machine {

	private Machine() {
	}

	static Map<String, String> describe() {
		Map<String, String> machine = new LinkedHashMap<>();
		machine.put("machine.cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
		machine.put("machine.cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
		String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal").replaceAll("\\D", "");
		machine.put("machine.memoryGiB",
				memory.isEmpty() ? "" : String.format(Locale.ROOT, "%.1f", Long.parseLong(memory) / 1024.0 / 1024.0));
		machine.put("machine.load", read(Path.of("/proc/loadavg")).split(" ")[0]);
		machine.put("machine.java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		return machine;
	}

	/**
	 * CPU seconds the whole machine has been busy since it started (all cores; user,
	 * nice, system, interrupts and steal from {@code /proc/stat}, in the kernel's usual
	 * 100 ticks a second), or NaN where that cannot be read.
	 */
	static double busyCpuSeconds() {
		String[] fields = read(Path.of("/proc/stat")).split("\n")[0].trim().split("\\s+");
		if (fields.length < 9 || !"cpu".equals(fields[0])) {
			return Double.NaN;
		}
		long ticks = 0;
		for (int i : new int[] { 1, 2, 3, 6, 7, 8 }) {
			ticks += Long.parseLong(fields[i]);
		}
		return ticks / 100.0;
	}

	private static String firstValue(Path file, String key) {
		for (String line : read(file).split("\n")) {
			if (line.startsWith(key)) {
				return line.substring(line.indexOf(':') + 1).trim();
			}
		}
		return "";
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (Exception ex) {
			return "";
		}
	}

	static List<String> keys() {
		return List.of("machine.cores", "machine.cpu", "machine.memoryGiB", "machine.load", "machine.java");
	}

}
