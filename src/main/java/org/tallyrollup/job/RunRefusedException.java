package org.tallyrollup.job;

/**
 * A run that cannot be started as asked: bad period label, missing input, unwritable
 * output, or the same period already running.
 */
public class RunRefusedException extends RuntimeException {

	private final Reason reason;

	public RunRefusedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** Why a run was refused. */
	public enum Reason {

		BAD_PERIOD, NO_INPUT, OUTPUT_NOT_WRITABLE, ALREADY_RUNNING

	}

}
