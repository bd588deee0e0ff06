package org.tallyrollup.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code serve}: the web server with the nightly schedule, until it is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = { "启动网页服务：每晚自动汇总，管理员可随时汇总，大家可下载汇总表。",
		"文件夹等用 Spring 设置指定，如 --server.port=8080 --tally.input-dir=…。" })
class ServeCli implements Callable<Integer>, CliCommand {

	@Unmatched
	List<String> unmatched = new ArrayList<>();

	private final SpringLaunch launch;

	ServeCli(SpringLaunch launch) {
		this.launch = launch;
	}

	@Override
	public Invocation invocation() {
		return new Invocation("serve", Map.of(), Invocation.springArgs(this.unmatched));
	}

	@Override
	public Integer call() throws InterruptedException {
		Invocation line = invocation();
		Optional<String> localeProblem = RunCommand.localeProblem();
		if (localeProblem.isPresent()) {
			System.err.println(localeProblem.get());
			return 1;
		}
		return this.launch.serve(line.springArgs());
	}

}
