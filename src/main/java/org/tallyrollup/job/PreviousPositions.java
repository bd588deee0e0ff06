package org.tallyrollup.job;

import org.tallyrollup.staging.RunStore;
import org.tallyrollup.staging.TotalsStore;

import java.util.Arrays;

import org.tallyrollup.unit.RegistryLoader.LoadedRegistry;
import org.tallyrollup.unit.UnitRegistry;

/**
 * Where each unit of a run stood in the run it is compared with (较上期): its position in
 * that run's totals, stored beside its own (TR_TOTAL.PREV_POS), so that 较上期 joins the two
 * runs by their primary keys. An index on the unit code would have served the join too,
 * but every roll-up paid for it as it stored its totals: 0.4 of the 1.8 s of a province's
 * rollUp.
 * <p>
 * With the same registry file the hierarchy order is the same and so is every position;
 * otherwise the previous run's codes are read once and looked up in this run's registry.
 * Either way the join also requires the codes to agree, so a position that does not match
 * leaves the change blank rather than compares two units.
 */
@FunctionalInterface
interface PreviousPositions {

	/** For a run without one to compare with. */
	PreviousPositions NONE = (unit, position) -> -1;

	/**
	 * @param unit the unit's index in this run's registry
	 * @param position its position in this run's totals
	 * @return its position in the previous run's totals, -1 where it had none
	 */
	int of(int unit, int position);

	/**
	 * @param previous the compared run's job instance, {@code null} for none
	 */
	static PreviousPositions of(RunStore runs, TotalsStore totals, Long previous, LoadedRegistry loaded) {
		if (previous == null) {
			return NONE;
		}
		RunStore.StagedRun run = runs.run(previous);
		if (run == null) {
			return NONE;
		}
		if (run.registrySha256().equals(loaded.sha256())) {
			return (unit, position) -> position;
		}
		UnitRegistry registry = loaded.registry();
		int[] positions = new int[registry.size()];
		Arrays.fill(positions, -1);
		totals.forEachPosition(previous, (code, position) -> {
			int unit = registry.indexOf(code);
			if (unit >= 0) {
				positions[unit] = position;
			}
		});
		return (unit, position) -> positions[unit];
	}

}
