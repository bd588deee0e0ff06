package org.tallyrollup.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command as parsed ({@link Cli}): its name, its own options by name (a flag given is
 * {@code "true"}), and the options naming a Spring property ({@code --server.port=9090},
 * {@code --tally.chunk-size=500}), passed to Spring as they are.
 */
public record Invocation(String command, Map<String, String> options, List<String> springArgs) {

	public Invocation {
		options = new LinkedHashMap<>(options);
		options.values().removeIf((value) -> value == null);
		options = Map.copyOf(options);
		springArgs = List.copyOf(springArgs);
	}

	/** Parses a command line as {@code tally-rollup} does, without running it. */
	public static Invocation parse(String... args) {
		return Cli.parse(args);
	}

	public String option(String name) {
		return this.options.get(name);
	}

	public boolean flag(String name) {
		return this.options.containsKey(name);
	}

	/**
	 * The options naming a Spring property among those picocli did not know: each
	 * {@code --name=value}, or {@code --name value} made into one.
	 * @throws UsageException for anything else
	 */
	static List<String> springArgs(List<String> unmatched) {
		List<String> spring = new ArrayList<>();
		for (int i = 0; i < unmatched.size(); i++) {
			String arg = unmatched.get(i);
			if (!arg.startsWith("--")) {
				throw new UsageException("无法识别的参数：" + arg);
			}
			String name = arg.substring(2);
			int equals = name.indexOf('=');
			if (!((equals >= 0) ? name.substring(0, equals) : name).contains(".")) {
				throw new UsageException("无法识别的选项：" + arg);
			}
			if (equals >= 0) {
				spring.add(arg);
			}
			else if (i + 1 < unmatched.size()) {
				spring.add(arg + "=" + unmatched.get(++i));
			}
			else {
				throw new UsageException("选项 " + arg + " 缺少取值");
			}
		}
		return spring;
	}

	/** The command line cannot be understood. */
	public static class UsageException extends RuntimeException {

		public UsageException(String message) {
			super(message);
		}

	}

}
