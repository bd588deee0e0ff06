package org.tallyrollup.workbook;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Work done on a thread of its own beside the caller's: {@link #join()} waits for it and
 * throws what it threw; {@link #stop()} asks it to stop (it looks at the flag it is
 * given) and waits for it, for when the caller has failed.
 */
final class Alongside {

	private final Thread thread;

	private volatile boolean stopped;

	private volatile Throwable failure;

	private Alongside(String name, Consumer<BooleanSupplier> work) {
		this.thread = new Thread(() -> {
			try {
				work.accept(() -> this.stopped);
			}
			catch (Throwable ex) {
				this.failure = ex;
			}
		}, name);
		this.thread.setDaemon(true);
	}

	/**
	 * @param work given a flag that turns true when the work should stop
	 */
	static Alongside start(String name, Consumer<BooleanSupplier> work) {
		Alongside alongside = new Alongside(name, work);
		alongside.thread.start();
		return alongside;
	}

	/** Waits for the work; throws what it threw. */
	void join() {
		waitForThread();
		Throwable thrown = this.failure;
		if (thrown instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (thrown instanceof Error error) {
			throw error;
		}
		if (thrown != null) {
			throw new IllegalStateException(thrown);
		}
	}

	/** Asks the work to stop and waits for it; what it threw is dropped. */
	void stop() {
		this.stopped = true;
		waitForThread();
	}

	private void waitForThread() {
		boolean interrupted = false;
		while (true) {
			try {
				this.thread.join();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
