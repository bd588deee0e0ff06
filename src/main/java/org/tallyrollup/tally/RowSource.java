package org.tallyrollup.tally;

/**
 * Where a row was read: the file's path relative to the period folder, the sheet's name
 * and 0-based position, and the 1-based row number as Excel shows it.
 */
public record RowSource(String file, String sheet, int sheetIndex, int row) {

}
