package org.tallyrollup.rollup;

import org.junit.jupiter.api.Test;

import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.unit.Registries;
import org.tallyrollup.unit.UnitRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class RollupTests {

	private static final int ISSUES = TallyColumn.ISSUES_FOUND.countIndex();

	private static final int MEASURES = TallyColumn.MEASURES.countIndex();

	private static final int COMPLETED = TallyColumn.COMPLETED.countIndex();

	@Test
	void totalIsOwnPlusChildrenAtEveryDepth() {
		// given: a city reporting its own row, a district, two branches (one silent), a
		// second root
		UnitRegistry registry = Registries.of("01,市委,,true", "0101,区,01", "010101,支部A,0101", "010102,支部B,0101",
				"02,工委,", "0201,局,02");
		Rollup rollup = new Rollup(registry);
		rollup.add(registry.indexOf("01"), counts(1, 2, 1));
		rollup.add(registry.indexOf("010101"), counts(10, 20, 5));
		rollup.add(registry.indexOf("0201"), counts(3, 0, 0));
		// when
		rollup.compute();
		UnitTotals city = rollup.totals(registry.indexOf("01"));
		UnitTotals district = rollup.totals(registry.indexOf("0101"));
		UnitTotals other = rollup.totals(registry.indexOf("02"));
		// then
		assertThat(city.totals()[ISSUES]).isEqualTo(11);
		assertThat(city.totals()[MEASURES]).isEqualTo(22);
		assertThat(city.totals()[COMPLETED]).isEqualTo(6);
		assertThat(city.expected()).isEqualTo(3);
		assertThat(city.reported()).isEqualTo(2);
		assertThat(city.reportingRate()).isEqualTo(2.0 / 3);
		assertThat(city.completionRate(COMPLETED, MEASURES)).isEqualTo(6.0 / 22);
		assertThat(district.totals()[ISSUES]).isEqualTo(10);
		assertThat(district.expected()).isEqualTo(2);
		assertThat(district.reported()).isEqualTo(1);
		assertThat(district.level()).isEqualTo(2);
		assertThat(district.parentCode()).isEqualTo("01");
		assertThat(other.completionRate(COMPLETED, MEASURES)).isNull();
		assertThat(other.totals()[ISSUES]).isEqualTo(3);
	}

	@Test
	void sumOfRootsEqualsSumOfAcceptedRows() {
		UnitRegistry registry = Registries.of("01,a,", "0101,b,01", "010101,c,0101", "02,d,");
		Rollup rollup = new Rollup(registry);
		rollup.add(registry.indexOf("0101"), counts(4, 4, 4));
		rollup.add(registry.indexOf("010101"), counts(5, 6, 7));
		rollup.add(registry.indexOf("02"), counts(1, 1, 1));
		rollup.compute();
		long roots = rollup.totals(registry.indexOf("01")).totals()[ISSUES]
				+ rollup.totals(registry.indexOf("02")).totals()[ISSUES];
		assertThat(roots).isEqualTo(4 + 5 + 1);
	}

	@Test
	void unitNeedNotReportButItsRowStillCounts() {
		UnitRegistry registry = Registries.of("01,a,", "0101,b,01,false");
		Rollup rollup = new Rollup(registry);
		rollup.add(registry.indexOf("0101"), counts(2, 2, 2));
		rollup.compute();
		UnitTotals root = rollup.totals(registry.indexOf("01"));
		assertThat(root.totals()[ISSUES]).isEqualTo(2);
		assertThat(root.expected()).isZero();
		assertThat(root.reportingRate()).isNull();
	}

	@Test
	void aRowTakenBackLeavesTheUnitWithTheRowThatReplacedIt() {
		// given: a branch with two rows, the first replaced by the second
		UnitRegistry registry = Registries.of("01,a,", "0101,b,01", "0102,c,01");
		Rollup rollup = new Rollup(registry);
		rollup.add(registry.indexOf("0101"), counts(10, 10, 10));
		rollup.add(registry.indexOf("0101"), counts(3, 4, 1));
		rollup.add(registry.indexOf("0102"), counts(1, 1, 1));
		// when
		rollup.takeBack(registry.indexOf("0101"), counts(10, 10, 10));
		rollup.compute();
		// then: it still reported, with the second row's figures only
		UnitTotals branch = rollup.totals(registry.indexOf("0101"));
		assertThat(branch.totals()[ISSUES]).isEqualTo(3);
		assertThat(branch.totals()[MEASURES]).isEqualTo(4);
		assertThat(branch.reported()).isEqualTo(1);
		assertThat(rollup.totals(registry.indexOf("01")).totals()[COMPLETED]).isEqualTo(2);
		assertThat(rollup.totals(registry.indexOf("01")).reported()).isEqualTo(2);
	}

	private static long[] counts(long issues, long measures, long completed) {
		long[] counts = new long[TallyColumn.COUNTS.size()];
		counts[ISSUES] = issues;
		counts[MEASURES] = measures;
		counts[COMPLETED] = completed;
		return counts;
	}

}
