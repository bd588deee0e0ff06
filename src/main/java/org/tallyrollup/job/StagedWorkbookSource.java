package org.tallyrollup.job;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.transaction.support.TransactionTemplate;

import org.tallyrollup.narrative.UnitNarrative;
import org.tallyrollup.rollup.ComparedTotals;
import org.tallyrollup.tally.AcceptedRow;
import org.tallyrollup.tally.Finding;
import org.tallyrollup.workbook.MissingUnit;
import org.tallyrollup.workbook.RunInfo;
import org.tallyrollup.workbook.WorkbookSource;
import org.tallyrollup.staging.Stores;

/** The workbook's content, streamed from a run's staging tables. */
class StagedWorkbookSource implements WorkbookSource {

	private final Stores staging;

	private final TransactionTemplate reads;

	private final long instance;

	private final Long previous;

	private final int deepestLevel;

	private final RunInfo runInfo;

	private final Supplier<List<UnitNarrative>> narratives;

	/**
	 * @param previous the job instance of the run compared with, {@code null} for none
	 * @param deepestLevel the deepest level of a unit in the run's totals
	 */
	/**
	 * @param reads makes the read-only transaction of another thread that reads a stream
	 * (so that PostgreSQL streams the rows rather than fetching them all)
	 */
	StagedWorkbookSource(Stores staging, TransactionTemplate reads, long instance, Long previous, int deepestLevel,
			RunInfo runInfo, Supplier<List<UnitNarrative>> narratives) {
		this.staging = staging;
		this.reads = reads;
		this.instance = instance;
		this.previous = previous;
		this.deepestLevel = deepestLevel;
		this.runInfo = runInfo;
		this.narratives = narratives;
	}

	@Override
	public RunInfo runInfo() {
		return this.runInfo;
	}

	@Override
	public Stream<ComparedTotals> summary() {
		return this.staging.totals().compared(this.instance, this.previous, 2);
	}

	@Override
	public Stream<ComparedTotals> hierarchy() {
		return this.staging.totals().compared(this.instance, this.previous, Integer.MAX_VALUE);
	}

	@Override
	public int deepestLevel() {
		return this.deepestLevel;
	}

	@Override
	public Stream<AcceptedRow> details() {
		return this.staging.rows().details(this.instance);
	}

	@Override
	public Stream<MissingUnit> missing() {
		return this.staging.totals().missing(this.instance);
	}

	@Override
	public Stream<Finding> findings() {
		return this.staging.findings().findings(this.instance);
	}

	@Override
	public List<UnitNarrative> narratives() {
		// asked for by the workbook's thread done with its sheets first
		return this.narratives.get();
	}

	@Override
	public void readOnThisThread(Runnable work) {
		this.reads.executeWithoutResult((status) -> work.run());
	}

}
