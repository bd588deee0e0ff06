package org.tallyrollup.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * An input folder written file by file: the registry and the tallies of period folders,
 * as real files with real bytes.
 */
final class InputFolder {

	static final Charset GBK = Charset.forName("GB18030");

	private final Path root;

	InputFolder(Path root) {
		this.root = root;
		try {
			Files.createDirectories(root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path root() {
		return this.root;
	}

	Path resolve(String relative) {
		return this.root.resolve(relative);
	}

	/** units.csv in UTF-8, one line per argument. */
	InputFolder registry(String... lines) {
		text("units.csv", StandardCharsets.UTF_8, false, "\n", lines);
		return this;
	}

	/** A text file in an encoding, with or without a UTF-8 byte order mark. */
	Path text(String relative, Charset charset, boolean bom, String lineEnd, String... lines) {
		String text = String.join(lineEnd, lines) + lineEnd;
		byte[] body = text.getBytes(charset);
		byte[] bytes = body;
		if (bom) {
			bytes = new byte[body.length + 3];
			bytes[0] = (byte) 0xEF;
			bytes[1] = (byte) 0xBB;
			bytes[2] = (byte) 0xBF;
			System.arraycopy(body, 0, bytes, 3, body.length);
		}
		return bytes(relative, bytes);
	}

	/** A UTF-8 CSV file with LF line ends. */
	Path csv(String relative, String... lines) {
		return text(relative, StandardCharsets.UTF_8, false, "\n", lines);
	}

	Path bytes(String relative, byte[] bytes) {
		Path file = this.root.resolve(relative);
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	Path book(String relative, Book book) {
		return book.write(this.root.resolve(relative));
	}

	/** Sets a file's modification time. */
	Path modified(String relative, Instant time) {
		Path file = this.root.resolve(relative);
		try {
			Files.setLastModifiedTime(file, FileTime.from(time));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

}
