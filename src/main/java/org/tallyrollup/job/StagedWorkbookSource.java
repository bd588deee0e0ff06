package org.tallyrollup.job;

import java.util.stream.Stream;

import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.tally.AcceptedRow;
import org.tallyrollup.tally.Finding;
import org.tallyrollup.workbook.MissingUnit;
import org.tallyrollup.workbook.RunInfo;
import org.tallyrollup.workbook.WorkbookSource;

/** The workbook's content, streamed from a run's staging tables. */
class StagedWorkbookSource implements WorkbookSource {

	private final StagingRepository staging;

	private final long instance;

	private final RunInfo runInfo;

	StagedWorkbookSource(StagingRepository staging, long instance, RunInfo runInfo) {
		this.staging = staging;
		this.instance = instance;
		this.runInfo = runInfo;
	}

	@Override
	public RunInfo runInfo() {
		return this.runInfo;
	}

	@Override
	public Stream<UnitTotals> summary() {
		return this.staging.totals(this.instance, 2);
	}

	@Override
	public Stream<UnitTotals> hierarchy() {
		return this.staging.totals(this.instance, Integer.MAX_VALUE);
	}

	@Override
	public Stream<AcceptedRow> details() {
		return this.staging.details(this.instance);
	}

	@Override
	public Stream<MissingUnit> missing() {
		return this.staging.missing(this.instance);
	}

	@Override
	public Stream<Finding> findings() {
		return this.staging.findings(this.instance);
	}

}
