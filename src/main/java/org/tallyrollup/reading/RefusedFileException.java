package org.tallyrollup.reading;

/**
 * A readable file that must not be merged into the run, with the reason (F1): for example
 * a consolidated workbook of another period.
 */
public class RefusedFileException extends RuntimeException {

	public RefusedFileException(String message) {
		super(message);
	}

}
