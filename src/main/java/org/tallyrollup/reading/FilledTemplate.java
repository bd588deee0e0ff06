package org.tallyrollup.reading;

import java.util.List;

import org.tallyrollup.sheet.RawRow;
import org.tallyrollup.sheet.RowCursor;
import org.tallyrollup.sheet.SheetInfo;
import org.tallyrollup.sheet.SpreadsheetFile;
import org.tallyrollup.sheet.TextNormalizer;
import org.tallyrollup.tally.CountValue;
import org.tallyrollup.tally.SheetRow;
import org.tallyrollup.tally.SkippedRow;
import org.tallyrollup.tally.TallyRecord;
import org.tallyrollup.template.TemplateSheets;

/**
 * A 填报模板 this program wrote (its 填表说明 carries the marker), filled in by a unit. Its rows
 * come with the code and name of every unit that must report, so a row in which no count
 * was typed is skipped ({@link SkippedRow.Reason#UNFILLED}): the unit did not report,
 * which is not a report of zeros.
 */
public record FilledTemplate() implements TallySource {

	static final String NOTE = "本程序生成的填报模板，未填写数字的行不汇总";

	/** Whether the file is a 填报模板 this program wrote. */
	static boolean isTemplate(SpreadsheetFile file, List<SheetInfo> sheets) {
		SheetInfo guide = sheets.stream()
			.filter((s) -> s.kind() == SheetInfo.Kind.WORKSHEET && s.name().equals(TemplateSheets.GUIDE))
			.findFirst()
			.orElse(null);
		if (guide == null) {
			return false;
		}
		RowCursor cursor = file.rows(guide);
		try {
			for (int i = 0; i < TemplateSheets.MARKER_SEARCH_ROWS && cursor.hasNext(); i++) {
				RawRow row = cursor.next();
				if (TextNormalizer.trim(row.cell(0)).equals(TemplateSheets.MARKER_ITEM)
						&& TextNormalizer.trim(row.cell(1)).equals(TemplateSheets.MARKER)) {
					return true;
				}
			}
			return false;
		}
		finally {
			FileItems.closeQuietly(cursor);
		}
	}

	@Override
	public String note() {
		return NOTE;
	}

	@Override
	public String passOver(SheetInfo sheet) {
		return null;
	}

	@Override
	public SheetRow adapt(SheetRow row) {
		if (row instanceof TallyRecord record && noCountTyped(record)) {
			return new SkippedRow(record.source(), SkippedRow.Reason.UNFILLED, null);
		}
		return row;
	}

	private static boolean noCountTyped(TallyRecord record) {
		for (CountValue count : record.counts()) {
			if (count != null && !TextNormalizer.isBlank(count.raw())) {
				return false;
			}
		}
		return true;
	}

}
