package org.tallyrollup.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tally-rollup} (java -jar tally-rollup.jar): a command is required. */
@Command(name = "tally-rollup", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
		subcommands = { RunCli.class, TemplateCli.class, ServeCli.class, HashPasswordCli.class },
		description = "主题教育进展统计表汇总。",
		footer = { "", "Spring 设置可跟在任一命令之后，如 --tally.input-dir=… --spring.profiles.active=postgres。" })
class TallyRollupCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		throw new ParameterException(this.spec.commandLine(), "缺少命令");
	}

}
