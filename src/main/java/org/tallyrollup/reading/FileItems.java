package org.tallyrollup.reading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.tallyrollup.sheet.RowCursor;
import org.tallyrollup.sheet.SheetInfo;
import org.tallyrollup.sheet.SpreadsheetFile;
import org.tallyrollup.sheet.Spreadsheets;
import org.tallyrollup.sheet.UnreadableFileException;
import org.tallyrollup.system.FileDigest;
import org.tallyrollup.tally.SheetRow;
import org.tallyrollup.tally.check.FileRules;
import org.tallyrollup.tally.TallyFiles;
import org.tallyrollup.tally.TallySheetReader;
import org.tallyrollup.tally.TallySheetReader.SheetOpening;

/**
 * The items of one file of the period folder, produced lazily: the file's facts, then
 * each sheet's rows or the reason it is passed over. What kind of file it is, and so
 * which sheets are read and what their rows mean, is its {@link TallySource}. A file that
 * turns out to be unreadable, or that must not be merged, ends with an F1 item.
 */
public final class FileItems implements Iterator<TallyItem>, AutoCloseable {

	private final int fileNo;

	private final TallyFiles.Entry entry;

	private final String period;

	private final Deque<TallyItem> ready = new ArrayDeque<>();

	private SpreadsheetFile file;

	private List<SheetInfo> sheets;

	private int nextSheet;

	private TallySource source;

	private RowCursor cursor;

	private Iterator<SheetRow> rows;

	private boolean done;

	private long size;

	private String sha256;

	private long modifiedNanos;

	public FileItems(int fileNo, TallyFiles.Entry entry, String period) {
		this.fileNo = fileNo;
		this.entry = entry;
		this.period = period;
		if (!entry.isTally()) {
			this.ready.add(new TallyItem.Skipped(fileNo, 0, entry.relativePath(), null, entry.skipReason()));
			this.done = true;
		}
	}

	@Override
	public boolean hasNext() {
		while (this.ready.isEmpty() && !this.done) {
			try {
				advance();
			}
			catch (UnreadableFileException ex) {
				fail(ex.getMessage());
			}
			catch (RefusedFileException ex) {
				refuse(ex.getMessage());
			}
			catch (UncheckedIOException ex) {
				fail("读取出错：" + ex.getCause().getMessage());
			}
		}
		return !this.ready.isEmpty();
	}

	@Override
	public TallyItem next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		return this.ready.poll();
	}

	private void advance() {
		if (this.file == null) {
			open();
			return;
		}
		if (this.rows != null && this.rows.hasNext()) {
			this.ready.add(new TallyItem.Row(this.fileNo, this.source.adapt(this.rows.next())));
			return;
		}
		closeCursor();
		if (this.nextSheet >= this.sheets.size()) {
			close();
			this.done = true;
			return;
		}
		openSheet(this.sheets.get(this.nextSheet++));
	}

	private void open() {
		try {
			BasicFileAttributes attributes = Files.readAttributes(this.entry.path(), BasicFileAttributes.class);
			this.size = attributes.size();
			this.modifiedNanos = attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
			this.sha256 = FileDigest.sha256(this.entry.path());
		}
		catch (IOException ex) {
			this.done = true;
			this.ready.add(new TallyItem.FileFailed(this.fileNo, this.entry.relativePath(), this.size, this.sha256,
					this.modifiedNanos, FileRules.unreadable(this.entry.relativePath(),
							ex.getClass().getSimpleName() + " " + ex.getMessage())));
			return;
		}
		this.file = Spreadsheets.open(this.entry.path());
		this.sheets = this.file.sheets();
		this.source = TallySource.recognise(this.file, this.sheets, this.period);
		this.ready.add(new TallyItem.FileRead(this.fileNo, this.entry.relativePath(), this.size, this.sha256,
				this.modifiedNanos, this.source.note()));
	}

	private void openSheet(SheetInfo sheet) {
		if (!sheet.readable()) {
			skip(sheet, sheet.notReadReason());
			return;
		}
		String passOver = this.source.passOver(sheet);
		if (passOver != null) {
			skip(sheet, passOver);
			return;
		}
		this.cursor = this.file.rows(sheet);
		SheetOpening opening = TallySheetReader.open(this.entry.relativePath(), sheet, this.cursor);
		if (opening instanceof SheetOpening.Rows found) {
			this.rows = found.rows();
		}
		else if (opening instanceof SheetOpening.MissingColumns missing) {
			this.ready.add(new TallyItem.SheetFailed(this.fileNo, sheet.index(),
					FileRules.missingColumns(this.entry.relativePath(), sheet.name(), missing.missing())));
			closeCursor();
		}
		else {
			skip(sheet, "未找到表头（前20行中没有“单位编码”及数值列），不是统计表");
			closeCursor();
		}
	}

	private void skip(SheetInfo sheet, String reason) {
		this.ready.add(
				new TallyItem.Skipped(this.fileNo, sheet.index() + 1, this.entry.relativePath(), sheet.name(), reason));
	}

	private void fail(String reason) {
		close();
		this.done = true;
		this.ready.clear();
		this.ready.add(new TallyItem.FileFailed(this.fileNo, this.entry.relativePath(), this.size, this.sha256,
				this.modifiedNanos, FileRules.unreadable(this.entry.relativePath(), reason)));
	}

	private void refuse(String message) {
		close();
		this.done = true;
		this.ready.clear();
		this.ready.add(new TallyItem.FileFailed(this.fileNo, this.entry.relativePath(), this.size, this.sha256,
				this.modifiedNanos, FileRules.refused(this.entry.relativePath(), message)));
	}

	private void closeCursor() {
		this.rows = null;
		if (this.cursor != null) {
			closeQuietly(this.cursor);
			this.cursor = null;
		}
	}

	/** Closes a sheet's cursor: closing a broken sheet must not hide what was read. */
	static void closeQuietly(RowCursor cursor) {
		try {
			cursor.close();
		}
		catch (RuntimeException ex) {
			// nothing more to read from it
		}
	}

	@Override
	public void close() {
		closeCursor();
		if (this.file != null) {
			try {
				this.file.close();
			}
			catch (RuntimeException ex) {
				// nothing more to read from it
			}
			this.file = null;
		}
	}

}
