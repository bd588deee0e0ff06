package org.tallyrollup.run;

/**
 * A run that cannot be started, stopped or restarted as asked: bad period label, missing
 * input, unwritable output, another run of the period going, a run in the wrong state.
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

		BAD_PERIOD, NO_INPUT, OUTPUT_NOT_WRITABLE,

		/** Another run of the period is going. */
		ALREADY_RUNNING,

		/** The run was stopped and its thread has not finished yet. */
		STILL_STOPPING,

		/** Only a failed or stopped run can be restarted. */
		NOT_RESTARTABLE,

		/** Only a running run can be stopped. */
		NOT_RUNNING

	}

}
