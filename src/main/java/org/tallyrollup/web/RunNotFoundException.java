package org.tallyrollup.web;

/** No run, period or workbook by that name: answered with 404. */
class RunNotFoundException extends RuntimeException {

	RunNotFoundException(String message) {
		super(message);
	}

}
