package org.tallyrollup.schedule;

import java.time.ZonedDateTime;

/**
 * What the last scheduled run did.
 *
 * @param at when it was due
 * @param period the period it chose, {@code null} if none
 * @param runId the run it started, or the completed run it found unchanged
 * @param kind what happened
 * @param message the same in Chinese, for the page and the log
 */
public record NightlyOutcome(ZonedDateTime at, String period, Long runId, Kind kind, String message) {

	/** What a scheduled run may do. */
	public enum Kind {

		/** A run was started. */
		STARTED,

		/** The input has not changed since the last completed run. */
		UNCHANGED,

		/** A run of the period was already going. */
		BUSY,

		/** No run could be started. */
		FAILED

	}

}
