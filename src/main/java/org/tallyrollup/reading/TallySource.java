package org.tallyrollup.reading;

import java.util.List;

import org.tallyrollup.sheet.SheetInfo;
import org.tallyrollup.sheet.SpreadsheetFile;
import org.tallyrollup.tally.SheetRow;

/**
 * What kind of tally file a file is, chosen once when it is opened: a tally as a unit
 * made it ({@link PlainTally}), a 填报模板 this program wrote and a unit filled in
 * ({@link FilledTemplate}), or a consolidated workbook this program wrote, merged one
 * level up ({@link ChainedWorkbook}). Each decides which of the file's sheets are read,
 * the note 运行信息 shows for the file, and what its rows mean.
 */
public sealed interface TallySource permits PlainTally, FilledTemplate, ChainedWorkbook {

	/** The note 运行信息 shows for the file; {@code null} for a plain tally. */
	String note();

	/**
	 * Why a readable sheet is not read in a file of this kind, or {@code null} when it is
	 * read.
	 */
	String passOver(SheetInfo sheet);

	/** A row of a sheet that is read, as a file of this kind means it. */
	SheetRow adapt(SheetRow row);

	/**
	 * Recognises a file by its sheets: a 运行信息 sheet makes it a consolidated workbook, the
	 * template's marker in 填表说明 a filled template.
	 * @param period the run's period, which a consolidated workbook must cover
	 * @throws RefusedFileException a consolidated workbook that must not be merged
	 */
	static TallySource recognise(SpreadsheetFile file, List<SheetInfo> sheets, String period) {
		SheetInfo runInfo = ChainedWorkbook.runInfoSheet(sheets);
		if (runInfo != null) {
			return ChainedWorkbook.read(file, runInfo, period);
		}
		if (FilledTemplate.isTemplate(file, sheets)) {
			return new FilledTemplate();
		}
		return new PlainTally();
	}

}
