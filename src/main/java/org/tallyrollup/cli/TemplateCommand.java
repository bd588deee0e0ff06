package org.tallyrollup.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import org.tallyrollup.system.TallyProperties;
import org.tallyrollup.template.TemplateContent;
import org.tallyrollup.template.TemplateRefusedException;
import org.tallyrollup.template.TemplateService;
import org.tallyrollup.unit.InvalidRegistryException;

/**
 * {@code template --unit CODE [--period P] [--categories 是|否] [--input DIR] [--output DIR]}:
 * writes the blank 填报模板 for the units that report under a unit. Exit status 0 when it is
 * written, 1 when it cannot be (the reason on stderr in one line).
 */
@Component
public class TemplateCommand {

	private final TemplateService templates;

	private final TallyProperties properties;

	TemplateCommand(TemplateService templates, TallyProperties properties) {
		this.templates = templates;
		this.properties = properties;
	}

	public int run(Invocation line, PrintStream out, PrintStream err) {
		Optional<String> localeProblem = RunCommand.localeProblem();
		if (localeProblem.isPresent()) {
			err.println(localeProblem.get());
			return 1;
		}
		String unit = line.option("unit");
		if (unit == null || unit.isBlank()) {
			err.println("错误：请用 --unit 指定单位编码");
			return 2;
		}
		Boolean categories = yesNo(line.option("categories"));
		if (categories == null) {
			err.println("错误：--categories 只能是 是 或 否");
			return 2;
		}
		Path input = Path.of(Optional.ofNullable(line.option("input")).orElse(this.properties.inputDir()));
		Path output = Path.of(Optional.ofNullable(line.option("output")).orElse(this.properties.outputDir()));
		try {
			TemplateContent content = this.templates.content(input, unit, line.option("period"), categories);
			Path file = this.templates.save(content, output);
			out.println("填报模板：" + content.unitName() + "（" + content.unitCode() + "），报告期 " + content.period() + "，"
					+ content.units().size() + " 个需报送单位");
			out.println("文件：" + RunCommand.display(file));
			return 0;
		}
		catch (TemplateRefusedException | InvalidRegistryException | UncheckedIOException ex) {
			err.println("错误：" + ex.getMessage());
			return 1;
		}
	}

	/** 是/否 (Y/N, yes/no, true/false); absent means 是; {@code null} for anything else. */
	static Boolean yesNo(String value) {
		if (value == null) {
			return true;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "是", "y", "yes", "true" -> true;
			case "否", "n", "no", "false" -> false;
			default -> null;
		};
	}

}
