package org.tallyrollup.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.tallyrollup.sheet.RowCursor;
import org.tallyrollup.sheet.SheetInfo;
import org.tallyrollup.sheet.SpreadsheetFile;
import org.tallyrollup.sheet.Spreadsheets;
import org.tallyrollup.sheet.UnreadableFileException;
import org.tallyrollup.system.FileDigest;
import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.tally.SheetRow;
import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.tally.TallyFiles;
import org.tallyrollup.tally.TallyRecord;
import org.tallyrollup.tally.TallySheetReader;
import org.tallyrollup.tally.TallySheetReader.SheetOpening;
import org.tallyrollup.workbook.WorkbookSheets;

/**
 * The items of one file of the period folder, produced lazily: the file's facts, then
 * each sheet's rows or the reason it is passed over. A workbook this job wrote (it has a
 * 运行信息 sheet) is read through its 明细 sheets only. A file that turns out to be unreadable
 * ends with an F1 item.
 */
final class FileItems implements Iterator<TallyItem>, AutoCloseable {

	private final int fileNo;

	private final TallyFiles.Entry entry;

	private final Deque<TallyItem> ready = new ArrayDeque<>();

	private SpreadsheetFile file;

	private List<SheetInfo> sheets;

	private int nextSheet;

	private boolean chained;

	private RowCursor cursor;

	private Iterator<SheetRow> rows;

	private boolean done;

	private long size;

	private String sha256;

	private long modifiedNanos;

	FileItems(int fileNo, TallyFiles.Entry entry) {
		this.fileNo = fileNo;
		this.entry = entry;
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
			this.ready.add(new TallyItem.Row(this.fileNo, this.rows.next()));
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
					this.modifiedNanos, Finding.ofFile(Rule.F1, this.entry.relativePath(),
							"文件无法读取：" + ex.getClass().getSimpleName() + " " + ex.getMessage())));
			return;
		}
		this.ready.add(new TallyItem.FileRead(this.fileNo, this.entry.relativePath(), this.size, this.sha256,
				this.modifiedNanos));
		this.file = Spreadsheets.open(this.entry.path());
		this.sheets = this.file.sheets();
		this.chained = this.sheets.stream().anyMatch((s) -> s.name().equals(WorkbookSheets.RUN_INFO));
	}

	private void openSheet(SheetInfo sheet) {
		if (sheet.hidden()) {
			skip(sheet, "隐藏的工作表，未读取");
			return;
		}
		if (this.chained && !WorkbookSheets.isPartOf(sheet.name(), WorkbookSheets.DETAILS)) {
			skip(sheet, "本程序生成的汇总表，只读取其“明细”表");
			return;
		}
		this.cursor = this.file.rows(sheet);
		SheetOpening opening = TallySheetReader.open(this.entry.relativePath(), sheet, this.cursor);
		if (opening instanceof SheetOpening.Rows found) {
			this.rows = this.chained ? new WithoutEmptyBreakdown(found.rows()) : found.rows();
		}
		else if (opening instanceof SheetOpening.MissingColumns missing) {
			List<String> names = missing.missing().stream().map(TallyColumn::header).toList();
			this.ready.add(new TallyItem.SheetFailed(this.fileNo, sheet.index(), Finding.ofSheet(Rule.F2,
					this.entry.relativePath(), sheet.name(), "表头缺少必填列：" + String.join("、", names) + "，整张工作表未读取")));
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
				this.modifiedNanos, Finding.ofFile(Rule.F1, this.entry.relativePath(), "文件无法读取：" + reason)));
	}

	private void closeCursor() {
		this.rows = null;
		if (this.cursor != null) {
			try {
				this.cursor.close();
			}
			catch (RuntimeException ex) {
				// closing a broken sheet must not hide what was read
			}
			this.cursor = null;
		}
	}

	/**
	 * The rows of a chained workbook's 明细: rows the lower level accepted, so R5 held for
	 * them or their tally had no category columns. 明细 shows the latter as zeros in every
	 * category column, which are no breakdown: such a row is checked as a tally without
	 * category columns, else R5 would reject every row of a sub-unit that did not break
	 * its issues down.
	 */
	private static final class WithoutEmptyBreakdown implements Iterator<SheetRow> {

		private final Iterator<SheetRow> rows;

		WithoutEmptyBreakdown(Iterator<SheetRow> rows) {
			this.rows = rows;
		}

		@Override
		public boolean hasNext() {
			return this.rows.hasNext();
		}

		@Override
		public SheetRow next() {
			SheetRow row = this.rows.next();
			if (row instanceof TallyRecord record
					&& TallyColumn.CATEGORIES.stream().allMatch((c) -> record.readable(c) && record.value(c) == 0)) {
				Set<TallyColumn> columns = EnumSet.noneOf(TallyColumn.class);
				columns.addAll(record.columns());
				TallyColumn.CATEGORIES.forEach(columns::remove);
				return new TallyRecord(record.source(), record.unitCode(), record.unitName(), record.period(),
						record.counts(), columns);
			}
			return row;
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
