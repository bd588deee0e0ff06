package org.tallyrollup.rollup;

import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.unit.UnitRegistry;

/**
 * The roll-up of the data contract: for every unit, total = own + the totals of its
 * children, for every count; 应报 = units of its subtree that must report; 已报 = those of
 * them with an accepted row. Own figures are added in with {@link #add}; {@link #compute}
 * then folds them up the hierarchy in place, children before parents.
 */
public final class Rollup {

	private static final int WIDTH = TallyColumn.COUNTS.size();

	private final UnitRegistry registry;

	private final long[] figures;

	private final boolean[] reported;

	private final long[] expected;

	private final long[] reportedCount;

	private boolean computed;

	public Rollup(UnitRegistry registry) {
		this.registry = registry;
		this.figures = new long[registry.size() * WIDTH];
		this.reported = new boolean[registry.size()];
		this.expected = new long[registry.size()];
		this.reportedCount = new long[registry.size()];
	}

	/** Adds a unit's own accepted figures (indexed as {@link TallyColumn#COUNTS}). */
	public void add(int unit, long[] own) {
		if (this.computed) {
			throw new IllegalStateException("already computed");
		}
		int base = unit * WIDTH;
		for (int i = 0; i < WIDTH; i++) {
			this.figures[base + i] += own[i];
		}
		this.reported[unit] = true;
	}

	/**
	 * Takes back figures added with {@link #add} for a row that another of the unit's
	 * rows then replaced; the unit keeps that one.
	 */
	public void takeBack(int unit, long[] own) {
		if (this.computed) {
			throw new IllegalStateException("already computed");
		}
		int base = unit * WIDTH;
		for (int i = 0; i < WIDTH; i++) {
			this.figures[base + i] -= own[i];
		}
	}

	/** Whether the unit has an accepted row of its own. */
	public boolean hasOwnRow(int unit) {
		return this.reported[unit];
	}

	public Rollup compute() {
		int[] order = this.registry.hierarchyOrder();
		for (int k = order.length - 1; k >= 0; k--) {
			int unit = order[k];
			if (this.registry.mustReport(unit)) {
				this.expected[unit]++;
				if (this.reported[unit]) {
					this.reportedCount[unit]++;
				}
			}
			int parent = this.registry.parent(unit);
			if (parent >= 0) {
				int from = unit * WIDTH;
				int to = parent * WIDTH;
				for (int i = 0; i < WIDTH; i++) {
					this.figures[to + i] += this.figures[from + i];
				}
				this.expected[parent] += this.expected[unit];
				this.reportedCount[parent] += this.reportedCount[unit];
			}
		}
		this.computed = true;
		return this;
	}

	/** A unit's totals; only after {@link #compute()}. */
	public UnitTotals totals(int unit) {
		if (!this.computed) {
			throw new IllegalStateException("not computed yet");
		}
		long[] totals = new long[WIDTH];
		System.arraycopy(this.figures, unit * WIDTH, totals, 0, WIDTH);
		int parent = this.registry.parent(unit);
		return new UnitTotals(this.registry.unit(unit).code(), this.registry.unit(unit).name(),
				this.registry.level(unit), (parent >= 0) ? this.registry.unit(parent).code() : null, totals,
				this.expected[unit], this.reportedCount[unit]);
	}

}
