package org.tallyrollup.narrative;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.tallyrollup.rollup.ComparedTotals;
import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.tally.TallyColumn;

import static org.assertj.core.api.Assertions.assertThat;

class NarrativeTests {

	@Test
	void writesEveryClauseWhoseFigureTheRunHas() {
		// given
		long[] totals = counts(3456, 5678, 2345);
		set(totals, TallyColumn.CAT_CENTRAL, 1000);
		set(totals, TallyColumn.CAT_PEOPLE, 2456);
		set(totals, TallyColumn.RESEARCH_TOPICS, 321);
		set(totals, TallyColumn.INSTITUTIONS, 45);
		UnitTotals unit = new UnitTotals("01", "中共江州市委", 1, null, totals, 1234, 1200);
		long[] previous = counts(3000, 5000, 1805);
		// when
		String text = Narrative
			.compose(new NarrativeFigures("2023-11", new ComparedTotals(unit, previous), List.of("甲党支部", "乙党支部")));
		// then: 2345/5678 = 41.30%, 1805/5000 = 36.10%
		assertThat(text).isEqualTo(
				"截至2023-11，中共江州市委应报送单位1,234个，已报送1,200个，报送率97.24%。" + "共检视问题3,456个，其中党中央关心关注的问题1,000个、人民群众急难愁盼的问题2,456个；"
						+ "制定整改措施5,678条，已完成整改2,345条，整改完成率41.30%，较上期提高5.2个百分点。" + "共确定调研课题321个，建章立制45项。"
						+ "未报送单位：甲党支部、乙党支部等34个单位。");
	}

	@Test
	void leavesOutWhatTheRunDoesNotHave() {
		// given: no unit must report, no category, no measures, nothing researched, no
		// previous period
		UnitTotals unit = new UnitTotals("09", "某临时党委", 1, null, counts(0, 0, 0), 0, 0);
		// when
		String text = Narrative.compose(new NarrativeFigures("2023-W45", new ComparedTotals(unit, null), List.of()));
		// then
		assertThat(text).isEqualTo("截至2023-W45，某临时党委共检视问题0个；制定整改措施0条，已完成整改0条。");
	}

	@Nested
	class ChangeOfTheRate {

		@Test
		void saysADrop() {
			assertThat(text(counts(10, 10, 4), counts(10, 10, 5))).contains("整改完成率40.00%，较上期下降10个百分点。");
		}

		@Test
		void saysNoChange() {
			assertThat(text(counts(10, 10, 5), counts(8, 8, 4))).contains("整改完成率50.00%，与上期持平。");
		}

		@Test
		void saysNothingWhereThePreviousPeriodHadNoMeasures() {
			assertThat(text(counts(10, 10, 5), counts(3, 0, 0))).contains("整改完成率50.00%。");
		}

		@Test
		void takesTheChangeBetweenTheRatesAsShown() {
			// 2/3 = 66.67% and 1/3 = 33.33%: 33.34 points, not 33.33
			assertThat(text(counts(3, 3, 2), counts(3, 3, 1))).contains("较上期提高33.34个百分点");
		}

		private String text(long[] now, long[] then) {
			UnitTotals unit = new UnitTotals("01", "某单位", 1, null, now, 0, 0);
			return Narrative.compose(new NarrativeFigures("2023-11", new ComparedTotals(unit, then), List.of()));
		}

	}

	@Test
	void namesTenMissingUnitsAndCountsTheRest() {
		// given
		List<String> names = IntStream.rangeClosed(1, 10).mapToObj((i) -> "支部" + i).toList();
		UnitTotals unit = new UnitTotals("0101", "中共城东区委", 2, "01", counts(1, 1, 1), 30, 19);
		// when
		String text = Narrative.compose(new NarrativeFigures("2023-11", new ComparedTotals(unit, null), names));
		// then
		assertThat(text).endsWith("未报送单位：支部1、支部2、支部3、支部4、支部5、支部6、支部7、支部8、支部9、支部10等11个单位。");
	}

	@Test
	void listsEveryMissingUnitWhenThereAreTenOrFewer() {
		// given
		UnitTotals unit = new UnitTotals("0101", "中共城东区委", 2, "01", counts(1, 1, 1), 3, 1);
		// when
		UnitNarrative narrative = Narrative
			.of(new NarrativeFigures("2023-11", new ComparedTotals(unit, null), List.of("甲", "乙")));
		// then
		assertThat(narrative.text()).endsWith("未报送单位：甲、乙。");
		assertThat(narrative.code()).isEqualTo("0101");
		assertThat(narrative.level()).isEqualTo(2);
	}

	static long[] counts(long issues, long measures, long completed) {
		long[] counts = new long[TallyColumn.COUNTS.size()];
		set(counts, TallyColumn.ISSUES_FOUND, issues);
		set(counts, TallyColumn.MEASURES, measures);
		set(counts, TallyColumn.COMPLETED, completed);
		return counts;
	}

	static void set(long[] counts, TallyColumn column, long value) {
		counts[column.countIndex()] = value;
	}

}
