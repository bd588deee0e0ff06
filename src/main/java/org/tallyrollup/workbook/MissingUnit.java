package org.tallyrollup.workbook;

/** A unit that must report and has no accepted row (未报送). */
public record MissingUnit(String code, String name, String parentCode, String parentName) {

}
