package org.tallyrollup.tally;

import java.util.Comparator;

/**
 * Where an accepted row was submitted, in the terms that decide which of a unit's rows
 * wins (§3.3): the file modified last; on a tie the later relative path (as Java compares
 * strings); within one file the later sheet, then the row further down.
 */
public record Submission(long modifiedNanos, String path, int sheetIndex, int row) {

	/** Orders submissions from the one that loses to the one that wins. */
	public static final Comparator<Submission> PRECEDENCE = Comparator.comparingLong(Submission::modifiedNanos)
		.thenComparing(Submission::path)
		.thenComparingInt(Submission::sheetIndex)
		.thenComparingInt(Submission::row);

}
