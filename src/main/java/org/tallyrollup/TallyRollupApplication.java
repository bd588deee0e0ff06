package org.tallyrollup;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import org.tallyrollup.cli.Cli;

/**
 * The application, and its command line ({@link Cli}): {@code run} rolls one period up
 * and exits; {@code template} writes a blank 填报模板; {@code serve} starts the server;
 * {@code hash-password} hashes a password for the configuration.
 */
@SpringBootApplication
public class TallyRollupApplication {

	public static void main(String[] args) {
		// the one place the process exits: with the command's status (0, 1, or 2 for a
		// command line not understood)
		System.exit(Cli.execute(TallyRollupApplication.class, args));
	}

}
