package org.tallyrollup.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code template}: the blank 填报模板 of a unit ({@link TemplateCommand}). */
@Command(name = "template", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "为该单位及其下级中需报送的单位生成填报模板，", "写出 <输出文件夹>/templates/<单位编码>_<报告期>_填报模板.xlsx。" })
class TemplateCli implements Callable<Integer>, CliCommand {

	@Option(names = "--unit", required = true, paramLabel = "单位编码", description = "模板所属单位，按单位名册中的编码")
	String unit;

	@Option(names = "--period", paramLabel = "报告期", description = "默认：输入文件夹下最新的报告期")
	String period;

	@Option(names = "--categories", paramLabel = "是|否", description = "是否含六类问题分类列；默认 是")
	String categories;

	@Option(names = "--input", paramLabel = "文件夹", description = "放单位名册的输入文件夹；默认 input")
	String input;

	@Option(names = "--output", paramLabel = "文件夹", description = "输出文件夹；默认 output")
	String output;

	@Unmatched
	List<String> unmatched = new ArrayList<>();

	private final SpringLaunch launch;

	TemplateCli(SpringLaunch launch) {
		this.launch = launch;
	}

	@Override
	public Invocation invocation() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("unit", this.unit);
		options.put("period", this.period);
		options.put("categories", this.categories);
		options.put("input", this.input);
		options.put("output", this.output);
		return new Invocation("template", options, Invocation.springArgs(this.unmatched));
	}

	@Override
	public Integer call() {
		Invocation line = invocation();
		return this.launch.run(line.springArgs(), null,
				(context) -> context.getBean(TemplateCommand.class).run(line, System.out, System.err));
	}

}
