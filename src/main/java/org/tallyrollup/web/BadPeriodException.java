package org.tallyrollup.web;

/** A period label that is not letters, digits and {@code -}: answered with 400. */
class BadPeriodException extends RuntimeException {

	BadPeriodException(String period) {
		super("报告期“" + period + "”无效：只能由字母、数字和“-”组成");
	}

}
