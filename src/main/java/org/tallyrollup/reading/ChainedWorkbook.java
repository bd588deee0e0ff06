package org.tallyrollup.reading;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.tallyrollup.sheet.RowCursor;
import org.tallyrollup.sheet.SheetInfo;
import org.tallyrollup.sheet.SpreadsheetFile;
import org.tallyrollup.tally.SheetRow;
import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.tally.TallyRecord;
import org.tallyrollup.workbook.ChainedRunInfo;
import org.tallyrollup.workbook.WorkbookSheets;

/**
 * A consolidated workbook this program wrote (it has a 运行信息 sheet), merged one level up:
 * only its 明细 sheets are read, and only when its 运行信息 says it covers the run's period.
 *
 * @param note what 运行信息 shows for the file: the period, registry and generator it names
 */
public record ChainedWorkbook(String note) implements TallySource {

	static final String DETAILS_ONLY = "本程序生成的汇总表，只读取其“明细”表";

	static SheetInfo runInfoSheet(List<SheetInfo> sheets) {
		return sheets.stream()
			.filter((s) -> s.kind() == SheetInfo.Kind.WORKSHEET && s.name().equals(WorkbookSheets.RUN_INFO))
			.findFirst()
			.orElse(null);
	}

	/**
	 * A consolidated workbook is merged only when it covers the run's period: its 明细 has
	 * no 报告期 column, so R6 could not catch last month's workbook left in the folder. A
	 * registry other than the run's is normal (a district rolls up with its own part of
	 * the city's registry); what it holds that the run's registry lacks is caught row by
	 * row (R2, W1).
	 * @throws RefusedFileException when it names no period or another one
	 */
	static ChainedWorkbook read(SpreadsheetFile file, SheetInfo runInfo, String period) {
		ChainedRunInfo facts;
		RowCursor cursor = file.rows(runInfo);
		try {
			facts = ChainedRunInfo.read(cursor);
		}
		finally {
			FileItems.closeQuietly(cursor);
		}
		if (facts.period() == null) {
			throw new RefusedFileException(
					"有“" + WorkbookSheets.RUN_INFO + "”工作表，按汇总工作簿处理，但其中没有报告期，无法确认是哪一期的数据，整个文件未汇总");
		}
		if (!facts.period().equals(period)) {
			throw new RefusedFileException("汇总工作簿的报告期为 " + facts.period() + "，与本次汇总的报告期 " + period
					+ " 不符，整个文件未汇总（请换成本期的汇总工作簿，或移到报告期 " + facts.period() + " 的文件夹）");
		}
		StringBuilder note = new StringBuilder("汇总工作簿，只读取“明细”表；报告期 ").append(facts.period());
		if (facts.registryFile() != null) {
			note.append("，单位名册 ").append(facts.registryFile());
		}
		if (facts.registrySha256() != null) {
			note.append("（SHA-256 ").append(facts.registrySha256()).append('）');
		}
		if (facts.generator() != null && !facts.generator().equals(WorkbookSheets.GENERATOR)) {
			note.append("，生成程序 ").append(facts.generator());
		}
		return new ChainedWorkbook(note.toString());
	}

	@Override
	public String passOver(SheetInfo sheet) {
		return WorkbookSheets.isPartOf(sheet.name(), WorkbookSheets.DETAILS) ? null : DETAILS_ONLY;
	}

	/**
	 * A row of 明细: a row the lower level accepted, so R5 held for it or its tally had no
	 * category columns. 明细 shows the latter as zeros in every category column, which are
	 * no breakdown: such a row is checked as a tally without category columns, else R5
	 * would reject every row of a sub-unit that did not break its issues down.
	 */
	@Override
	public SheetRow adapt(SheetRow row) {
		if (row instanceof TallyRecord record
				&& TallyColumn.CATEGORIES.stream().allMatch((c) -> record.readable(c) && record.value(c) == 0)) {
			Set<TallyColumn> columns = EnumSet.noneOf(TallyColumn.class);
			columns.addAll(record.columns());
			TallyColumn.CATEGORIES.forEach(columns::remove);
			return new TallyRecord(record.source(), record.unitCode(), record.unitName(), record.period(),
					record.counts(), columns);
		}
		return row;
	}

}
