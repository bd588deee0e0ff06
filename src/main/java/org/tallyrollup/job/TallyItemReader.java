package org.tallyrollup.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import org.tallyrollup.reading.FileItems;
import org.tallyrollup.reading.TallyItem;
import org.tallyrollup.tally.TallyFiles;
import org.tallyrollup.run.RollupJob;

/**
 * Reads the files of a period folder, in relative-path order, as {@link TallyItem}s:
 * every file, or one stripe of them (files {@code partition}, {@code partition + n},
 * {@code partition + 2n}…) when the reading is shared among {@code n} workers. File
 * numbers are positions in the whole folder's list, so workers never collide.
 * <p>
 * Spring Batch counts the items read and saves the count with every chunk. Beside it the
 * reader saves where that count ended: the file, and how many of its items were passed
 * on. A restart reopens that file and continues after the last item stored, rather than
 * reading again every file before it to count items off, as the default
 * {@link #jumpToItem} would (a restart near the end of a province's folder would read it
 * twice).
 */
class TallyItemReader extends AbstractItemCountingItemStreamItemReader<TallyItem> {

	static final String FILES_TOTAL = RollupJob.FILES_TOTAL;

	static final String FILE_INDEX = RollupJob.FILE_INDEX;

	private static final String FILE_EMITTED = "file.emitted";

	private static final Logger logger = LoggerFactory.getLogger(TallyItemReader.class);

	private static final long PROGRESS_INTERVAL_NANOS = 5_000_000_000L;

	private final Path periodDir;

	private final String period;

	private final int partition;

	private final int partitions;

	private long lastProgress = System.nanoTime();

	private List<TallyFiles.Entry> files;

	private int fileIndex;

	private int emitted;

	private FileItems current;

	private final List<TallyFileListener> listeners;

	TallyItemReader(Path periodDir, String period, int partition, int partitions, List<TallyFileListener> listeners) {
		this.listeners = List.copyOf(listeners);
		this.periodDir = periodDir;
		this.period = period;
		this.partition = partition;
		this.partitions = partitions;
		setName("tallyItemReader");
	}

	@Override
	public void open(ExecutionContext context) {
		this.fileIndex = context.getInt(FILE_INDEX, this.partition);
		int resumeAfter = context.getInt(FILE_EMITTED, 0);
		super.open(context);
		if (resumeAfter > 0 && this.fileIndex < this.files.size()) {
			this.current = new FileItems(this.fileIndex, this.files.get(this.fileIndex), this.period);
			for (int i = 0; i < resumeAfter && this.current.hasNext(); i++) {
				this.current.next();
			}
			this.emitted = resumeAfter;
		}
	}

	@Override
	protected void doOpen() {
		try {
			this.files = TallyFiles.list(this.periodDir);
		}
		catch (RuntimeException ex) {
			throw gone(ex);
		}
	}

	/**
	 * Nothing to count off: {@link #open} goes straight to where the restarted execution
	 * stopped, the file it was reading, after the items of it already stored (also for an
	 * execution saved before the count was).
	 */
	@Override
	protected void jumpToItem(int itemCount) {
	}

	@Override
	protected TallyItem doRead() {
		try {
			return readItem();
		}
		catch (RuntimeException ex) {
			throw gone(ex);
		}
	}

	/**
	 * A failure as it is, or, when the period folder is gone, that: the other workers may
	 * meet it first as a missing file.
	 */
	private RuntimeException gone(RuntimeException failure) {
		if (!(failure instanceof InputFolderGoneException) && !Files.isDirectory(this.periodDir)) {
			InputFolderGoneException gone = new InputFolderGoneException(this.periodDir);
			gone.addSuppressed(failure);
			return gone;
		}
		return failure;
	}

	private TallyItem readItem() {
		while (this.fileIndex < this.files.size()) {
			if (this.current == null) {
				for (TallyFileListener listener : this.listeners) {
					listener.opening(this.fileIndex);
				}
				this.current = new FileItems(this.fileIndex, this.files.get(this.fileIndex), this.period);
				this.emitted = 0;
				progress();
			}
			if (this.current.hasNext()) {
				TallyItem item = this.current.next();
				if (item instanceof TallyItem.FileFailed && !Files.isDirectory(this.periodDir)) {
					throw new InputFolderGoneException(this.periodDir);
				}
				this.emitted++;
				return item;
			}
			this.current.close();
			this.current = null;
			this.emitted = 0;
			this.fileIndex += this.partitions;
		}
		return null;
	}

	private void progress() {
		long now = System.nanoTime();
		if (now - this.lastProgress >= PROGRESS_INTERVAL_NANOS) {
			this.lastProgress = now;
			logger.info("读取中：第 {}/{} 个文件（{}），已处理 {} 行", this.fileIndex + 1, this.files.size(),
					this.files.get(this.fileIndex).relativePath(), getCurrentItemCount());
		}
	}

	@Override
	public void update(ExecutionContext context) {
		super.update(context);
		context.putInt(FILES_TOTAL, assigned());
		context.putInt(FILE_INDEX, this.fileIndex);
		context.putInt(FILE_EMITTED, this.emitted);
	}

	/** How many files this reader has to read. */
	private int assigned() {
		int size = this.files.size();
		return (size > this.partition) ? (size - this.partition + this.partitions - 1) / this.partitions : 0;
	}

	@Override
	protected void doClose() {
		if (this.current != null) {
			this.current.close();
			this.current = null;
		}
	}

}
