package org.tallyrollup.sheet;

/**
 * A file cannot be read as the spreadsheet its name says it is: corrupt, truncated,
 * encrypted, or of another type. The message is the reason as a clerk reads it, in
 * Chinese, without the file name (the caller adds it).
 */
public class UnreadableFileException extends RuntimeException {

	public UnreadableFileException(String reason) {
		super(reason);
	}

	public UnreadableFileException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
