package org.tallyrollup.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC.md §2.4: a district's workbook in the city's period folder is read through its 明细
 * only, so running the districts and then the city over their workbooks gives what one
 * city run over every branch's file gives; a workbook of another period is refused.
 */
class ChainingTests extends JobTestSupport {

	static final List<String> CITY = List.of("01,中共江州市委,,市委,", "0101,中共城东区委,01,区委,是", "010101,东湖社区党支部,0101,党支部,",
			"010102,桂花社区党支部,0101,党支部,", "0102,中共城西区委,01,区委,", "010201,西关社区党支部,0102,党支部,", "010202,北街社区党支部,0102,党支部,",
			"010203,南街社区党支部,0102,党支部,");

	static final List<String> EAST = List.of("0101,中共城东区委,,区委,是", "010101,东湖社区党支部,0101,党支部,",
			"010102,桂花社区党支部,0101,党支部,");

	static final List<String> WEST = List.of("0102,中共城西区委,,区委,", "010201,西关社区党支部,0102,党支部,", "010202,北街社区党支部,0102,党支部,",
			"010203,南街社区党支部,0102,党支部,");

	static final List<String> EAST_ROWS = List.of("0101,中共城东区委,0,12,3,4,2,1,0,1,0,1,0,1,2",
			"010101,东湖社区党支部,1,32,5,7,4,1,1,2,0,1,0,1,0", "010102,桂花社区党支部,1,27,4,6,3,0,1,1,1,1,0,0,1");

	/** 南街 does not report: it must show as missing at every level. */
	static final List<String> WEST_ROWS = List.of("010201,西关社区党支部,1,35,6,8,5,1,1,1,1,1,1,2,1",
			"010202,北街社区党支部,1,19,2,2,2,0,0,1,0,1,0,0,0");

	@Test
	void chainedDistrictWorkbooksGiveWhatOneCityRunGives() throws Exception {
		// given: the branches' files, once in the city's folder and once in each
		// district's
		TallyInput all = new TallyInput(this.folder.resolve("all")).registry(CITY)
			.tally("2023-11", "城东区/城东.csv", EAST_ROWS)
			.tally("2023-11", "城西区/城西.csv", WEST_ROWS);
		TallyInput east = new TallyInput(this.folder.resolve("east")).registry(EAST)
			.tally("2023-11", "城东.csv", EAST_ROWS);
		TallyInput west = new TallyInput(this.folder.resolve("west")).registry(WEST)
			.tally("2023-11", "城西.csv", WEST_ROWS);
		// when
		run(all.folder(), this.folder.resolve("out-all"), "2023-11");
		run(east.folder(), this.folder.resolve("out-east"), "2023-11");
		run(west.folder(), this.folder.resolve("out-west"), "2023-11");
		TallyInput chained = new TallyInput(this.folder.resolve("chained")).registry(CITY)
			.copy(workbook(this.folder.resolve("out-east"), "2023-11"), "2023-11", "城东区/城东区汇总.xlsx")
			.copy(workbook(this.folder.resolve("out-west"), "2023-11"), "2023-11", "城西区/城西区汇总.xlsx");
		run(chained.folder(), this.folder.resolve("out-chained"), "2023-11");
		// then
		Path direct = workbook(this.folder.resolve("out-all"), "2023-11");
		Path viaDistricts = workbook(this.folder.resolve("out-chained"), "2023-11");
		assertThat(specColumns(Sheets.table(viaDistricts, "分级汇总"))).isEqualTo(specColumns(Sheets.table(direct, "分级汇总")))
			.hasSize(CITY.size());
		assertThat(specColumns(Sheets.table(viaDistricts, "汇总"))).isEqualTo(specColumns(Sheets.table(direct, "汇总")));
		assertThat(Sheets.table(viaDistricts, "未报送")).isEqualTo(Sheets.table(direct, "未报送"))
			.extracting((row) -> row.get("单位编码"))
			.containsExactly("010203");
		assertThat(Sheets.table(viaDistricts, "校验问题")).isEmpty();
		assertThat(Sheets.table(direct, "校验问题")).isEmpty();
		assertThat(Sheets.table(viaDistricts, "明细")).hasSize(5);
		Map<String, Object> root = Sheets.table(viaDistricts, "汇总").get(0);
		assertThat(root.get("检视问题数")).isEqualTo(20.0);
		assertThat(root.get("应报单位数")).isEqualTo(6.0);
		assertThat(root.get("已报单位数")).isEqualTo(5.0);
	}

