package org.tallyrollup.testhooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Named points of a run where a test may stop the process, so that it can be killed
 * (SIGKILL) or disturbed at a known place and then run again. The job is told nothing of
 * them: {@link PausePointHooks}, found by component scanning only where the test classes
 * are (the tests' own JVM and the child JVMs they start), reaches them from listeners and
 * decorators the job offers. Inert unless the system property {@value #PAUSE_AT} is set,
 * e.g. {@code -Dtally.test.pause-at=read-file:3}: the third time the point
 * {@code read-file} is reached, the thread prints {@code PAUSED read-file:3} on standard
 * error and waits until the file named by {@value #RESUME_FILE} exists (forever when
 * there is none).
 *
 * <p>
 * Points: {@code read-file} (a read worker opens a tally file), {@code chunk} (a chunk of
 * items is staged, not yet committed), {@code rollup} (the totals are stored, not yet
 * committed), {@code write} (a block of the workbook's temporary file is written),
 * {@code moved} (the workbook is in place, its step not yet committed).
 */
public final class PausePoints {

	static final String PAUSE_AT = "tally.test.pause-at";

	static final String RESUME_FILE = "tally.test.resume-file";

	private static final String POINT;

	private static final long COUNT;

	private static final AtomicLong reached = new AtomicLong();

	private static volatile Action action;

	static {
		String spec = System.getProperty(PAUSE_AT, "");
		int colon = spec.indexOf(':');
		POINT = (colon < 0) ? spec : spec.substring(0, colon);
		COUNT = (colon < 0) ? 1 : Long.parseLong(spec.substring(colon + 1));
	}

	private PausePoints() {
	}

	/**
	 * For a test running the job in its own JVM: does {@code task} in the thread that
	 * reaches {@code point} the {@code count}-th time, instead of pausing.
	 */
	public static void onReaching(String point, long count, Runnable task) {
		action = new Action(point, count, task, new AtomicLong());
	}

	/** Forgets the task set by {@link #onReaching}. */
	public static void clear() {
		action = null;
	}

	/** Notes that the point was reached; pauses there if a test asked for it. */
	public static void reached(String point) {
		Action pending = action;
		if (pending != null && pending.point().equals(point)
				&& pending.reached().incrementAndGet() == pending.count()) {
			pending.task().run();
		}
		if (POINT.isEmpty() || !POINT.equals(point) || reached.incrementAndGet() != COUNT) {
			return;
		}
		System.err.println("PAUSED " + point + ":" + COUNT);
		System.err.flush();
		String resume = System.getProperty(RESUME_FILE);
		try {
			while (resume == null || !Files.exists(Path.of(resume))) {
				Thread.sleep(20);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Action(String point, long count, Runnable task, AtomicLong reached) {
	}

}
