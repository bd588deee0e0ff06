package org.tallyrollup.reading;

import org.tallyrollup.sheet.SheetInfo;
import org.tallyrollup.tally.SheetRow;

/** A tally as a unit made it: every readable sheet with a tally header, rows as read. */
public record PlainTally() implements TallySource {

	@Override
	public String note() {
		return null;
	}

	@Override
	public String passOver(SheetInfo sheet) {
		return null;
	}

	@Override
	public SheetRow adapt(SheetRow row) {
		return row;
	}

}
