package org.tallyrollup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.tallyrollup.cli.CommandLine;
import org.tallyrollup.cli.HashPasswordCommand;
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
			System.exit(run(line));
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

	static int run(CommandLine line) {
		List<String> springArgs = new ArrayList<>(line.springArgs());
		springArgs.add("--logging.level.root=WARN");
		springArgs.add("--logging.level.org.tallyrollup=INFO");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TallyRollupApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(springArgs.toArray(String[]::new))) {
			return context.getBean(RunCommand.class).run(line, System.out, System.err);
		}
	}

}
