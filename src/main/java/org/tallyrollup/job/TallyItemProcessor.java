package org.tallyrollup.job;

import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import org.tallyrollup.reading.TallyItem;
import org.tallyrollup.tally.SkippedRow;
import org.tallyrollup.tally.TallyRecord;
import org.tallyrollup.tally.check.RowChecker;
import org.tallyrollup.unit.UnitRegistry;
import org.tallyrollup.staging.RowState;

/** Checks each data row; other items pass through. */
class TallyItemProcessor implements ItemProcessor<TallyItem, TallyItem> {

	private final UnitRegistry registry;

	private final RowChecker checker;

	TallyItemProcessor(UnitRegistry registry, String period) {
		this.registry = registry;
		this.checker = new RowChecker(registry, period);
	}

	@Override
	public TallyItem process(TallyItem item) {
		if (!(item instanceof TallyItem.Row row)) {
			return item;
		}
		if (row.row() instanceof SkippedRow skipped) {
			List<org.tallyrollup.tally.Finding> warning = (skipped.warning() != null) ? List.of(skipped.warning())
					: List.of();
			return new TallyItem.CheckedRow(row.fileNo(), skipped, RowState.SKIPPED, null, warning);
		}
		TallyRecord record = (TallyRecord) row.row();
		RowChecker.CheckedRow checked = this.checker.check(record);
		String name = this.registry.find(record.unitCode()).map(org.tallyrollup.unit.Unit::name).orElse(null);
		return new TallyItem.CheckedRow(row.fileNo(), record,
				checked.accepted() ? RowState.ACCEPTED : RowState.REJECTED, name, checked.findings());
	}

}
