package org.tallyrollup.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code hash-password}: a password's hash for the configuration. */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
		description = "输入一个密码，输出它的哈希值，用于配置 tally.web.users.<用户名>.password。")
class HashPasswordCli implements Callable<Integer>, CliCommand {

	@Override
	public Invocation invocation() {
		return new Invocation("hash-password", Map.of(), List.of());
	}

	@Override
	public Integer call() {
		return HashPasswordCommand.run(System.out, System.err);
	}

}
