package org.tallyrollup.tally;

/** A row of a tally sheet below its header: a data row or a row that is not data. */
public sealed interface SheetRow permits TallyRecord, SkippedRow {

	RowSource source();

}
