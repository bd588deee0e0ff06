package org.tallyrollup.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.tallyrollup.staging.Counts;
import org.tallyrollup.rollup.ComparedTotals;
import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.run.PeriodComparisons;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 较上期: each run compares with the latest completed run of the greatest earlier period
 * that has one, over the same input folder.
 */
class PeriodComparisonTests extends JobTestSupport {

	static final String HEADER = "单位编码,单位名称,党支部数,检视问题数,整改措施数,已完成整改数";

	static final List<String> UNITS = List.of("01,中共江州市委,,市委,", "0101,中共城东区委,01,区委,", "010101,东湖社区党支部,0101,党支部,",
			"010102,桂花社区党支部,0101,党支部,", "0102,中共城西区委,01,区委,", "010201,西关社区党支部,0102,党支部,");

	static final List<String> OCTOBER = List.of("010101,东湖社区党支部,1,5,8,2", "010102,桂花社区党支部,1,4,6,3",
			"010201,西关社区党支部,1,3,3,1");

	static final List<String> NOVEMBER = List.of("010101,东湖社区党支部,1,6,9,5", "010102,桂花社区党支部,1,4,6,5",
			"010201,西关社区党支部,1,3,4,4");

	@Autowired
	PeriodComparisons comparisons;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void leavesTheChangeBlankWithoutAnEarlierCompletedPeriod() throws Exception {
		// given
		TallyInput input = new TallyInput(this.folder.resolve("input")).registry(UNITS)
			.tally("2023-10", "a.csv", HEADER, OCTOBER);
		// when
		JobExecution execution = run(input.folder(), this.folder.resolve("out"), "2023-10");
		// then
		Path workbook = workbook(this.folder.resolve("out"), "2023-10");
		assertThat(Sheets.table(workbook, "汇总")).allSatisfy((row) -> assertThat(changes(row)).containsOnlyNulls());
		assertThat(Sheets.facts(workbook).get("较上期对比的报告期")).asString().startsWith("无");
		assertThat(this.comparisons.roots(execution.getId())).hasValueSatisfying((comparison) -> {
			assertThat(comparison.previousPeriod()).isNull();
			assertThat(comparison.units()).singleElement()
				.satisfies((root) -> assertThat(root.hasPrevious()).isFalse());
		});
	}

	@Test
	void comparesWithTheLatestCompletedRunOfThePreviousPeriod() throws Exception {
		// given: October run, then run again after a correction (东湖 completed 2 → 4)
		TallyInput input = new TallyInput(this.folder.resolve("input")).registry(UNITS)
			.tally("2023-10", "a.csv", HEADER, OCTOBER)
			.tally("2023-11", "a.csv", HEADER, NOVEMBER);
		run(input.folder(), this.folder.resolve("out"), "2023-10");
		JobExecution november = run(input.folder(), this.folder.resolve("out"), "2023-11");
		Map<String, Object> before = Sheets.table(workbook(this.folder.resolve("out"), "2023-11"), "汇总").get(0);
		input.tally("2023-10", "a.csv", HEADER, List.of("010101,东湖社区党支部,1,5,8,4", OCTOBER.get(1), OCTOBER.get(2)));
		run(input.folder(), this.folder.resolve("out"), "2023-10");
		// when
		JobExecution againNovember = run(input.folder(), this.folder.resolve("out"), "2023-11");
		// then: 13 issues, 19 measures, 14 completed (73.68%) against 12, 17, 6 (35.29%)
		assertThat(changes(before)).containsExactly(1.0, 2.0, 8.0, 38.39);
		// and against the corrected October: 8 completed (47.06%)
		Path workbook = workbook(this.folder.resolve("out"), "2023-11");
		List<Map<String, Object>> summary = Sheets.table(workbook, "汇总");
		assertThat(changes(summary.get(0))).containsExactly(1.0, 2.0, 6.0, 26.62);
		assertThat(summary.get(1).get("单位编码")).isEqualTo("0101");
		assertThat(changes(summary.get(1))).containsExactly(1.0, 1.0, 3.0, 16.67);
		assertThat(changes(Sheets.table(workbook, "分级汇总").get(2))).containsExactly(1.0, 1.0, 1.0, 5.56);
		assertThat(Sheets.facts(workbook).get("较上期对比的报告期")).isEqualTo("2023-10");
		// and the page shows the roots as each run's workbook does
		assertThat(this.comparisons.roots(november.getId()).orElseThrow().units().get(0).completionRateChange())
			.hasToString("38.39");
		ComparedTotals root = this.comparisons.roots(againNovember.getId()).orElseThrow().units().get(0);
		assertThat(root.totals().code()).isEqualTo("01");
		assertThat(root.change(TallyColumn.COMPLETED)).isEqualTo(6);
		assertThat(root.completionRateChange()).hasToString("26.62");
		assertThat(this.comparisons.summary(againNovember.getId()).orElseThrow().units()).hasSize(3);
	}

