package org.tallyrollup.web;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's settings ({@code tally.web.*}).
 *
 * @param users the users, by name, each with a hashed password and a role
 * @param downloadName the file name a downloaded workbook gets, {@code {period}} standing
 * for the period
 * @param asyncRuns whether runs started from the server go on in the background (the
 * request returns at once)
 * @param recentRuns how many runs the page lists
 */
@ConfigurationProperties("tally.web")
public record WebProperties(@DefaultValue Map<String, Account> users,
		@DefaultValue("主题教育进展汇总_{period}.xlsx") String downloadName, @DefaultValue("true") boolean asyncRuns,
		@DefaultValue("50") int recentRuns) {

	/**
	 * A user from configuration.
	 *
	 * @param password the password's hash, e.g. {@code {bcrypt}$2a$10$…}
	 * @param role what the user may do
	 */
	public record Account(String password, @DefaultValue("VIEWER") Role role) {
	}

	/**
	 * ADMIN starts, stops and restarts runs; VIEWER sees runs and downloads workbooks.
	 */
	public enum Role {

		ADMIN, VIEWER

	}

}
