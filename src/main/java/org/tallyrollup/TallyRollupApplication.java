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
			  java -jar tally-rollup.jar run [--period 报告期] [--input 输入文件夹] [--output 输出文件夹] [--fresh]
			      汇总一个报告期（默认：input/ 下最新的报告期），写出 output/<报告期>/rollup_<报告期>.xlsx
			      该报告期上次的汇总未完成（失败、被停止或进程被终止）且输入文件未变时，从中断处继续；
			      --fresh：不继续，重新汇总
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
		springArgs.add(0, "--logging.level.root=WARN");
		springArgs.add(1, "--logging.level.org.tallyrollup=INFO");
		// A failed step is reported by RunCommand in one line; Batch's stack trace is
		// noise
		// to the person at the terminal.
		springArgs.add(2, "--logging.level.org.springframework.batch.core.step.AbstractStep=OFF");
		// A start-up failure (database unreachable, bad setting) is reported below in one
		// line too.
		springArgs.add(3, "--logging.level.org.springframework.boot.SpringApplication=OFF");
		springArgs.add(4,
				"--logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=ERROR");
		ConfigurableApplicationContext context;
		try {
			context = new SpringApplicationBuilder(TallyRollupApplication.class).web(WebApplicationType.NONE)
				.logStartupInfo(false)
				.run(springArgs.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			System.err.println("错误：程序无法启动：" + rootCause(ex));
			return 1;
		}
		try (context) {
			return context.getBean(RunCommand.class).run(line, System.out, System.err);
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
