package org.tallyrollup.sheet;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A {@link File} for a {@link Path}, for libraries that only open files by name. A path
 * that a {@code File} cannot name (a file name whose bytes are not valid in the
 * platform's encoding, or a path on another file system) is copied to a temporary file,
 * deleted on {@link #close()}.
 */
final class LocalFile implements AutoCloseable {

	private final File file;

	private final Path temporary;

	private LocalFile(File file, Path temporary) {
		this.file = file;
		this.temporary = temporary;
	}

	static LocalFile of(Path path, String suffix) throws IOException {
		try {
			File file = path.toFile();
			if (file.toPath().equals(path) && file.isFile()) {
				return new LocalFile(file, null);
			}
		}
		catch (UnsupportedOperationException ex) {
			// not on the default file system: copied below
		}
		Path temporary = Files.createTempFile("tally-", suffix);
		try {
			Files.copy(path, temporary, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(temporary);
			throw ex;
		}
		return new LocalFile(temporary.toFile(), temporary);
	}

	/** A temporary file of this program's, deleted on {@link #close()}. */
	static LocalFile temporary(Path temporary) {
		return new LocalFile(temporary.toFile(), temporary);
	}

	File file() {
		return this.file;
	}

	@Override
	public void close() {
		if (this.temporary != null) {
			try {
				Files.deleteIfExists(this.temporary);
			}
			catch (IOException ex) {
				this.temporary.toFile().deleteOnExit();
			}
		}
	}

}
