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
import java.util.Optional;

import org.tallyrollup.sheet.RawRow;
import org.tallyrollup.sheet.RowCursor;
import org.tallyrollup.sheet.SheetInfo;
import org.tallyrollup.sheet.SpreadsheetFile;
import org.tallyrollup.sheet.Spreadsheets;
import org.tallyrollup.sheet.TextNormalizer;
import org.tallyrollup.sheet.UnreadableFileException;
import org.tallyrollup.system.FileDigest;
import org.tallyrollup.tally.SheetRow;
import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.tally.check.FileRules;
import org.tallyrollup.tally.TallyFiles;
import org.tallyrollup.tally.TallyRecord;
import org.tallyrollup.tally.TallySheetReader;
import org.tallyrollup.tally.TallySheetReader.SheetOpening;
import org.tallyrollup.template.TemplateSheets;
import org.tallyrollup.workbook.ChainedRunInfo;
import org.tallyrollup.workbook.WorkbookSheets;

/**
 * The items of one file of the period folder, produced lazily: the file's facts, then
 * each sheet's rows or the reason it is passed over. A workbook this job wrote (it has a
 * 运行信息 sheet) is read through its 明细 sheets only, and only when its 运行信息 says it covers
 * the run's period. In a 填报模板 this program wrote (recognised by its 填表说明), a row in which
 * no figure was typed is skipped: the unit did not report. A file that turns out to be
 * unreadable, or such a workbook of another period, ends with an F1 item.
 */
final class FileItems implements Iterator<TallyItem>, AutoCloseable {

	private final int fileNo;

	private final TallyFiles.Entry entry;

	private final String period;

	private final Deque<TallyItem> ready = new ArrayDeque<>();

	private SpreadsheetFile file;

	private List<SheetInfo> sheets;

	private int nextSheet;

	private boolean chained;

	private boolean template;

	private RowCursor cursor;

	private Iterator<SheetRow> rows;

	private boolean done;

	private long size;

	private String sha256;

	private long modifiedNanos;

	FileItems(int fileNo, TallyFiles.Entry entry, String period) {
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
			catch (RefusedChainException ex) {
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
					this.modifiedNanos, FileRules.unreadable(this.entry.relativePath(),
							ex.getClass().getSimpleName() + " " + ex.getMessage())));
			return;
		}
		this.file = Spreadsheets.open(this.entry.path());
		this.sheets = this.file.sheets();
		Optional<SheetInfo> runInfo = this.sheets.stream()
			.filter((s) -> s.kind() == SheetInfo.Kind.WORKSHEET && s.name().equals(WorkbookSheets.RUN_INFO))
			.findFirst();
		this.chained = runInfo.isPresent();
		String note = this.chained ? checkChained(runInfo.get()) : null;
		this.template = !this.chained && isTemplate();
		if (this.template) {
			note = "本程序生成的填报模板，未填写数字的行不汇总";
		}
		this.ready.add(new TallyItem.FileRead(this.fileNo, this.entry.relativePath(), this.size, this.sha256,
				this.modifiedNanos, note));
	}

	/**
	 * A consolidated workbook is merged only when it covers the run's period: its 明细 has
	 * no 报告期 column, so R6 could not catch last month's workbook left in the folder. A
	 * registry other than the run's is normal (a district rolls up with its own part of
	 * the city's registry); what it holds that the run's registry lacks is caught row by
	 * row (R2, W1). Gives the note that 运行信息 shows for the file.
	 */
	private String checkChained(SheetInfo runInfo) {
		ChainedRunInfo facts;
		this.cursor = this.file.rows(runInfo);
		try {
			facts = ChainedRunInfo.read(this.cursor);
		}
		finally {
			closeCursor();
		}
		if (facts.period() == null) {
			throw new RefusedChainException(
					"有“" + WorkbookSheets.RUN_INFO + "”工作表，按汇总工作簿处理，但其中没有报告期，无法确认是哪一期的数据，整个文件未汇总");
		}
		if (!facts.period().equals(this.period)) {
			throw new RefusedChainException("汇总工作簿的报告期为 " + facts.period() + "，与本次汇总的报告期 " + this.period
					+ " 不符，整个文件未汇总（请换成本期的汇总工作簿，或移到报告期 " + facts.period() + " 的文件夹）");
		}
		StringBuilder note = new StringBuilder("汇总工作簿，只读取“明细”表；报告期 ").append(facts.period());
		if (facts.registryFile() != null) {
			note.append("，单位名册 ").append(facts.registryFile());
		}
		if (facts.registrySha256() != null) {
			note.append("（SHA-256 ").append(facts.registrySha256()).append('）');
		}
		if (facts.generator() != null && !facts.generator().equals(WorkbookSheets.GENERATOR)) {
			note.append("，生成程序 ").append(facts.generator());
		}
		return note.toString();
	}

	/** Whether the file is a 填报模板 this program wrote (its 填表说明 carries the marker). */
	private boolean isTemplate() {
		Optional<SheetInfo> guide = this.sheets.stream()
			.filter((s) -> s.kind() == SheetInfo.Kind.WORKSHEET && s.name().equals(TemplateSheets.GUIDE))
			.findFirst();
		if (guide.isEmpty()) {
			return false;
		}
		this.cursor = this.file.rows(guide.get());
		try {
			for (int i = 0; i < TemplateSheets.MARKER_SEARCH_ROWS && this.cursor.hasNext(); i++) {
				RawRow row = this.cursor.next();
				if (TextNormalizer.trim(row.cell(0)).equals(TemplateSheets.MARKER_ITEM)
						&& TextNormalizer.trim(row.cell(1)).equals(TemplateSheets.MARKER)) {
					return true;
				}
			}
			return false;
		}
		finally {
			closeCursor();
		}
	}

	private void openSheet(SheetInfo sheet) {
		if (!sheet.readable()) {
			skip(sheet, sheet.notReadReason());
			return;
		}
		if (this.chained && !WorkbookSheets.isPartOf(sheet.name(), WorkbookSheets.DETAILS)) {
			skip(sheet, "本程序生成的汇总表，只读取其“明细”表");
			return;
		}
		this.cursor = this.file.rows(sheet);
		SheetOpening opening = TallySheetReader.open(this.entry.relativePath(), sheet, this.cursor, this.template);
		if (opening instanceof SheetOpening.Rows found) {
			this.rows = this.chained ? new WithoutEmptyBreakdown(found.rows()) : found.rows();
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

	/** A consolidated workbook that must not be merged into this run. */
	private static final class RefusedChainException extends RuntimeException {

		RefusedChainException(String message) {
			super(message);
		}

	}

}
