package org.tallyrollup.cli;

/** A command of the command line, with what was given to it. */
interface CliCommand {

	/**
	 * @throws Invocation.UsageException if an option it does not know is not a Spring
	 * property
	 */
	Invocation invocation();

}
