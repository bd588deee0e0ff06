package org.tallyrollup.sheet;

/**
 * A sheet of a spreadsheet file: its 0-based position in the workbook, its name and
 * whether it is hidden. A CSV file has one sheet named after the file.
 */
public record SheetInfo(int index, String name, boolean hidden) {

}
