package org.tallyrollup.run;

import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.staging.FindingStore;
import org.tallyrollup.staging.TotalsStore;
import org.tallyrollup.tally.Finding;
import org.tallyrollup.workbook.MissingUnit;

/**
 * What a run found, as the pages show it: its totals, the units that did not report, its
 * findings. Each is a stream to close once read.
 */
@Service
public class RunContents {

	private final TotalsStore totals;

	private final FindingStore findings;

	RunContents(TotalsStore totals, FindingStore findings) {
		this.totals = totals;
		this.findings = findings;
	}

	/** Each unit's totals in hierarchy order down to {@code maxLevel}. */
	public Stream<UnitTotals> totals(long run, int maxLevel) {
		return this.totals.totals(run, maxLevel);
	}

	/** The units that must report and did not, in hierarchy order. */
	public Stream<MissingUnit> missing(long run) {
		return this.totals.missing(run);
	}

	/** The findings in the order of the files and rows. */
	public Stream<Finding> findings(long run) {
		return this.findings.findings(run);
	}

}
