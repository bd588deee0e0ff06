package org.tallyrollup.sheet;

/**
 * A file cannot be read as the spreadsheet its name says it is: corrupt, truncated,
 * encrypted, or of another type. It carries the {@link Reason} as a code, and its message
 * is that reason as a clerk reads it, in Chinese, without the file name (the caller adds
 * it).
 */
public class UnreadableFileException extends RuntimeException {

	private final Reason reason;

	UnreadableFileException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	UnreadableFileException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/** Why the file cannot be read. */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why a file cannot be read; the Chinese text says it with the details of the case.
	 */
	public enum Reason {

		/** The file has no bytes. */
		EMPTY,

		/** The path is gone, is a folder or cannot be opened for want of permission. */
		NOT_ACCESSIBLE,

		/** An extension this program does not read. */
		UNSUPPORTED_TYPE,

		/** The content is of another type than the extension says. */
		WRONG_TYPE,

		/** A .csv whose bytes are not text. */
		NOT_TEXT,

		/** A password is needed to open it. */
		ENCRYPTED,

		/** Excel 95 or older. */
		OLD_EXCEL,

		/**
		 * Damaged or incomplete: a broken ZIP, a part missing, XML or records that do not
		 * parse.
		 */
		DAMAGED,

		/** A part inflates past POI's limits. */
		ZIP_BOMB,

		/** A row, cell or other text past the limit. */
		TOO_LONG,

		/** More cells or strings than a tally may take in memory. */
		TOO_BIG,

		/** XML no spreadsheet program writes: a DTD, entities, nesting too deep. */
		HOSTILE_XML

	}

}
