package org.tallyrollup.sheet;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.tallyrollup.tally.TallyColumn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallyrollup.sheet.Rows.row;
import static org.tallyrollup.tally.TallyColumn.BRANCHES;
import static org.tallyrollup.tally.TallyColumn.CAT_CENTRAL;
import static org.tallyrollup.tally.TallyColumn.COMPLETED;
import static org.tallyrollup.tally.TallyColumn.ISSUES_FOUND;
import static org.tallyrollup.tally.TallyColumn.MEASURES;
import static org.tallyrollup.tally.TallyColumn.RESEARCH_TOPICS;
import static org.tallyrollup.tally.TallyColumn.UNIT_CODE;
import static org.tallyrollup.tally.TallyColumn.UNIT_NAME;

class HeaderDetectorTests {

	@Test
	void findsHeaderBelowTitleAndFillerLines() {
		// given
		List<RawRow> rows = Rows.of(row("XX区主题教育检视整改进展情况统计表"), row("填报单位：XX区委组织部", "", "填报日期：2023年11月30日"), row("单位：个"),
				row(), row("序号", "单位编码", "单位名称", "党支部数", "检视问题数", "整改措施数", "已完成整改数"),
				row("1", "0101", "一支部", "1", "2", "3", "1"));
		// when
		Header<TallyColumn> header = HeaderDetector.detect(rows, TallyColumn.HEADER).orElseThrow();
		// then
		assertThat(header.firstRow()).isEqualTo(5);
		assertThat(header.lastRow()).isEqualTo(5);
		assertThat(header.columns()).containsExactlyInAnyOrderEntriesOf(
				Map.of(1, UNIT_CODE, 2, UNIT_NAME, 3, BRANCHES, 4, ISSUES_FOUND, 5, MEASURES, 6, COMPLETED));
		assertThat(header.columns().keySet()).containsExactly(1, 2, 3, 4, 5, 6);
	}

	@Test
	void readsTwoRowHeaderWithGroupCellsAndCellsMergedDown() {
		// given: 单位编码/单位名称 merged down, "检视问题" over two columns, "调研" over "课题数"
		List<RawRow> rows = Rows.of(row("统计表"), row("单位编码", "单位名称", "党支部数", "检视问题", "", "整改措施数（条）", "已完成整改数", "调研"),
				row("", "", "", "检视问题数", "党中央关心关注问题数", "", "", "课题数"),
				row("0101", "一支部", "1", "2", "2", "3", "1", "1"));
		// when
		Header<TallyColumn> header = HeaderDetector.detect(rows, TallyColumn.HEADER).orElseThrow();
		// then
		assertThat(header.firstRow()).isEqualTo(2);
		assertThat(header.lastRow()).isEqualTo(3);
		assertThat(header.columns()).containsEntry(0, UNIT_CODE)
			.containsEntry(1, UNIT_NAME)
			.containsEntry(2, BRANCHES)
			.containsEntry(3, ISSUES_FOUND)
			.containsEntry(4, CAT_CENTRAL)
			.containsEntry(5, MEASURES)
			.containsEntry(6, COMPLETED)
			.containsEntry(7, RESEARCH_TOPICS);
	}

	@Test
	void twoRowHeaderWhoseUpperRowAloneIsNotAHeader() {
		// given: the upper row has only 单位编码 and group names
		List<RawRow> rows = Rows.of(row("单位编码", "基本情况", "", "整改情况", ""), row("", "党支部数", "检视问题数", "整改措施数", "已完成整改数"),
				row("0101", "1", "2", "3", "1"));
		// when
		Header<TallyColumn> header = HeaderDetector.detect(rows, TallyColumn.HEADER).orElseThrow();
		// then
		assertThat(header.lastRow()).isEqualTo(2);
		assertThat(header.columns().values()).containsExactly(UNIT_CODE, BRANCHES, ISSUES_FOUND, MEASURES, COMPLETED);
	}

	@Test
	void columnNumberRowUnderTheHeaderBelongsToTheBand() {
		// given
		List<RawRow> rows = Rows.of(row("单位编码", "单位名称", "党支部数", "检视问题数", "整改措施数", "已完成整改数"),
				row("甲", "乙", "1", "2", "3", "4"), row("0101", "一支部", "1", "2", "3", "1"));
		// when
		Header<TallyColumn> header = HeaderDetector.detect(rows, TallyColumn.HEADER).orElseThrow();
		// then
		assertThat(header.lastRow()).isEqualTo(2);
	}

	@Test
	void parenthesisedColumnNumbersAreAColumnNumberRow() {
		assertThat(HeaderDetector.isColumnNumberRow(new RawRow(3, List.of("(1)", "(2)", "(3)", "(4)")))).isTrue();
		assertThat(HeaderDetector.isColumnNumberRow(new RawRow(3, List.of("0101", "一支部", "3", "4")))).isFalse();
		assertThat(HeaderDetector.isColumnNumberRow(new RawRow(3, List.of("", "", "5", "9")))).isFalse();
	}

	@Test
	void aliasesAndEnglishNamesMatch() {
		// given
		List<RawRow> rows = Rows.of(row("Unit_Code", "name", "支部数", "查摆问题数", "措施数", "已整改数"));
		// when
		Header<TallyColumn> header = HeaderDetector.detect(rows, TallyColumn.HEADER).orElseThrow();
		// then
		assertThat(header.columns().values()).containsExactly(UNIT_CODE, UNIT_NAME, BRANCHES, ISSUES_FOUND, MEASURES,
				COMPLETED);
	}

	@Test
	void noHeaderInTheFirstTwentyRows() {
		// given
		String[][] filler = new String[21][];
		for (int i = 0; i < 20; i++) {
			filler[i] = row("说明文字" + i);
		}
		filler[20] = row("单位编码", "党支部数");
		// when / then
		assertThat(HeaderDetector.detect(Rows.of(filler), TallyColumn.HEADER)).isEmpty();
	}

	@Test
	void headerWithUnitCodeButNoCountIsNotAHeader() {
		assertThat(HeaderDetector.detect(Rows.of(row("单位编码", "单位名称", "联系人")), TallyColumn.HEADER)).isEmpty();
	}

}
