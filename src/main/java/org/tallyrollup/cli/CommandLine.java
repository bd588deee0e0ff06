package org.tallyrollup.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: a command ({@code run}, {@code template}, {@code serve}) and its
 * options, given as {@code --name value} or {@code --name=value}. Options naming a Spring
 * property ({@code --server.port=9090}, {@code --tally.chunk-size=500}) are passed to
 * Spring as they are.
 */
public record CommandLine(String command, Map<String, String> options, List<String> springArgs) {

	private static final Map<String, Set<String>> OPTIONS = Map.of("run", Set.of("period", "input", "output"),
			"template", Set.of("unit", "period", "categories", "input", "output"));

	private static final Set<String> ANY_OPTION = Set.of("unit", "period", "categories", "input", "output");

	/** Options that take no value, by command. */
	private static final Map<String, Set<String>> FLAGS = Map.of("run", Set.of("fresh"));

	public static CommandLine parse(String[] args) {
		if (args.length == 0) {
			throw new UsageException("缺少命令");
		}
		String command = args[0];
		Set<String> known = OPTIONS.getOrDefault(command, ANY_OPTION);
		Set<String> flags = FLAGS.getOrDefault(command, Set.of());
		Map<String, String> options = new LinkedHashMap<>();
		List<String> spring = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new UsageException("无法识别的参数：" + arg);
			}
			String name = arg.substring(2);
			String value = null;
			int equals = name.indexOf('=');
			if (equals >= 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			if (flags.contains(name)) {
				if (value != null) {
					throw new UsageException("选项 --" + name + " 不带取值");
				}
				options.put(name, "true");
			}
			else if (known.contains(name)) {
				if (value == null) {
					if (i + 1 >= args.length) {
						throw new UsageException("选项 --" + name + " 缺少取值");
					}
					value = args[++i];
				}
				options.put(name, value);
			}
			else if (name.contains(".")) {
				spring.add((value != null) ? arg : arg + "=" + nextValue(args, i));
				if (value == null) {
					i++;
				}
			}
			else {
				throw new UsageException("无法识别的选项：--" + name);
			}
		}
		return new CommandLine(command, options, spring);
	}

	private static String nextValue(String[] args, int i) {
		if (i + 1 >= args.length) {
			throw new UsageException("选项 " + args[i] + " 缺少取值");
		}
		return args[i + 1];
	}

	public String option(String name) {
		return this.options.get(name);
	}

	public boolean flag(String name) {
		return this.options.containsKey(name);
	}

	/** The command line cannot be understood. */
	public static class UsageException extends RuntimeException {

		public UsageException(String message) {
			super(message);
		}

	}

}
