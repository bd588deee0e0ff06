package org.tallyrollup.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line, on picocli: {@link TallyRollupCommand} and one class a command
 * ({@link RunCli}, {@link TemplateCli}, {@link ServeCli}, {@link HashPasswordCli}), usage
 * and {@code --help} generated from them. Exit status 0 when the command did what it was
 * asked, 1 when it could not (the reason on stderr in one line), 2 when the command line
 * is not understood (the reason and the usage on stderr).
 */
public final class Cli {

	private Cli() {
	}

	/** Runs the command line; the caller exits with what it returns. */
	public static int execute(Class<?> application, String... args) {
		CommandLine line = commandLine(new SpringLaunch(application));
		line.setParameterExceptionHandler(Cli::usageError);
		line.setExecutionExceptionHandler((ex, failed, result) -> {
			if (ex instanceof Invocation.UsageException usage) {
				return usageError(new ParameterException(failed, usage.getMessage()), null);
			}
			failed.getErr().println("错误：" + SpringLaunch.rootCause(ex));
			return 1;
		});
		return line.execute(args);
	}

	/** Parses a command line without running it. */
	static Invocation parse(String... args) {
		try {
			ParseResult parsed = commandLine(new SpringLaunch(Object.class)).parseArgs(args);
			if (!parsed.hasSubcommand()) {
				throw new Invocation.UsageException("缺少命令");
			}
			Object command = parsed.subcommand().commandSpec().userObject();
			return ((CliCommand) command).invocation();
		}
		catch (ParameterException ex) {
			throw new Invocation.UsageException(reason(ex));
		}
	}

	static CommandLine commandLine(SpringLaunch launch) {
		return new CommandLine(new TallyRollupCommand(), new Factory(launch)).setCaseInsensitiveEnumValuesAllowed(true);
	}

	private static int usageError(ParameterException ex, String[] args) {
		PrintWriter err = ex.getCommandLine().getErr();
		err.println("错误：" + reason(ex));
		err.print(ex.getCommandLine().getUsageMessage());
		err.flush();
		return 2;
	}

	/** The reason a command line is not understood, as a clerk reads it. */
	static String reason(ParameterException ex) {
		if (ex instanceof UnmatchedArgumentException unmatched) {
			return ex.getCommandLine().getParent() == null && !unmatched.getUnmatched().isEmpty()
					? "未知命令 " + unmatched.getUnmatched().get(0)
					: "无法识别的参数：" + String.join(" ", unmatched.getUnmatched());
		}
		if (ex instanceof MissingParameterException missing) {
			return "缺少必填选项 " + String.join("、", missing.getMissing()
				.stream()
				.map((arg) -> (arg.isOption()) ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel())
				.toList());
		}
		return ex.getMessage();
	}

	/** Gives each command the application to start. */
	private record Factory(SpringLaunch launch) implements IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			try {
				Constructor<K> constructor = type.getDeclaredConstructor(SpringLaunch.class);
				constructor.setAccessible(true);
				return constructor.newInstance(this.launch);
			}
			catch (NoSuchMethodException ex) {
				return CommandLine.defaultFactory().create(type);
			}
		}

	}

}
