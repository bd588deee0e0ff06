package org.tallyrollup.sheet;

import java.io.Closeable;
import java.util.List;

/**
 * An opened .xlsx, .xls or .csv file. Implementations read rows as a stream where the
 * format allows it; none loads a large sheet into memory as objects.
 */
public interface SpreadsheetFile extends Closeable {

	/** The sheets in workbook order, hidden ones included (flagged). */
	List<SheetInfo> sheets();

	/**
	 * Opens one sheet for reading. Only one cursor is open at a time.
	 * @throws UnreadableFileException if the sheet's data cannot be read
	 */
	RowCursor rows(SheetInfo sheet);

	@Override
	void close();

}
