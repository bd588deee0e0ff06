package org.tallyrollup.staging;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tallyrollup.tally.TallyColumn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Stored counts are read by their columns' keys, whatever columns were added since. */
class CountsTests {

	@Test
	void storesEveryCountUnderItsColumnsKey() {
		long[] counts = new long[TallyColumn.COUNTS.size()];
		counts[TallyColumn.ISSUES_FOUND.countIndex()] = 12;
		counts[TallyColumn.INSTITUTIONS.countIndex()] = 3;
		String text = Counts.encode(counts);
		assertThat(text).startsWith("branches=0,members=0,issuesFound=12,").endsWith(",institutions=3");
		assertThat(Counts.decode(text)).containsExactly(counts);
	}

	@Test
	void aColumnInsertedInTheMiddleReadsZeroAndTheOthersKeepTheirValues() {
		// given: counts stored before a column was inserted after issuesFound
		String[] before = { "branches", "issuesFound", "measures", "completed" };
		String stored = Counts.encode(new long[] { 3, 12, 17, 6 }, before);
		String[] after = { "branches", "issuesFound", "newCount", "measures", "completed" };
		// when
		long[] read = Counts.decode(stored, after);
		// then
		assertThat(read).containsExactly(3, 12, 0, 17, 6);
	}

	@Test
	void aRemovedOrMovedColumnIsPassedOver() {
		String stored = Counts.encode(new long[] { 3, 99, 12, 17 },
				new String[] { "branches", "gone", "issuesFound", "measures" });
		assertThat(Counts.decode(stored, new String[] { "measures", "branches", "issuesFound" })).containsExactly(17, 3,
				12);
	}

	@Test
	void theCurrentColumnsReadTheirOwnText() {
		List<String> keys = new ArrayList<>();
		for (TallyColumn column : TallyColumn.COUNTS) {
			keys.add(column.key());
		}
		assertThat(Counts.keys(TallyColumn.COUNTS)).containsExactlyElementsOf(keys);
		assertThat(Counts.decode("")).containsOnly(0);
		assertThatIllegalArgumentException().isThrownBy(() -> Counts.decode("3,4,2"));
	}

	@Test
	void rowsByPositionAreReadUnderTheLayoutTheRunRecorded() {
		// given: a run's rows written before a column was inserted after issuesFound and
		// institutions was removed
		String stored = "3,12,17,6,9";
		String[] then = { "branches", "issuesFound", "measures", "completed", "institutions" };
		String[] now = { "branches", "issuesFound", "newCount", "measures", "completed" };
		// when, then
		assertThat(Counts.positional(then, now).decode(stored)).containsExactly(3, 12, 0, 17, 6);
		assertThat(Counts.positional(now, now).decode("1,-2,0,4,5")).containsExactly(1, -2, 0, 4, 5);
		assertThat(Counts.positional(Counts.LAYOUT).decode(Counts.encodePositional(new long[] { 5, 4, 3 })))
			.startsWith(5, 4, 3, 0);
		assertThatIllegalArgumentException().isThrownBy(() -> Counts.positional(then, now).decode("1,2,3,4,5,6"));
	}

	@Test
	void aRunsDecoderReadsItsTotalsByPositionOrKeyedAsAnEarlierVersionStoredThem() {
		long[] counts = new long[TallyColumn.COUNTS.size()];
		counts[TallyColumn.ISSUES_FOUND.countIndex()] = 12;
		counts[TallyColumn.BRANCHES.countIndex()] = 3;
		assertThat(Counts.decoder(null).decode(Counts.encodePositional(counts))).containsExactly(counts);
		assertThat(Counts.decoder(Counts.LAYOUT).decode(Counts.encode(counts))).containsExactly(counts);
		long[] then = Counts.decoder("issuesFound,gone,branches").decode("12,99,3");
		assertThat(then).containsExactly(counts);
	}

}
