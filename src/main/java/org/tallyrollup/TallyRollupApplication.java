package org.tallyrollup;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.tallyrollup.cli.CommandLine;
import org.tallyrollup.cli.RunCommand;

/**
 * The command line: {@code run} rolls one period up and exits; {@code serve} starts the
 * server.
 */
@SpringBootApplication
public class TallyRollupApplication {

	static final String USAGE = """
			用法：
			  java -jar tally-rollup.jar run [--period 报告期] [--input 输入文件夹] [--output 输出文件夹]
			      汇总一个报告期（默认：input/ 下最新的报告期），写出 output/<报告期>/rollup_<报告期>.xlsx
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
			System.exit(run(line));
		}
		else {
			System.err.println("错误：未知命令 " + line.command());
			System.err.print(USAGE);
			System.exit(2);
		}
	}

	static int run(CommandLine line) {
		List<String> springArgs = new ArrayList<>(line.springArgs());
		List<String> defaults = new ArrayList<>();
		defaults.add("--logging.level.root=WARN");
		defaults.add("--logging.level.org.tallyrollup=INFO");
		// A failed step is reported by RunCommand in one line; Batch's stack trace is
		// noise to the person at the terminal.
		defaults.add("--logging.level.org.springframework.batch.core.step.AbstractStep=OFF");
		// A level given on the command line wins: given twice, Spring would bind both
		// values at once ("OFF,INFO") and fail to start.
		defaults.removeIf((option) -> springArgs.stream()
			.anyMatch((arg) -> arg.startsWith(option.substring(0, option.indexOf('=') + 1))));
		springArgs.addAll(0, defaults);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TallyRollupApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(springArgs.toArray(String[]::new))) {
			return context.getBean(RunCommand.class).run(line, System.out, System.err);
		}
	}

}