	@Test
	void skipsPeriodsWithoutACompletedRunAndLooksNoFurtherThanTheGreatestEarlierOne() throws Exception {
		// given: September and October run, but not 2023-10-15; a unit added in November
		TallyInput input = new TallyInput(this.folder.resolve("input")).registry(UNITS)
			.tally("2023-09", "a.csv", HEADER, List.of("010101,东湖社区党支部,1,1,1,1"))
			.tally("2023-10", "a.csv", HEADER, OCTOBER)
			.tally("2023-10-15", "a.csv", HEADER, OCTOBER)
			.tally("2023-11", "a.csv", HEADER, NOVEMBER);
		run(input.folder(), this.folder.resolve("out"), "2023-10");
		run(input.folder(), this.folder.resolve("out"), "2023-09");
		TallyInput other = new TallyInput(this.folder.resolve("other")).registry(UNITS)
			.tally("2023-10-15", "a.csv", HEADER, NOVEMBER);
		run(other.folder(), this.folder.resolve("other-out"), "2023-10-15");
		List<String> units = new ArrayList<>(UNITS);
		units.add("010202,新成立党支部,0102,党支部,");
		input.registry(units);
		// when
		run(input.folder(), this.folder.resolve("out"), "2023-11");
		// then
		Path workbook = workbook(this.folder.resolve("out"), "2023-11");
		assertThat(Sheets.facts(workbook).get("较上期对比的报告期")).isEqualTo("2023-10");
		assertThat(changes(Sheets.table(workbook, "汇总").get(0))).containsExactly(1.0, 2.0, 8.0, 38.39);
		Map<String, Object> added = Sheets.table(workbook, "分级汇总")
			.stream()
			.filter((row) -> "010202".equals(row.get("单位编码")))
			.findFirst()
			.orElseThrow();
		assertThat(changes(added)).containsOnlyNulls();
	}

	@Test
	void comparesUnitByUnitWhenTheRegistryChangedBetweenThePeriods() throws Exception {
		// given, when
		JobExecution november = octoberThenNovemberWithABranchAdded();
		// then: 西关 3 → 4 measures and 1 → 4 completed (33.33% → 100%), in its own row and
		// its 区委's
		Path workbook = workbook(this.folder.resolve("out"), "2023-11");
		List<Map<String, Object>> summary = Sheets.table(workbook, "汇总");
		assertThat(summary).extracting((row) -> row.get("单位编码")).containsExactly("01", "0101", "0102");
		assertThat(changes(summary.get(2))).containsExactly(0.0, 1.0, 3.0, 66.67);
		List<Map<String, Object>> hierarchy = Sheets.table(workbook, "分级汇总");
		assertThat(hierarchy).extracting((row) -> row.get("单位编码"))
			.containsExactly("01", "0101", "010101", "010102", "010103", "0102", "010201");
		assertThat(changes(hierarchy.get(4))).containsOnlyNulls();
		assertThat(changes(hierarchy.get(6))).containsExactly(0.0, 1.0, 3.0, 66.67);
		assertThat(changes(hierarchy.get(0))).containsExactly(1.0, 2.0, 8.0, 38.39);
		ComparedTotals west = this.comparisons.summary(november.getId()).orElseThrow().units().get(2);
		assertThat(west.totals().code()).isEqualTo("0102");
		assertThat(west.change(TallyColumn.COMPLETED)).isEqualTo(3);
	}

	@Test
	void storedTotalsStayRightWhenTheCountColumnsChange() throws Exception {
		// given: October stored by a version whose count columns differed from today's:
		// members not yet a column (inserted since, in the middle), and a column since
		// removed between issuesFound and measures
		TallyInput input = new TallyInput(this.folder.resolve("input")).registry(UNITS)
			.tally("2023-10", "a.csv", HEADER, OCTOBER)
			.tally("2023-11", "a.csv", HEADER, NOVEMBER);
		JobExecution october = run(input.folder(), this.folder.resolve("out"), "2023-10");
		String[] then = storeUnderEarlierColumns(october.getJobInstanceId(), false);
		assertThat(this.jdbc.queryForObject("SELECT TOTALS_LAYOUT FROM TR_RUN WHERE INSTANCE_ID = ?", String.class,
				october.getJobInstanceId()))
			.isEqualTo(String.join(",", then));
		assertThat(this.jdbc.queryForObject("SELECT TOTALS FROM TR_TOTAL WHERE INSTANCE_ID = ? AND POS = 0",
				String.class, october.getJobInstanceId()))
			.startsWith("3,12,99,17,6,");
		// when
		run(input.folder(), this.folder.resolve("out"), "2023-11");
		// then: 13 issues, 19 measures, 14 completed (73.68%) against 12, 17, 6 (35.29%)
		Path workbook = workbook(this.folder.resolve("out"), "2023-11");
		assertThat(changes(Sheets.table(workbook, "汇总").get(0))).containsExactly(1.0, 2.0, 8.0, 38.39);
	}

