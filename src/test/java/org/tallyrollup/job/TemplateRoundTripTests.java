package org.tallyrollup.job;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.tallyrollup.cli.Invocation;
import org.tallyrollup.cli.TemplateCommand;
import org.tallyrollup.template.TemplateContent;
import org.tallyrollup.template.TemplateRefusedException;
import org.tallyrollup.template.TemplateService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A 填报模板 filled in and put in the period folder gives exactly what was typed; a row left
 * untouched is a unit that did not report.
 */
class TemplateRoundTripTests extends JobTestSupport {

	/** Typed per unit: the counts of the template's columns, in order. */
	static final Map<String, long[]> TYPED = typed();

	@Autowired
	TemplateService templates;

	@Autowired
	TemplateCommand command;

	@Test
	void aFilledTemplateGivesExactlyWhatWasTyped() throws Exception {
		// given
		TallyInput input = new TallyInput(this.folder.resolve("input")).registry(ChainingTests.CITY);
		Files.createDirectories(input.folder().resolve("2023-11"));
		TemplateContent content = this.templates.content(input.folder(), "01", null, true);
		Path template = this.templates.save(content, this.folder.resolve("out"));
		Path filled = input.folder().resolve("2023-11/江州市/" + template.getFileName());
		fill(template, filled, TYPED);
		// when
		run(input.folder(), this.folder.resolve("out"), "2023-11");
		// then
		assertThat(content.period()).isEqualTo("2023-11");
		assertThat(content.units()).extracting((u) -> u.code())
			.containsExactly("0101", "010101", "010102", "010201", "010202", "010203");
		Path workbook = workbook(this.folder.resolve("out"), "2023-11");
		Map<String, long[]> read = new LinkedHashMap<>();
		for (Map<String, Object> row : Sheets.table(workbook, "明细")) {
			List<Object> values = new ArrayList<>(row.values());
			long[] counts = new long[13];
			for (int i = 0; i < 13; i++) {
				counts[i] = ((Double) values.get(2 + i)).longValue();
			}
			read.put((String) row.get("单位编码"), counts);
			assertThat(row.get("工作表")).isEqualTo("统计表");
		}
		assertThat(read).containsOnlyKeys(TYPED.keySet());
		TYPED.forEach((code, counts) -> assertThat(read.get(code)).as(code).containsExactly(counts));
		assertThat(Sheets.table(workbook, "校验问题")).isEmpty();
		assertThat(Sheets.table(workbook, "未报送")).extracting((row) -> row.get("单位编码")).containsExactly("010203");
		Map<String, Object> facts = Sheets.facts(workbook);
		assertThat(facts.get("跳过行数")).isEqualTo(1.0);
		assertThat(Sheets.inputFiles(workbook)).singleElement()
			.satisfies((file) -> assertThat((String) file.get("状态")).contains("填报模板"));
	}

	@Test
	void aViolationTypedPastExcelIsStillCaughtByTheRun() throws Exception {
		// given: 已完成整改数 above 整改措施数, pasted in where Excel's check does not look
		TallyInput input = new TallyInput(this.folder.resolve("input")).registry(ChainingTests.CITY);
		Files.createDirectories(input.folder().resolve("2023-11"));
		Path template = this.templates.save(this.templates.content(input.folder(), "0102", "2023-11", true),
				this.folder.resolve("out"));
		long[] wrong = new long[13];
		wrong[0] = 1;
		wrong[3] = 2;
		wrong[4] = 3;
		fill(template, input.folder().resolve("2023-11/城西区.xlsx"), Map.of("010201", wrong));
		// when
		run(input.folder(), this.folder.resolve("out"), "2023-11");
		// then
		assertThat(Sheets.table(workbook(this.folder.resolve("out"), "2023-11"), "校验问题")).singleElement()
			.satisfies((finding) -> {
				assertThat(finding.get("规则")).isEqualTo("R4");
				assertThat(finding.get("单位编码")).isEqualTo("010201");
				assertThat(finding.get("行号")).isEqualTo(4.0);
			});
	}

