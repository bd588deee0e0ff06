package org.tallyrollup.workbook;

import java.util.HashMap;
import java.util.Map;

import org.tallyrollup.sheet.RawRow;
import org.tallyrollup.sheet.RowCursor;
import org.tallyrollup.sheet.TextNormalizer;

/**
 * The facts a consolidated workbook states about itself in the first table of its 运行信息
 * sheet, read back when the workbook is chained into a higher level's run (SPEC.md §2.4).
 * A fact the sheet does not give is {@code null}.
 *
 * @param generator the program that wrote it ({@value WorkbookSheets#GENERATOR})
 * @param period the period it covers
 * @param registryFile the name of the registry it was rolled up with
 * @param registrySha256 that registry file's digest
 */
public record ChainedRunInfo(String generator, String period, String registryFile, String registrySha256) {

	/** The 运行信息 facts all stand near the top; further down are the file tables. */
	private static final int MAX_ROWS = 40;

	/** Reads the first table of a 运行信息 sheet (项目 | 内容), stopping at its end. */
	public static ChainedRunInfo read(RowCursor cursor) {
		Map<String, String> facts = new HashMap<>();
		for (int i = 0; i < MAX_ROWS && cursor.hasNext(); i++) {
			RawRow row = cursor.next();
			if (row.isBlank()) {
				if (!facts.isEmpty()) {
					break;
				}
				continue;
			}
			String value = TextNormalizer.trim(row.cell(1));
			if (!value.isEmpty()) {
				facts.putIfAbsent(TextNormalizer.trim(row.cell(0)), value);
			}
		}
		return new ChainedRunInfo(facts.get(WorkbookSheets.GENERATOR_ITEM), facts.get(WorkbookSheets.PERIOD_ITEM),
				facts.get(WorkbookSheets.REGISTRY_ITEM), facts.get(WorkbookSheets.REGISTRY_SHA256_ITEM));
	}

}