	@Test
	void totalsStoredKeyedBeforeTheLayoutWasRecordedStillRead() throws Exception {
		// given: October's totals as V5 left them, each count under its key and no
		// layout, by a version with other count columns
		TallyInput input = new TallyInput(this.folder.resolve("input")).registry(UNITS)
			.tally("2023-10", "a.csv", HEADER, OCTOBER)
			.tally("2023-11", "a.csv", HEADER, NOVEMBER);
		JobExecution october = run(input.folder(), this.folder.resolve("out"), "2023-10");
		storeUnderEarlierColumns(october.getJobInstanceId(), true);
		assertThat(this.jdbc.queryForObject("SELECT TOTALS FROM TR_TOTAL WHERE INSTANCE_ID = ? AND POS = 0",
				String.class, october.getJobInstanceId()))
			.startsWith("branches=3,issuesFound=12,formerCount=99,measures=17,completed=6,");
		// when
		run(input.folder(), this.folder.resolve("out"), "2023-11");
		// then
		Path workbook = workbook(this.folder.resolve("out"), "2023-11");
		assertThat(changes(Sheets.table(workbook, "汇总").get(0))).containsExactly(1.0, 2.0, 8.0, 38.39);
	}

	/**
	 * Rewrites a run's stored totals as an earlier version with other count columns would
	 * have stored them: without members, and with formerCount (99) before measures.
	 * @param keyed as V5 left them (keyed, no layout), else by position under that layout
	 * @return that version's columns
	 */
	private String[] storeUnderEarlierColumns(long instance, boolean keyed) {
		String[] now = Counts.LAYOUT.split(",");
		List<String> earlier = new ArrayList<>(List.of(now));
		earlier.remove("members");
		earlier.add(earlier.indexOf("measures"), "formerCount");
		String[] then = earlier.toArray(String[]::new);
		this.jdbc.query("SELECT POS, TOTALS FROM TR_TOTAL WHERE INSTANCE_ID = ?", (java.sql.ResultSet rs) -> {
			long[] current = Counts.positional(now, now).decode(rs.getString(2));
			long[] values = new long[then.length];
			for (int i = 0; i < then.length; i++) {
				values[i] = then[i].equals("formerCount") ? 99 : current[List.of(now).indexOf(then[i])];
			}
			String text = keyed ? Counts.encode(values, then) : Counts.encodePositional(values);
			this.jdbc.update("UPDATE TR_TOTAL SET TOTALS = ? WHERE INSTANCE_ID = ? AND POS = ?", text, instance,
					rs.getInt(1));
		}, instance);
		this.jdbc.update("UPDATE TR_RUN SET TOTALS_LAYOUT = ? WHERE INSTANCE_ID = ?",
				keyed ? null : String.join(",", then), instance);
		return then;
	}

	/**
	 * Runs October with {@link #UNITS}, then November with a branch added under 0101,
	 * which moves 0102 and its branch one place down the hierarchy.
	 * @return November's run
	 */
	private JobExecution octoberThenNovemberWithABranchAdded() throws Exception {
		TallyInput input = new TallyInput(this.folder.resolve("input")).registry(UNITS)
			.tally("2023-10", "a.csv", HEADER, OCTOBER)
			.tally("2023-11", "a.csv", HEADER, NOVEMBER);
		run(input.folder(), this.folder.resolve("out"), "2023-10");
		List<String> units = new ArrayList<>(UNITS);
		units.add(4, "010103,新建社区党支部,0101,党支部,");
		input.registry(units);
		return run(input.folder(), this.folder.resolve("out"), "2023-11");
	}

	private static List<Object> changes(Map<String, Object> row) {
		return Arrays.asList(row.get("检视问题数较上期"), row.get("整改措施数较上期"), row.get("已完成整改数较上期"), row.get("整改完成率较上期（百分点）"));
	}

}
