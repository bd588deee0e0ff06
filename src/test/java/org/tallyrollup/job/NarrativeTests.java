package org.tallyrollup.job;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

import org.tallyrollup.narrative.UnitNarrative;
import org.tallyrollup.run.RunNarratives;

import static org.assertj.core.api.Assertions.assertThat;

/** 综述: every figure of the sentences is the workbook's. */
class NarrativeTests extends JobTestSupport {

	private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");

	@Autowired
	RunNarratives narratives;

	@Test
	void everyFigureOfTheSentencesIsTheWorkbooks() throws Exception {
		// given: October, then November with 南街 still missing and 城东区委's own row late
		TallyInput input = new TallyInput(this.folder.resolve("input")).registry(ChainingTests.CITY)
			.tally("2023-10", "城东.csv", ChainingTests.EAST_ROWS.subList(1, 3))
			.tally("2023-10", "城西.csv", List.of("010201,西关社区党支部,1,35,6,8,2,1,1,1,1,1,1,2,1"))
			.tally("2023-11", "城东.csv", ChainingTests.EAST_ROWS)
			.tally("2023-11", "城西.csv", ChainingTests.WEST_ROWS);
		run(input.folder(), this.folder.resolve("out"), "2023-10");
		// when
		JobExecution execution = run(input.folder(), this.folder.resolve("out"), "2023-11");
		// then
		Path workbook = workbook(this.folder.resolve("out"), "2023-11");
		List<Map<String, Object>> summary = Sheets.table(workbook, "汇总");
		List<Map<String, Object>> sentences = Sheets.table(workbook, "综述");
		assertThat(sentences).extracting((row) -> row.get("单位编码"))
			.containsExactlyElementsOf(summary.stream().map((row) -> row.get("单位编码")).toList());
		for (int i = 0; i < summary.size(); i++) {
			assertFiguresOf((String) sentences.get(i).get("综述"), summary.get(i), workbook);
		}
		assertThat((String) sentences.get(0).get("综述")).contains("较上期提高", "未报送单位：南街社区党支部。");
		assertThat(this.narratives.of(execution.getId())).extracting(UnitNarrative::text)
			.containsExactlyElementsOf(sentences.stream().map((row) -> (String) row.get("综述")).toList());
	}

	/** Each figure stated is the workbook's, and no other figure is stated. */
	private static void assertFiguresOf(String text, Map<String, Object> unit, Path workbook) {
		String prefix = "截至2023-11，" + unit.get("单位名称");
		assertThat(text).startsWith(prefix);
		String rest = text.substring(prefix.length());
		List<String> stated = new ArrayList<>();
		Matcher numbers = NUMBER.matcher(rest);
		while (numbers.find()) {
			stated.add(numbers.group());
		}
		List<String> checked = new ArrayList<>();
		checked.addAll(count(rest, "应报送单位(\\S+?)个", unit.get("应报单位数")));
		checked.addAll(count(rest, "已报送(\\S+?)个", unit.get("已报单位数")));
		checked.addAll(rate(rest, "报送率(\\S+?)%", unit.get("报送率")));
		checked.addAll(count(rest, "共检视问题(\\S+?)个", unit.get("检视问题数")));
		Map<String, String> categories = Map.of("党中央关心关注的问题", "党中央关心关注问题数", "影响制约高质量发展的问题", "制约高质量发展问题数", "人民群众急难愁盼的问题",
				"群众急难愁盼问题数", "防范化解重大风险中的问题", "防范化解重大风险问题数", "全面从严治党中的问题", "全面从严治党问题数", "其他问题", "其他问题数");
		categories.forEach(
				(phrase, column) -> checked.addAll(count(rest, "(?:其中|、)" + phrase + "(\\S+?)个", unit.get(column))));
		checked.addAll(count(rest, "制定整改措施(\\S+?)条", unit.get("整改措施数")));
		checked.addAll(count(rest, "已完成整改(\\S+?)条", unit.get("已完成整改数")));
		checked.addAll(rate(rest, "整改完成率(\\S+?)%", unit.get("整改完成率")));
		checked.addAll(points(rest, unit.get("整改完成率较上期（百分点）")));
		checked.addAll(count(rest, "调研课题(\\S+?)个", unit.get("调研课题数")));
		checked.addAll(count(rest, "建章立制(\\S+?)项", unit.get("建章立制数")));
		checked.addAll(missing(rest, unit, workbook));
		assertThat(checked).as(text).containsExactlyInAnyOrderElementsOf(stated);
	}

	private static List<String> count(String text, String regex, Object cell) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		if (!matcher.find()) {
			assertThat(cell).as(regex)
				.satisfiesAnyOf((c) -> assertThat(c).isNull(), (c) -> assertThat(c).isEqualTo(0.0));
			return List.of();
		}
		assertThat(Long.parseLong(matcher.group(1).replace(",", ""))).as(regex).isEqualTo(((Double) cell).longValue());
		return List.of(matcher.group(1));
	}

	private static List<String> rate(String text, String regex, Object cell) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		if (!matcher.find()) {
			assertThat(cell).as(regex).isNull();
			return List.of();
		}
		BigDecimal shown = BigDecimal.valueOf((Double) cell).movePointRight(2).setScale(2, RoundingMode.HALF_UP);
		assertThat(matcher.group(1)).as(regex).isEqualTo(shown.toPlainString());
		return List.of(matcher.group(1));
	}

	private static List<String> points(String text, Object cell) {
		Matcher matcher = Pattern.compile("较上期(提高|下降)(\\S+?)个百分点").matcher(text);
		if (!matcher.find()) {
			assertThat(cell).satisfiesAnyOf((c) -> assertThat(c).isNull(), (c) -> assertThat(c).isEqualTo(0.0));
			return List.of();
		}
		BigDecimal stated = new BigDecimal(matcher.group(2));
		assertThat(matcher.group(1).equals("提高") ? stated : stated.negate())
			.isEqualByComparingTo(BigDecimal.valueOf((Double) cell));
		return List.of(matcher.group(2));
	}

	/** The missing units named are the first of the unit's subtree in 未报送. */
	private static List<String> missing(String text, Map<String, Object> unit, Path workbook) {
		Map<String, String> parents = new HashMap<>();
		for (Map<String, Object> row : Sheets.table(workbook, "分级汇总")) {
			parents.put((String) row.get("单位编码"), (String) row.get("上级单位编码"));
		}
		List<String> names = new ArrayList<>();
		for (Map<String, Object> row : Sheets.table(workbook, "未报送")) {
			for (String code = (String) row.get("单位编码"); code != null; code = parents.get(code)) {
				if (code.equals(unit.get("单位编码"))) {
					names.add((String) row.get("单位名称"));
					break;
				}
			}
		}
		Matcher matcher = Pattern.compile("未报送单位：(.+?)(?:等(\\S+?)个单位)?。").matcher(text);
		if (!matcher.find()) {
			assertThat(names).isEmpty();
			return List.of();
		}
		assertThat(matcher.group(1).split("、")).containsExactlyElementsOf(names.subList(0, Math.min(10, names.size())));
		if (matcher.group(2) == null) {
			assertThat(names).hasSizeLessThanOrEqualTo(10);
			return List.of();
		}
		assertThat(Long.parseLong(matcher.group(2))).isEqualTo(names.size());
		return List.of(matcher.group(2));
	}

}
