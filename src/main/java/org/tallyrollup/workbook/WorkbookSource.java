package org.tallyrollup.workbook;

import java.util.List;
import java.util.stream.Stream;

import org.tallyrollup.narrative.UnitNarrative;
import org.tallyrollup.rollup.ComparedTotals;
import org.tallyrollup.tally.AcceptedRow;
import org.tallyrollup.tally.Finding;

/**
 * What the consolidated workbook shows, as streams so that a province's rows are never
 * all in memory at once. Each stream is consumed once and closed by the writer.
 */
public interface WorkbookSource {

	RunInfo runInfo();

	/**
	 * 汇总: each root followed by its children, roots in registry order, each beside its
	 * totals of the previous period.
	 */
	Stream<ComparedTotals> summary();

	/**
	 * 分级汇总: every unit in hierarchy order (depth first, siblings in registry order), each
	 * beside its totals of the previous period.
	 */
	Stream<ComparedTotals> hierarchy();

	/**
	 * The deepest level of a unit in {@link #hierarchy()} (1 for a root), known before
	 * the rows are written so that 分级汇总's outline can be declared above them.
	 */
	int deepestLevel();

	/** 明细: the accepted rows, by file, sheet and row. */
	Stream<AcceptedRow> details();

	/** 未报送: units that must report and have no accepted row, in hierarchy order. */
	Stream<MissingUnit> missing();

	/** 校验问题: every finding, by file, sheet, row and rule. */
	Stream<Finding> findings();

	/**
	 * 综述: the report's sentences about each root and each child of a root. Asked for on
	 * 分级汇总's thread, within {@link #readOnThisThread}, once that sheet is written.
	 */
	List<UnitNarrative> narratives();

	/**
	 * Runs {@code work}, which reads one of the streams, on the calling thread, a thread
	 * other than the one that asked for the other streams: the writer reads 分级汇总 that way
	 * while it writes the other sheets. A source that needs something set up on each
	 * thread that reads it (a database transaction) does so here.
	 */
	default void readOnThisThread(Runnable work) {
		work.run();
	}

}
