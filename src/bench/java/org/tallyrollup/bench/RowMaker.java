package org.tallyrollup.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.tallyrollup.bench.BenchSize.Rates;
import org.tallyrollup.tally.TallyColumn;

/**
 * Makes the rows one submitting unit sends: its own row (本级) now and then, a row per
 * branch, and, at the rates of {@link Rates}, a silent branch, a row breaking one rule, a
 * short name, issues without measures yet, or a row corrected further down. Each row
 * breaks at most one rule, so the counts it expects are exact.
 */
final class RowMaker {

	private static final String[] BAD_MEMBERS = { "十二", "约30", "30余", "待统计" };

	private final SplittableRandom random;

	private final Rates rates;

	RowMaker(SplittableRandom random, Rates rates) {
		this.random = random;
		this.rates = rates;
	}

	/**
	 * The rows of one file and what a job must make of them.
	 * @param ownRow whether the submitting unit adds its own row
	 */
	Submission make(Unit submitter, List<Unit> branches, Template template, boolean ownRow) {
		Submission submission = new Submission(new ArrayList<>(), new ArrayList<>(), new Expected());
		List<TallyRow> corrections = new ArrayList<>();
		if (ownRow) {
			add(submission, corrections, submitter, false, template);
		}
		for (Unit branch : branches) {
			if (!branch.mustReport(true) || this.random.nextDouble() < this.rates.silentBranch()) {
				continue;
			}
			add(submission, corrections, branch, true, template);
		}
		for (TallyRow correction : corrections) {
			submission.rows().add(correction);
		}
		submission.expected().skipped += template.skippedRows();
		return submission;
	}

	private void add(Submission submission, List<TallyRow> corrections, Unit unit, boolean branch, Template template) {
		Expected expected = submission.expected();
		TallyRow row = figures(unit, branch, template);
		double roll = this.random.nextDouble();
		if (roll < this.rates.badRow()) {
			submission.rows().add(bad(row, template, expected));
			expected.rejected++;
			return;
		}
		expected.accepted++;
		if (branch) {
			expected.reported++;
		}
		roll -= this.rates.badRow();
		if (roll < this.rates.wrongName()) {
			submission.rows().add(row.withCode(row.code(), shortName(row.name())));
			expected.finding("W1");
		}
		else if (roll < this.rates.wrongName() + this.rates.noMeasures()) {
			long[] counts = row.counts().clone();
			counts[TallyColumn.MEASURES.countIndex()] = 0;
			counts[TallyColumn.COMPLETED.countIndex()] = 0;
			submission.rows().add(row.withCounts(counts).withRemarks("整改措施待支部党员大会讨论后报送"));
			expected.finding("W2");
		}
		else if (roll < this.rates.wrongName() + this.rates.noMeasures() + this.rates.correction()) {
			submission.rows().add(row);
			corrections.add(corrected(row, "更正：补报1个问题、2条措施"));
			expected.superseded++;
			expected.finding("W3");
		}
		else {
			submission.rows().add(row);
			submission.resendable().add(row);
		}
	}

	/** A row whose figures pass every check. */
	private TallyRow figures(Unit unit, boolean branch, Template template) {
		long[] counts = new long[TallyColumn.COUNTS.size()];
		int issues = this.random.nextInt(2, 13);
		int measures = issues + this.random.nextInt(0, issues + 1);
		counts[TallyColumn.BRANCHES.countIndex()] = branch ? 1 : 0;
		counts[TallyColumn.MEMBERS.countIndex()] = branch ? this.random.nextInt(8, 61) : 0;
		counts[TallyColumn.ISSUES_FOUND.countIndex()] = issues;
		counts[TallyColumn.MEASURES.countIndex()] = measures;
		counts[TallyColumn.COMPLETED.countIndex()] = this.random.nextInt(0, measures + 1);
		counts[TallyColumn.RESEARCH_TOPICS.countIndex()] = this.random.nextInt(0, 3);
		counts[TallyColumn.INSTITUTIONS.countIndex()] = this.random.nextInt(0, 4);
		int left = issues;
		List<TallyColumn> categories = TallyColumn.CATEGORIES;
		for (int i = 0; i < categories.size() - 1; i++) {
			int share = this.random.nextInt(0, left + 1) / 2;
			counts[categories.get(i).countIndex()] = share;
			left -= share;
		}
		counts[TallyColumn.CAT_OTHER.countIndex()] = left;
		String period = !template.has(TallyColumn.PERIOD) ? "" : (this.random.nextInt(50) == 0) ? "" : BenchSize.PERIOD;
		return new TallyRow(unit.code(), unit.name(), period, counts, !branch, branch ? null : "本级", null, null);
	}

	/** The row broken in one way the template allows, and the finding it gives. */
	private TallyRow bad(TallyRow row, Template template, Expected expected) {
		List<String> kinds = new ArrayList<>(List.of("R1", "R2", "R3", "R3", "R4"));
		if (template.has(TallyColumn.CAT_OTHER)) {
			kinds.add("R5");
		}
		if (template.has(TallyColumn.PERIOD)) {
			kinds.add("R6");
		}
		String kind = kinds.get(this.random.nextInt(kinds.size()));
		expected.finding(kind);
		long[] counts = row.counts().clone();
		return switch (kind) {
			case "R1" -> row.withCode("", row.name()).withRemarks("新成立，编码待定");
			case "R2" -> row.withCode(row.code() + "9", row.name());
			case "R3" -> row.withBad(TallyColumn.MEMBERS, BAD_MEMBERS[this.random.nextInt(BAD_MEMBERS.length)]);
			case "R4" -> {
				counts[TallyColumn.COMPLETED.countIndex()] = counts[TallyColumn.MEASURES.countIndex()]
						+ this.random.nextInt(1, 4);
				yield row.withCounts(counts);
			}
			case "R5" -> {
				counts[TallyColumn.CAT_OTHER.countIndex()] += 1;
				yield row.withCounts(counts);
			}
			default -> row.withPeriod(BenchSize.PREVIOUS_PERIOD);
		};
	}

	/** The same unit's row sent again with one more issue and two more measures. */
	static TallyRow corrected(TallyRow row, String remarks) {
		long[] counts = row.counts().clone();
		counts[TallyColumn.ISSUES_FOUND.countIndex()] += 1;
		counts[TallyColumn.CAT_OTHER.countIndex()] += 1;
		counts[TallyColumn.MEASURES.countIndex()] += 2;
		return row.withCounts(counts).withRemarks(remarks);
	}

	private static String shortName(String name) {
		if (name.startsWith("中共")) {
			return name.substring(2);
		}
		String shorter = name.replace("党支部", "支部");
		return shorter.equals(name) ? name + "（原）" : shorter;
	}

	/**
	 * @param rows the rows of the file
	 * @param resendable accepted rows with no finding: what a late file may send again
	 * @param expected what a job must make of the file
	 */
	record Submission(List<TallyRow> rows, List<TallyRow> resendable, Expected expected) {

	}

}
