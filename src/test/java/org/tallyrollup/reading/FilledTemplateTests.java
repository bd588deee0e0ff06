package org.tallyrollup.reading;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tallyrollup.sheet.RawRow;
import org.tallyrollup.sheet.Rows;
import org.tallyrollup.sheet.SheetInfo;
import org.tallyrollup.tally.SheetRow;
import org.tallyrollup.tally.SkippedRow;
import org.tallyrollup.tally.TallyRecord;
import org.tallyrollup.tally.TallySheetReader;
import org.tallyrollup.tally.TallySheetReader.SheetOpening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallyrollup.sheet.Rows.row;

class FilledTemplateTests {

	@Test
	void inATemplateARowWithNoCountFilledIsSkippedNotReadAsZeros() {
		// given: the template's rows come with code, name and period; 0 and 无 are typed
		String[] header = row("单位编码", "单位名称", "报告期", "党支部数", "检视问题数", "整改措施数", "已完成整改数", "备注");
		List<RawRow> sheet = Rows.of(header, row("0101", "一支部", "2023-11", "", "", "", "", "本期未开展"),
				row("0102", "二支部", "2023-11", "0", "", "", ""), row("0103", "三支部", "2023-11", "", "无", "", ""));
		// when
		List<SheetRow> template = read(sheet, new FilledTemplate());
		List<SheetRow> plain = read(sheet, new PlainTally());
		// then
		assertThat(template).hasSize(3);
		assertThat(((SkippedRow) template.get(0)).reason()).isEqualTo(SkippedRow.Reason.UNFILLED);
		assertThat(template.get(0).source().row()).isEqualTo(2);
		assertThat(template.subList(1, 3)).allMatch(TallyRecord.class::isInstance);
		assertThat(plain).hasSize(3).allMatch(TallyRecord.class::isInstance);
		assertThat(new FilledTemplate().note()).isEqualTo("本程序生成的填报模板，未填写数字的行不汇总");
		assertThat(new PlainTally().note()).isNull();
	}

	private static List<SheetRow> read(List<RawRow> sheet, TallySource source) {
		SheetOpening opening = TallySheetReader.open("区/表.xlsx", new SheetInfo(0, "Sheet1", false), Rows.cursor(sheet));
		List<SheetRow> rows = new ArrayList<>();
		((SheetOpening.Rows) opening).rows().forEachRemaining((row) -> rows.add(source.adapt(row)));
		return rows;
	}

}
