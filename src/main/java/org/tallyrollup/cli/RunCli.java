package org.tallyrollup.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import org.tallyrollup.unit.RegistryPreload;

/** {@code run}: one roll-up, then its summary ({@link RunCommand}). */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "汇总一个报告期，写出 <输出文件夹>/<报告期>/rollup_<报告期>.xlsx。", "该报告期上次的汇总未完成（失败、被停止或进程被终止）且输入文件未变时，从中断处继续。" })
class RunCli implements Callable<Integer>, CliCommand {

	/** Where {@code run} reads unless told otherwise (tally.input-dir's default). */
	private static final String DEFAULT_INPUT = "input";

	private static final String INPUT_DIR_ARGUMENT = "--tally.input-dir=";

	@Option(names = "--period", paramLabel = "报告期", description = "如 2023-11；默认：输入文件夹下最新的报告期")
	String period;

	@Option(names = "--input", paramLabel = "文件夹", description = "放单位名册和各报告期文件夹的输入文件夹；默认 input")
	String input;

	@Option(names = "--output", paramLabel = "文件夹", description = "输出文件夹；默认 output")
	String output;

	@Option(names = "--fresh", description = "不继续上次未完成的汇总，重新汇总")
	boolean fresh;

	@Unmatched
	List<String> unmatched = new ArrayList<>();

	private final SpringLaunch launch;

	RunCli(SpringLaunch launch) {
		this.launch = launch;
	}

	@Override
	public Invocation invocation() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("period", this.period);
		options.put("input", this.input);
		options.put("output", this.output);
		if (this.fresh) {
			options.put("fresh", "true");
		}
		return new Invocation("run", options, Invocation.springArgs(this.unmatched));
	}

	@Override
	public Integer call() {
		Invocation line = invocation();
		// the registry is read while the application starts; see RegistryPreload
		return this.launch.run(line.springArgs(), preload(line),
				(context) -> context.getBean(RunCommand.class).run(line, System.out, System.err));
	}

	/**
	 * Begins reading the registry of the folder {@code run} will most likely read
	 * ({@link #likelyInput}); a run of another folder ignores it.
	 */
	private static RegistryPreload preload(Invocation line) {
		try {
			return RegistryPreload.start(Path.of(likelyInput(line, System::getenv)));
		}
		catch (InvalidPathException ex) {
			// the run itself says what is wrong with the folder
			return null;
		}
	}

	/**
	 * The input folder of a {@code run}: its {@code --input}, else tally.input-dir as
	 * given on the command line or in the environment, else the default. (A setting in a
	 * properties file beside the jar is not looked at: this is only a guess.)
	 */
	static String likelyInput(Invocation line, UnaryOperator<String> environment) {
		if (line.option("input") != null) {
			return line.option("input");
		}
		return line.springArgs()
			.stream()
			.filter((arg) -> arg.startsWith(INPUT_DIR_ARGUMENT))
			.map((arg) -> arg.substring(INPUT_DIR_ARGUMENT.length()))
			.reduce((first, last) -> last)
			.or(() -> Optional.ofNullable(environment.apply("TALLY_INPUT_DIR")))
			.orElse(DEFAULT_INPUT);
	}

}
