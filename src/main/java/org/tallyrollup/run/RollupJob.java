package org.tallyrollup.run;

/**
 * The names the roll-up job is known by in the job repository: its own, its read step's
 * workers, and the keys its readers leave in their step execution contexts, from which a
 * run's progress is reported while it goes. The job (package {@code job}) is built with
 * them; this package reads runs by them.
 */
public final class RollupJob {

	public static final String NAME = "rollupJob";

	/** The workers of the read step, one a stripe of the files. */
	public static final String READ_WORKER = "readTalliesWorker";

	/** A worker's stripe: the files whose number modulo {@link #PARTITIONS} it is. */
	public static final String PARTITION = "partition";

	public static final String PARTITIONS = "partitions";

	/** How many files a worker has to read, once it has listed them. */
	public static final String FILES_TOTAL = "files.total";

	/** The file a worker is at. */
	public static final String FILE_INDEX = "file.index";

	private RollupJob() {
	}

	/** The name of a worker's stripe, as its step execution is named after it. */
	public static String stripeName(int i) {
		return "stripe" + i;
	}

}