	@Test
	void listsAChainedWorkbookWithItsPeriodAndRegistry() throws Exception {
		// given
		TallyInput east = new TallyInput(this.folder.resolve("east")).registry(EAST)
			.tally("2023-11", "城东.csv", EAST_ROWS);
		run(east.folder(), this.folder.resolve("out-east"), "2023-11");
		Path district = workbook(this.folder.resolve("out-east"), "2023-11");
		String districtRegistry = (String) Sheets.facts(district).get("单位名册SHA-256");
		TallyInput city = new TallyInput(this.folder.resolve("city")).registry(CITY)
			.copy(district, "2023-11", "城东区汇总.xlsx");
		// when
		run(city.folder(), this.folder.resolve("out-city"), "2023-11");
		// then: a registry other than the city's is normal for a district, and shown
		Path workbook = workbook(this.folder.resolve("out-city"), "2023-11");
		assertThat(Sheets.facts(workbook).get("单位名册SHA-256")).isNotEqualTo(districtRegistry);
		assertThat(Sheets.table(workbook, "校验问题")).isEmpty();
		assertThat(Sheets.inputFiles(workbook)).singleElement()
			.satisfies((file) -> assertThat((String) file.get("状态")).startsWith("已读取")
				.contains("汇总工作簿", "报告期 2023-11", districtRegistry));
		assertThat(Sheets.table(workbook, "明细")).hasSize(3);
	}

	@Test
	void refusesAChainedWorkbookOfAnotherPeriodAsAWholeFile() throws Exception {
		// given: October's district workbook left in November's folder
		TallyInput east = new TallyInput(this.folder.resolve("east")).registry(EAST)
			.tally("2023-10", "城东.csv", EAST_ROWS);
		run(east.folder(), this.folder.resolve("out-east"), "2023-10");
		TallyInput city = new TallyInput(this.folder.resolve("city")).registry(CITY)
			.copy(workbook(this.folder.resolve("out-east"), "2023-10"), "2023-11", "城东区汇总.xlsx")
			.tally("2023-11", "城西.csv", WEST_ROWS);
		// when
		run(city.folder(), this.folder.resolve("out-city"), "2023-11");
		// then
		Path workbook = workbook(this.folder.resolve("out-city"), "2023-11");
		assertThat(Sheets.table(workbook, "校验问题")).singleElement().satisfies((finding) -> {
			assertThat(finding.get("规则")).isEqualTo("F1");
			assertThat(finding.get("文件")).isEqualTo("城东区汇总.xlsx");
			assertThat((String) finding.get("说明")).contains("报告期为 2023-10", "2023-11", "整个文件未汇总");
		});
		assertThat(Sheets.table(workbook, "明细")).extracting((row) -> row.get("单位编码"))
			.containsExactly("010201", "010202");
		assertThat(Sheets.table(workbook, "未报送")).extracting((row) -> row.get("单位编码"))
			.contains("0101", "010101", "010102");
	}

	@Test
	void rejectsRowsOfUnitsTheCityRegistryLacks() throws Exception {
		// given: the district added a branch the city has not registered yet
		List<String> eastWithNewBranch = new ArrayList<>(EAST);
		eastWithNewBranch.add("010103,新成立党支部,0101,党支部,");
		List<String> rows = new ArrayList<>(EAST_ROWS);
		rows.add("010103,新成立党支部,1,9,1,1,1,0,0,0,0,0,1,0,0");
		TallyInput east = new TallyInput(this.folder.resolve("east")).registry(eastWithNewBranch)
			.tally("2023-11", "城东.csv", rows);
		run(east.folder(), this.folder.resolve("out-east"), "2023-11");
		TallyInput city = new TallyInput(this.folder.resolve("city")).registry(CITY)
			.copy(workbook(this.folder.resolve("out-east"), "2023-11"), "2023-11", "城东区汇总.xlsx");
		// when
		run(city.folder(), this.folder.resolve("out-city"), "2023-11");
		// then
		Path workbook = workbook(this.folder.resolve("out-city"), "2023-11");
		assertThat(Sheets.table(workbook, "校验问题")).singleElement().satisfies((finding) -> {
			assertThat(finding.get("规则")).isEqualTo("R2");
			assertThat(finding.get("单位编码")).isEqualTo("010103");
			assertThat(finding.get("工作表")).isEqualTo("明细");
		});
	}

	/** The columns SPEC.md §5 names (the comparison columns come after them). */
	private static List<List<Object>> specColumns(List<Map<String, Object>> rows) {
		return rows.stream().map((row) -> new ArrayList<>(row.values()).subList(0, specWidth(row))).toList();
	}

	private static int specWidth(Map<String, Object> row) {
		return List.copyOf(row.keySet()).indexOf("报送率") + 1;
	}

}
