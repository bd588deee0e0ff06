package org.tallyrollup.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import org.tallyrollup.system.PausePoints;
import org.tallyrollup.tally.RowSource;
import org.tallyrollup.tally.TallyRecord;

/**
 * Stores a chunk of read items in the staging tables, in the chunk's transaction. Items
 * are stored in the order read; a failed file withdraws the rows it gave earlier.
 */
class StagingWriter implements ItemWriter<TallyItem> {

	private final StagingRepository staging;

	private final long instance;

	StagingWriter(StagingRepository staging, long instance) {
		this.staging = staging;
		this.instance = instance;
	}

	@Override
	public void write(Chunk<? extends TallyItem> chunk) {
		Batch batch = new Batch();
		for (TallyItem item : chunk) {
			if (item instanceof TallyItem.FileFailed failed) {
				batch.flush();
				this.staging.failFile(this.instance, failed);
			}
			else if (item instanceof TallyItem.FileRead file) {
				batch.files.add(file);
			}
			else if (item instanceof TallyItem.Skipped skipped) {
				batch.skipped.add(skipped);
			}
			else if (item instanceof TallyItem.SheetFailed failed) {
				batch.findings.add(new StagingRepository.NumberedFinding(failed.fileNo(), failed.sheetIndex(), 0,
						failed.finding()));
			}
			else if (item instanceof TallyItem.CheckedRow row) {
				batch.add(row);
			}
			else {
				throw new IllegalStateException("unchecked item reached the writer: " + item);
			}
		}
		batch.flush();
		PausePoints.reached("chunk");
	}

	private final class Batch {

		private final List<TallyItem.FileRead> files = new ArrayList<>();

		private final List<TallyItem.Skipped> skipped = new ArrayList<>();

		private final List<StagingRepository.StagedRow> rows = new ArrayList<>();

		private final List<StagingRepository.NumberedFinding> findings = new ArrayList<>();

		void add(TallyItem.CheckedRow checked) {
			RowSource source = checked.row().source();
			String code = null;
			String counts = null;
			if (checked.row() instanceof TallyRecord record) {
				code = record.unitCode().isEmpty() ? null : record.unitCode();
				if (checked.state() == RowState.ACCEPTED) {
					counts = Counts.encode(Counts.of(record));
				}
			}
			this.rows.add(new StagingRepository.StagedRow(checked.fileNo(), source.sheetIndex(), source.row(),
					source.sheet(), code, checked.registryName(), checked.state(), counts));
			for (int i = 0; i < checked.findings().size(); i++) {
				this.findings.add(new StagingRepository.NumberedFinding(checked.fileNo(), source.sheetIndex(), i,
						checked.findings().get(i)));
			}
		}

		void flush() {
			if (!this.files.isEmpty()) {
				StagingWriter.this.staging.insertFiles(StagingWriter.this.instance, this.files);
			}
			if (!this.skipped.isEmpty()) {
				StagingWriter.this.staging.insertSkipped(StagingWriter.this.instance, this.skipped);
			}
			if (!this.rows.isEmpty()) {
				StagingWriter.this.staging.insertRows(StagingWriter.this.instance, this.rows);
			}
			if (!this.findings.isEmpty()) {
				StagingWriter.this.staging.insertFindings(StagingWriter.this.instance, this.findings);
			}
			this.files.clear();
			this.skipped.clear();
			this.rows.clear();
			this.findings.clear();
		}

	}

}
