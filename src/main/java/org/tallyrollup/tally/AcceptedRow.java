package org.tallyrollup.tally;

/**
 * A unit's own figures as accepted, with where they came from.
 *
 * @param unitCode 单位编码
 * @param unitName the name the registry gives the unit
 * @param counts own counts, indexed as {@link TallyColumn#COUNTS}
 * @param file the file's path relative to the period folder
 * @param sheet the sheet name
 * @param row the 1-based row number
 */
public record AcceptedRow(String unitCode, String unitName, long[] counts, String file, String sheet, int row) {

}
