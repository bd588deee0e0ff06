package org.tallyrollup.tally;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionTests {

	@Test
	void fileModifiedLastWinsThenLaterPathThenLaterSheetThenLowerRow() {
		Submission old = new Submission(100, "z.xlsx", 5, 90);
		Submission newer = new Submission(200, "a.xlsx", 0, 3);
		Submission samePathLaterSheet = new Submission(200, "a.xlsx", 1, 2);
		Submission laterPath = new Submission(200, "b/a.xlsx", 0, 1);
		Submission lowerRow = new Submission(200, "b/a.xlsx", 0, 7);
		assertThat(List.of(lowerRow, old, laterPath, newer, samePathLaterSheet)
			.stream()
			.sorted(Submission.PRECEDENCE)
			.toList()).containsExactly(old, newer, samePathLaterSheet, laterPath, lowerRow);
	}

	@Test
	void pathsCompareAsJavaComparesStrings() {
		// upper case sorts before lower case, and ASCII before Chinese
		Submission upper = new Submission(1, "B.csv", 0, 1);
		Submission lower = new Submission(1, "a.csv", 0, 1);
		Submission chinese = new Submission(1, "城东.csv", 0, 1);
		assertThat(List.of(chinese, lower, upper).stream().sorted(Submission.PRECEDENCE).toList())
			.containsExactly(upper, lower, chinese);
	}

}
