package org.tallyrollup.job;

import org.tallyrollup.staging.FileStore;
import org.tallyrollup.staging.FindingStore.NumberedFinding;
import org.tallyrollup.staging.RowStore;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.check.SupersededRule;
import org.tallyrollup.tally.Submission;
import org.tallyrollup.unit.UnitRegistry;
import org.tallyrollup.staging.Stores;

/**
 * Resolves duplicates (§3.3): of a unit's accepted rows, the latest submission wins; the
 * others become superseded, each with a W3 naming the row that replaced it.
 * <p>
 * The roll-up's one pass over the rows tells it each accepted row's unit
 * ({@link Duplicates#accepted}), which marks the units by their place in the registry:
 * two bits a unit, whatever the number of rows. Only when some unit has more than one
 * does {@link #resolve} read the accepted rows again, to gather theirs.
 * <p>
 * Done again on rows it has resolved before (a roll-up repeated after its commit), it
 * finds no unit with two accepted rows and changes nothing.
 */
final class Supersession {

	private final Stores staging;

	Supersession(Stores staging) {
		this.staging = staging;
	}

	/**
	 * Supersedes every duplicate's losing rows (in the caller's transaction).
	 * @return the rows superseded, for the caller to take out of what it counted
	 */
	List<Superseded> resolve(long instance, Duplicates duplicates) {
		if (duplicates.isEmpty()) {
			return List.of();
		}
		Map<Integer, FileStore.FileFacts> files = this.staging.files().fileFacts(instance);
		Map<String, List<RowStore.Candidate>> groups = new TreeMap<>();
		this.staging.rows().forEachAccepted(instance, (row) -> {
			if (duplicates.contains(row.unitCode())) {
				groups.computeIfAbsent(row.unitCode(), (code) -> new ArrayList<>(2)).add(row);
			}
		});
		List<Superseded> superseded = new ArrayList<>();
		groups.values().forEach((group) -> resolve(instance, group, files, superseded));
		return superseded;
	}

	private void resolve(long instance, List<RowStore.Candidate> group, Map<Integer, FileStore.FileFacts> files,
			List<Superseded> superseded) {
		RowStore.Candidate winner = group.get(0);
		for (RowStore.Candidate candidate : group) {
			if (Submission.PRECEDENCE.compare(submission(candidate, files), submission(winner, files)) > 0) {
				winner = candidate;
			}
		}
		String where = files.get(winner.fileNo()).path() + " 工作表“" + winner.sheet() + "”第" + winner.row() + "行";
		for (RowStore.Candidate loser : group) {
			if (loser != winner) {
				Finding finding = SupersededRule.superseded(files.get(loser.fileNo()).path(), loser.sheet(),
						loser.row(), loser.unitCode(), where);
				this.staging.rows().markSuperseded(instance, loser);
				this.staging.findings().deleteRowWarnings(instance, loser.fileNo(), loser.sheetIndex(), loser.row());
				this.staging.findings()
					.insert(instance, List.of(new NumberedFinding(loser.fileNo(), loser.sheetIndex(), 99, finding)));
				superseded.add(new Superseded(loser.unitCode(), loser.fileNo(), loser.counts()));
			}
		}
	}

	private static Submission submission(RowStore.Candidate candidate, Map<Integer, FileStore.FileFacts> files) {
		FileStore.FileFacts file = files.get(candidate.fileNo());
		return new Submission(file.modifiedNanos(), file.path(), candidate.sheetIndex(), candidate.row());
	}

	/**
	 * A row that lost to a later submission of its unit.
	 *
	 * @param counts its counts, which the roll-up had added in
	 */
	record Superseded(String unitCode, int fileNo, long[] counts) {
	}

	/** The unit codes with more than one accepted row, told one row at a time. */
	static final class Duplicates {

		private final UnitRegistry registry;

		private final BitSet seen;

		private final BitSet inRegistry = new BitSet();

		private final Set<String> seenElsewhere = new HashSet<>();

		private final Set<String> elsewhere = new HashSet<>();

		Duplicates(UnitRegistry registry) {
			this.registry = registry;
			this.seen = new BitSet(registry.size());
		}

		/** An accepted row of this unit. */
		void accepted(String unitCode) {
			int unit = this.registry.indexOf(unitCode);
			if (unit >= 0) {
				if (this.seen.get(unit)) {
					this.inRegistry.set(unit);
				}
				this.seen.set(unit);
			}
			// not a registry unit (R2 rejects those): kept apart rather than lost
			else if (!this.seenElsewhere.add(unitCode)) {
				this.elsewhere.add(unitCode);
			}
		}

		boolean isEmpty() {
			return this.inRegistry.isEmpty() && this.elsewhere.isEmpty();
		}

		boolean contains(String unitCode) {
			int unit = this.registry.indexOf(unitCode);
			return (unit >= 0) ? this.inRegistry.get(unit) : this.elsewhere.contains(unitCode);
		}

	}

}
