package org.tallyrollup.run;

import org.springframework.stereotype.Component;

import org.tallyrollup.staging.FileStore;
import org.tallyrollup.staging.FindingStore;
import org.tallyrollup.staging.RowStore;
import org.tallyrollup.staging.RunStore;
import org.tallyrollup.staging.TotalsStore;

/** Forgets everything a run staged once it is abandoned and will not be resumed. */
@Component
class AbandonedRuns {

	private final FileStore files;

	private final RowStore rows;

	private final FindingStore findings;

	private final TotalsStore totals;

	private final RunStore runs;

	AbandonedRuns(FileStore files, RowStore rows, FindingStore findings, TotalsStore totals, RunStore runs) {
		this.files = files;
		this.rows = rows;
		this.findings = findings;
		this.totals = totals;
		this.runs = runs;
	}

	void forget(long instance) {
		this.rows.release(instance);
		this.findings.deleteInstance(instance);
		this.files.deleteInstance(instance);
		this.totals.deleteInstance(instance);
		this.runs.deleteInstance(instance);
	}

}
