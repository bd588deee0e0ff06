package org.tallyrollup.workbook;

/**
 * A file or sheet that was passed over (lock file, other type, hidden sheet, sheet with
 * no header…), with the reason. {@code sheet} is {@code null} for a whole file.
 */
public record SkippedItem(String file, String sheet, String reason) {

}
