package org.tallyrollup.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import org.tallyrollup.reading.TallyItem;
import org.tallyrollup.tally.RowSource;
import org.tallyrollup.tally.TallyRecord;
import org.tallyrollup.staging.Counts;
import org.tallyrollup.staging.FileStore;
import org.tallyrollup.staging.FileStore.StagedFile;
import org.tallyrollup.staging.FileStore.StagedSkip;
import org.tallyrollup.staging.FindingStore;
import org.tallyrollup.staging.FindingStore.NumberedFinding;
import org.tallyrollup.staging.RowState;
import org.tallyrollup.staging.RowStore;
import org.tallyrollup.staging.RowStore.StagedRow;

/**
 * Stores a chunk of read items in the staging tables, in the chunk's transaction. Items
 * are stored in the order read; a failed file withdraws the rows it gave earlier.
 */
class StagingWriter implements ItemWriter<TallyItem> {

	private final FileStore files;

	private final RowStore rows;

	private final FindingStore findings;

	private final long instance;

	StagingWriter(FileStore files, RowStore rows, FindingStore findings, long instance) {
		this.files = files;
		this.rows = rows;
		this.findings = findings;
		this.instance = instance;
	}

	@Override
	public void write(Chunk<? extends TallyItem> chunk) {
		Batch batch = new Batch();
		for (TallyItem item : chunk) {
			if (item instanceof TallyItem.FileFailed failed) {
				batch.flush();
				failFile(failed);
			}
			else if (item instanceof TallyItem.FileRead file) {
				batch.files.add(new StagedFile(file.fileNo(), file.path(), file.size(), file.sha256(),
						file.modifiedNanos(), file.note()));
			}
			else if (item instanceof TallyItem.Skipped skipped) {
				batch.skipped.add(new StagedSkip(skipped.fileNo(), skipped.seq(), skipped.path(), skipped.sheet(),
						skipped.reason()));
			}
			else if (item instanceof TallyItem.SheetFailed failed) {
				batch.findings.add(new NumberedFinding(failed.fileNo(), failed.sheetIndex(), 0, failed.finding()));
			}
			else if (item instanceof TallyItem.CheckedRow row) {
				batch.add(row);
			}
			else {
				throw new IllegalStateException("unchecked item reached the writer: " + item);
			}
		}
		batch.flush();
	}

	/** Marks a file unreadable: withdraws whatever rows it gave before failing. */
	private void failFile(TallyItem.FileFailed failed) {
		this.rows.deleteFile(this.instance, failed.fileNo());
		this.findings.deleteFile(this.instance, failed.fileNo());
		this.files.deleteFile(this.instance, failed.fileNo());
		this.files.insertFailed(this.instance, new StagedFile(failed.fileNo(), failed.path(), failed.size(),
				failed.sha256(), failed.modifiedNanos(), null), failed.finding().message());
		this.findings.insert(this.instance, List.of(new NumberedFinding(failed.fileNo(), -1, 0, failed.finding())));
	}

	private final class Batch {

		private final List<StagedFile> files = new ArrayList<>();

		private final List<StagedSkip> skipped = new ArrayList<>();

		private final List<StagedRow> rows = new ArrayList<>();

		private final List<NumberedFinding> findings = new ArrayList<>();

		void add(TallyItem.CheckedRow checked) {
			RowSource source = checked.row().source();
			String code = null;
			String counts = null;
			if (checked.row() instanceof TallyRecord record) {
				code = record.unitCode().isEmpty() ? null : record.unitCode();
				if (checked.state() == RowState.ACCEPTED) {
					counts = Counts.encodePositional(Counts.of(record));
				}
			}
			this.rows.add(new StagedRow(checked.fileNo(), source.sheetIndex(), source.row(), source.sheet(), code,
					checked.registryName(), checked.state(), counts));
			for (int i = 0; i < checked.findings().size(); i++) {
				this.findings
					.add(new NumberedFinding(checked.fileNo(), source.sheetIndex(), i, checked.findings().get(i)));
			}
		}

		void flush() {
			if (!this.files.isEmpty()) {
				StagingWriter.this.files.insertRead(StagingWriter.this.instance, this.files);
			}
			if (!this.skipped.isEmpty()) {
				StagingWriter.this.files.insertSkipped(StagingWriter.this.instance, this.skipped);
			}
			if (!this.rows.isEmpty()) {
				StagingWriter.this.rows.insert(StagingWriter.this.instance, this.rows);
			}
			if (!this.findings.isEmpty()) {
				StagingWriter.this.findings.insert(StagingWriter.this.instance, this.findings);
			}
			this.files.clear();
			this.skipped.clear();
			this.rows.clear();
			this.findings.clear();
		}

	}

}
