package org.tallyrollup;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.tallyrollup.cli.CommandLine;
import org.tallyrollup.cli.HashPasswordCommand;
import org.tallyrollup.cli.RunCommand;
import org.tallyrollup.cli.TemplateCommand;
import org.tallyrollup.unit.RegistryPreload;

/**
 * The command line: {@code run} rolls one period up and exits; {@code template} writes a
 * blank 填报模板; {@code serve} starts the server.
 */
@SpringBootApplication
public class TallyRollupApplication {

	/**
	 * Where {@code run} reads unless told otherwise (tally.input-dir's default).
	 */
	private static final String DEFAULT_INPUT = "input";

	private static final String INPUT_DIR_ARGUMENT = "--tally.input-dir=";

	static final String USAGE = """
			用法：
			  java -jar tally-rollup.jar run [--period 报告期] [--input 输入文件夹] [--output 输出文件夹] [--fresh]
			      汇总一个报告期（默认：input/ 下最新的报告期），写出 output/<报告期>/rollup_<报告期>.xlsx
			      该报告期上次的汇总未完成（失败、被停止或进程被终止）且输入文件未变时，从中断处继续；
			      --fresh：不继续，重新汇总
			  java -jar tally-rollup.jar template --unit 单位编码 [--period 报告期] [--categories 是|否] [--input 输入文件夹] [--output 输出文件夹]
			      为该单位及其下级中需报送的单位生成填报模板（默认报告期：input/ 下最新的报告期），
			      写出 output/templates/<单位编码>_<报告期>_填报模板.xlsx；--categories 否：不含六类问题分类列
			  java -jar tally-rollup.jar serve [--server.port=8080]
			      启动网页服务：每晚自动汇总，管理员可随时汇总，大家可下载汇总表
			  java -jar tally-rollup.jar hash-password
			      输入一个密码，输出它的哈希值，用于配置 tally.web.users.<用户名>.password
			""";

	public static void main(String[] args) {
		CommandLine line;
		try {
			line = CommandLine.parse(args);
		}
		catch (CommandLine.UsageException ex) {
			System.err.println("错误：" + ex.getMessage());
			System.err.print(USAGE);
			System.exit(2);
			return;
		}
		if ("run".equals(line.command())) {
			// the registry is read while the application starts; see RegistryPreload
			System.exit(launch(line, preload(line),
					(context) -> context.getBean(RunCommand.class).run(line, System.out, System.err)));
		}
		else if ("template".equals(line.command())) {
			if (line.option("unit") == null) {
				System.err.println("错误：template 命令须用 --unit 指定单位编码");
				System.err.print(USAGE);
				System.exit(2);
				return;
			}
			System.exit(launch(line, null,
					(context) -> context.getBean(TemplateCommand.class).run(line, System.out, System.err)));
		}
		else if ("serve".equals(line.command())) {
			serve(line);
		}
		else if ("hash-password".equals(line.command())) {
			System.exit(HashPasswordCommand.run(System.out, System.err));
		}
		else {
			System.err.println("错误：未知命令 " + line.command());
			System.err.print(USAGE);
			System.exit(2);
		}
	}

	/**
	 * Begins reading the registry of the folder {@code run} will most likely read
	 * ({@link #likelyInput}); a run of another folder ignores it.
	 */
	private static RegistryPreload preload(CommandLine line) {
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
	static String likelyInput(CommandLine line, UnaryOperator<String> environment) {
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

	/**
	 * Starts the web server with the nightly schedule, and returns: the server keeps the
	 * process alive.
	 */
	static void serve(CommandLine line) {
		Optional<String> localeProblem = RunCommand.localeProblem();
		if (localeProblem.isPresent()) {
			System.err.println(localeProblem.get());
			System.exit(1);
		}
		if (!line.options().isEmpty()) {
			System.err.println(
					"错误：serve 不接受 --" + String.join("、--", line.options().keySet()) + "；请用 --tally.input-dir=… 等设置文件夹");
			System.err.print(USAGE);
			System.exit(2);
		}
		new SpringApplicationBuilder(TallyRollupApplication.class).web(WebApplicationType.SERVLET)
			.run(line.springArgs().toArray(String[]::new));
	}

	/**
	 * Starts the application without a web server, runs a command in it, and stops it. A
	 * failure to start (database unreachable, bad setting) is reported in one line.
	 * @param preload the registry being read for the command, {@code null} for none
	 */
	static int launch(CommandLine line, RegistryPreload preload,
			ToIntFunction<ConfigurableApplicationContext> command) {
		// Quiet defaults for a person at a terminal, as default properties so that any
		// --logging.level… given replaces them. A failed step is reported by RunCommand
		// in one line; Batch's stack trace would be noise, and so would Spring's report
		// of
		// a failure to start.
		ConfigurableApplicationContext context;
		try {
			context = new SpringApplicationBuilder(TallyRollupApplication.class).web(WebApplicationType.NONE)
				.initializers((starting) -> {
					if (preload != null) {
						starting.getBeanFactory().registerSingleton("registryPreload", preload);
					}
				})
				.logStartupInfo(false)
				.properties("logging.level.root=WARN", "logging.level.org.tallyrollup=INFO",
						"logging.level.org.springframework.batch.core.step.AbstractStep=OFF",
						"logging.level.org.springframework.boot.SpringApplication=OFF",
						"logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=ERROR")
				.run(line.springArgs().toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			System.err.println("错误：程序无法启动：" + rootCause(ex));
			return 1;
		}
		try (context) {
			return command.applyAsInt(context);
		}
	}

	private static String rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getClass().getSimpleName()
				+ ((cause.getMessage() != null) ? " " + cause.getMessage() : "");
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

}
