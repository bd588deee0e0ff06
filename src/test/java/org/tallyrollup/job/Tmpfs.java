package org.tallyrollup.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for a test, to fill a disk or make it read-only for real. Needs
 * root (or CAP_SYS_ADMIN); {@link #mount} answers {@code null} where it cannot be done.
 */
final class Tmpfs implements AutoCloseable {

	private final Path folder;

	private Tmpfs(Path folder) {
		this.folder = folder;
	}

	static Tmpfs mount(Path folder, String size) throws IOException, InterruptedException {
		Files.createDirectories(folder);
		return run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString()) ? new Tmpfs(folder) : null;
	}

	void readOnly(boolean readOnly) throws IOException, InterruptedException {
		if (!run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), this.folder.toString())) {
			throw new IOException("cannot remount " + this.folder);
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		run("umount", "-l", this.folder.toString());
	}

	private static boolean run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
	}

}
