package org.tallyrollup.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a job must find in generated inputs: the counts the generator planted, added up as
 * it writes. A job that reads the inputs right reports exactly these.
 */
final class Expected {

	long accepted;

	long rejected;

	long superseded;

	long skipped;

	/** Units that must report and have an accepted row. */
	long reported;

	final Map<String, Long> findings = new TreeMap<>();

	void finding(String rule) {
		this.findings.merge(rule, 1L, Long::sum);
	}

	void add(Expected other) {
		this.accepted += other.accepted;
		this.rejected += other.rejected;
		this.superseded += other.superseded;
		this.skipped += other.skipped;
		this.reported += other.reported;
		other.findings.forEach((rule, n) -> this.findings.merge(rule, n, Long::sum));
	}

	/** Data rows: every row but the skipped ones. */
	long dataRows() {
		return this.accepted + this.rejected + this.superseded;
	}

	long rowsRead() {
		return dataRows() + this.skipped;
	}

	long findingsTotal() {
		return this.findings.values().stream().mapToLong(Long::longValue).sum();
	}

}
