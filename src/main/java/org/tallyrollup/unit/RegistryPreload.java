package org.tallyrollup.unit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.tallyrollup.unit.RegistryLoader.LoadedRegistry;

/**
 * The unit registry of an input folder, read on a thread of its own while the application
 * starts (about 0.3 s of a province's run, which the start, busy on one core, would
 * otherwise have waited for). A run takes it ({@link #take}) only when it reads the
 * registry from the same folder and the file is as it was when the preload began: the
 * same file, size and modification time, the same as a resumed run's fingerprint
 * compares. Otherwise, or when the preload failed, the run reads the registry itself, and
 * reports whatever is wrong with it as it always does.
 */
public final class RegistryPreload {

	private final Path inputDir;

	private volatile CompletableFuture<Loaded> loading;

	private boolean taken;

	private RegistryPreload(Path inputDir) {
		this.inputDir = normalise(inputDir);
		this.loading = CompletableFuture.supplyAsync(() -> load(this.inputDir), (work) -> {
			Thread thread = new Thread(work, "registry-preload");
			thread.setDaemon(true);
			thread.start();
		});
	}

	/** Begins reading the registry of {@code inputDir}. */
	public static RegistryPreload start(Path inputDir) {
		return new RegistryPreload(inputDir);
	}

	/**
	 * The registry read in advance, once: when it was read from {@code inputDir} and its
	 * file has not changed since.
	 */
	public synchronized Optional<LoadedRegistry> take(Path inputDir) {
		if (this.taken || !this.inputDir.equals(normalise(inputDir))) {
			return Optional.empty();
		}
		this.taken = true;
		Loaded loaded;
		try {
			loaded = this.loading.get();
			// the run keeps the registry as long as it needs it; this does not
			this.loading = CompletableFuture.completedFuture(null);
		}
		catch (ExecutionException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		return Optional.ofNullable(loaded)
			.filter((before) -> before.file().equals(registryFile(this.inputDir).orElse(null)))
			.filter((before) -> before.stamp().equals(stamp(before.file()).orElse(null)))
			.map(Loaded::registry);
	}

	/** Waits until the reading in advance is over, however it ended. */
	void awaitRead() {
		this.loading.exceptionally((failure) -> null).join();
	}

	/** Reads the registry; {@code null} when it cannot be read as it is now. */
	private static Loaded load(Path inputDir) {
		Optional<Path> file = registryFile(inputDir);
		Optional<Stamp> stamp = file.flatMap(RegistryPreload::stamp);
		if (stamp.isEmpty()) {
			return null;
		}
		// failures are left to the run's own reading, which reports them
		return new Loaded(file.get(), stamp.get(), RegistryLoader.load(inputDir));
	}

	/** The registry file, when there is exactly one (the loader refuses two). */
	private static Optional<Path> registryFile(Path inputDir) {
		List<Path> found = RegistryLoader.FILE_NAMES.stream()
			.map(inputDir::resolve)
			.filter(Files::isRegularFile)
			.toList();
		return (found.size() == 1) ? Optional.of(found.get(0)) : Optional.empty();
	}

	private static Optional<Stamp> stamp(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return Optional.of(new Stamp(attributes.size(), attributes.lastModifiedTime()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static Path normalise(Path path) {
		return path.toAbsolutePath().normalize();
	}

	private record Stamp(long size, FileTime modified) {
	}

	private record Loaded(Path file, Stamp stamp, LoadedRegistry registry) {
	}

}
