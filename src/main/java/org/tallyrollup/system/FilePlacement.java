package org.tallyrollup.system;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Puts a file into place only when it is complete: it is written beside its target under
 * a hidden temporary name and then moved, so a reader never sees half a file.
 */
public final class FilePlacement {

	private FilePlacement() {
	}

	/** A hidden temporary file beside the target, not yet created. */
	public static Path temporaryFor(Path target) {
		return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
	}

	/** Moves a complete temporary file to its target, replacing what was there. */
	public static void moveIntoPlace(Path temporary, Path target) throws IOException {
		try {
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** Copies a file to its target by way of a temporary file beside it. */
	public static void copyIntoPlace(Path source, Path target) throws IOException {
		Path temporary = temporaryFor(target);
		try {
			Files.copy(source, temporary);
			moveIntoPlace(temporary, target);
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(temporary, ex);
			throw ex;
		}
	}

	/** Deletes a temporary file after a failure, keeping the failure as the cause. */
	public static void deleteQuietly(Path temporary, Throwable failure) {
		try {
			Files.deleteIfExists(temporary);
		}
		catch (IOException ex) {
			failure.addSuppressed(ex);
		}
	}

}