	@Test
	void theCommandWritesTheTemplateOfTheLatestPeriodUnderTheOutputFolder() throws Exception {
		// given
		TallyInput input = new TallyInput(this.folder.resolve("input")).registry(ChainingTests.CITY);
		Files.createDirectories(input.folder().resolve("2023-10"));
		Files.createDirectories(input.folder().resolve("2023-11"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		// when
		int status = this.command.run(
				Invocation.parse(new String[] { "template", "--unit", "0102", "--input", input.folder().toString(),
						"--output", this.folder.resolve("out").toString(), "--categories", "否" }),
				print(out), print(err));
		// then
		assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
		Path file = this.folder.resolve("out/templates/0102_2023-11_填报模板.xlsx");
		assertThat(file).exists();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("中共城西区委", "2023-11", "3 个需报送单位");
		try (XSSFWorkbook workbook = Sheets.open(file)) {
			assertThat(workbook.getSheet("统计表").getRow(2).getCell(8).getStringCellValue()).isEqualTo("调研课题数");
		}
	}

	@Test
	void refusesAUnitNotInTheRegistryOrWithNoUnitToReport() throws Exception {
		// given
		TallyInput input = new TallyInput(this.folder.resolve("input"))
			.registry(List.of("01,中共江州市委,,市委,", "0101,中共城东区委,01,区委,", "010101,东湖社区党支部,0101,党支部,否"));
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		// when
		int unknown = this.command.run(Invocation.parse(new String[] { "template", "--unit", "0199", "--period",
				"2023-11", "--input", input.folder().toString() }), print(new ByteArrayOutputStream()), print(err));
		// then
		assertThat(unknown).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("0199", "不在单位名册中");
		assertThatExceptionOfType(TemplateRefusedException.class)
			.isThrownBy(() -> this.templates.content(input.folder(), "0101", "2023-11", true))
			.withMessageContaining("没有需报送的单位");
		assertThatExceptionOfType(TemplateRefusedException.class)
			.isThrownBy(() -> this.templates.content(input.folder(), "01", null, true))
			.withMessageContaining("没有报告期文件夹");
	}

	/** Types the counts into the rows of the units given, as a clerk would, and saves. */
	static void fill(Path template, Path filled, Map<String, long[]> typed) throws Exception {
		try (InputStream in = Files.newInputStream(template); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			XSSFSheet sheet = workbook.getSheet("统计表");
			Row header = sheet.getRow(2);
			for (int r = 3; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				long[] counts = typed.get(row.getCell(0).getStringCellValue());
				if (counts == null) {
					continue;
				}
				int index = 0;
				for (int c = 3; c < header.getLastCellNum() - 1; c++) {
					row.getCell(c).setCellValue(counts[index++]);
				}
			}
			Files.createDirectories(filled.getParent());
			try (OutputStream out = Files.newOutputStream(filled)) {
				workbook.write(out);
			}
		}
	}

	private static PrintStream print(ByteArrayOutputStream bytes) {
		return new PrintStream(bytes, true, StandardCharsets.UTF_8);
	}

	/** 党支部数 党员数 检视问题数 整改措施数 已完成整改数, six categories, 调研课题数 建章立制数. */
	private static Map<String, long[]> typed() {
		Map<String, long[]> typed = new LinkedHashMap<>();
		typed.put("0101", new long[] { 0, 12, 3, 4, 2, 1, 0, 1, 0, 1, 0, 1, 2 });
		typed.put("010101", new long[] { 1, 32, 5, 7, 4, 1, 1, 2, 0, 1, 0, 1, 0 });
		typed.put("010102", new long[] { 1, 27, 1234, 2000, 1999, 1000, 200, 34, 0, 0, 0, 3, 4 });
		typed.put("010201", new long[] { 1, 35, 6, 8, 5, 1, 1, 1, 1, 1, 1, 2, 1 });
		typed.put("010202", new long[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
		return typed;
	}

}
