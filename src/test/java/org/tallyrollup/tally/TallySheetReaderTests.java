package org.tallyrollup.tally;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tallyrollup.sheet.RawRow;
import org.tallyrollup.sheet.RowCursor;
import org.tallyrollup.sheet.Rows;
import org.tallyrollup.sheet.SheetInfo;
import org.tallyrollup.tally.TallySheetReader.SheetOpening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallyrollup.sheet.Rows.row;

class TallySheetReaderTests {

	private static final String[] HEADER = row("序号", "单位编码", "单位名称", "党支部数", "检视问题数", "整改措施数", "已完成整改数");

	@Test
	void classifiesEveryRowBelowTheHeader() {
		// given
		List<SheetRow> rows = read(Rows.of(row("统计表"), HEADER, row("1", "0101", "一支部", "1", "3", "4", "2"), row(),
				row("2", "0102", "二支部", "1", "2", "2", "2"), row("合  计", "", "", "2", "5", "6", "4"),
				row("填报人：张三", "", "联系电话：123"), row("", "", "", "", ""), row()));
		// then: header band not counted, trailing blank rows not given
		assertThat(rows).extracting((r) -> r.source().row()).containsExactly(3, 4, 5, 6, 7);
		assertThat(rows.get(0)).isInstanceOf(TallyRecord.class);
		assertThat(((SkippedRow) rows.get(1)).reason()).isEqualTo(SkippedRow.Reason.BLANK);
		assertThat(((SkippedRow) rows.get(3)).reason()).isEqualTo(SkippedRow.Reason.TOTALS);
		assertThat(((SkippedRow) rows.get(3)).warning()).isNull();
		assertThat(((SkippedRow) rows.get(4)).reason()).isEqualTo(SkippedRow.Reason.FOOTER);
	}

	@Test
	void cleansTheCellsOfADataRow() {
		// given
		List<SheetRow> rows = read(Rows.of(HEADER, row("1", " 0101 ", " 一支部 ", "１", "12个", "十二", "")));
		// when
		TallyRecord record = (TallyRecord) rows.get(0);
		// then
		assertThat(record.unitCode()).isEqualTo("0101");
		assertThat(record.unitName()).isEqualTo("一支部");
		assertThat(record.period()).isNull();
		assertThat(record.value(TallyColumn.BRANCHES)).isEqualTo(1);
		assertThat(record.value(TallyColumn.ISSUES_FOUND)).isEqualTo(12);
		assertThat(record.readable(TallyColumn.MEASURES)).isFalse();
		assertThat(record.counts()[TallyColumn.MEASURES.countIndex()].raw()).isEqualTo("十二");
		assertThat(record.value(TallyColumn.COMPLETED)).isZero();
		assertThat(record.counts()[TallyColumn.MEMBERS.countIndex()]).isNull();
		assertThat(record.has(TallyColumn.MEMBERS)).isFalse();
	}

	@Test
	void totalsRowThatDisagreesWithTheRowsAboveGivesW4() {
		// given: 检视问题数 sums to 5, the totals row says 6; an unreadable cell is left out
		// of the sum
		List<SheetRow> rows = read(Rows.of(HEADER, row("1", "0101", "一支部", "1", "3", "abc", "2"),
				row("2", "0102", "二支部", "1", "2", "2", "2"), row("", "合计", "", "2", "6", "2", "4"),
				row("3", "0103", "三支部", "1", "1", "1", "1"), row("小计", "", "", "1", "1", "1", "1")));
		// when
		SkippedRow first = (SkippedRow) rows.get(2);
		SkippedRow second = (SkippedRow) rows.get(4);
		// then
		assertThat(first.warning()).isNotNull();
		assertThat(first.warning().rule()).isEqualTo(Rule.W4);
		assertThat(first.warning().row()).isEqualTo(4);
		assertThat(first.warning().column()).isEqualTo("检视问题数");
		assertThat(first.warning().rawValue()).isEqualTo("6");
		assertThat(second.reason()).isEqualTo(SkippedRow.Reason.TOTALS);
		assertThat(second.warning()).isNull();
	}

	@Test
	void grandTotalAfterSubtotalsCoversEveryRowSinceThePreviousGrandTotal() {
		// given: two blocks with 小计 rows, then a 合计 over both
		List<SheetRow> rows = read(Rows.of(HEADER, row("1", "0101", "一支部", "1", "3", "3", "2"),
				row("小计", "", "", "1", "3", "3", "2"), row("2", "0102", "二支部", "1", "2", "2", "2"),
				row("小计", "", "", "1", "2", "2", "2"), row("合计", "", "", "2", "5", "5", "4")));
		// then: no W4 anywhere
		assertThat(rows).filteredOn(SkippedRow.class::isInstance)
			.extracting((r) -> ((SkippedRow) r).warning())
			.containsOnlyNulls()
			.hasSize(3);
	}

	@Test
	void totalsWordInTheCodeColumnMarksATotalsRow() {
		List<SheetRow> rows = read(
				Rows.of(HEADER, row("1", "0101", "一支部", "1", "3", "3", "2"), row("", "总计", "", "1", "3", "3", "2")));
		assertThat(((SkippedRow) rows.get(1)).reason()).isEqualTo(SkippedRow.Reason.TOTALS);
	}

	@Test
	void rowWithNothingInTheTallyColumnsIsBlank() {
		// given: a template numbered down the 序号 column, one row filled in
		List<SheetRow> rows = read(Rows.of(HEADER, row("1", "0101", "一支部", "1", "3", "3", "2"), row("2"), row("3")));
		// then: counted as skipped blank rows, not as data without a code
		assertThat(rows).hasSize(3);
		assertThat(rows.subList(1, 3))
			.allSatisfy((r) -> assertThat(((SkippedRow) r).reason()).isEqualTo(SkippedRow.Reason.BLANK));
	}

	@Test
	void dataRowWithoutCodeIsStillData() {
		List<SheetRow> rows = read(Rows.of(HEADER, row("1", "", "无编码支部", "1", "3", "3", "2")));
		assertThat(rows.get(0)).isInstanceOf(TallyRecord.class);
		assertThat(((TallyRecord) rows.get(0)).unitCode()).isEmpty();
	}

	@Test
	void sheetWithoutHeaderAndSheetMissingRequiredColumns() {
		SheetOpening none = TallySheetReader.open("a.xlsx", new SheetInfo(0, "说明", false),
				Rows.cursor(Rows.of(row("填表说明"), row("1. 请填写本级数据"))));
		SheetOpening missing = TallySheetReader.open("a.xlsx", new SheetInfo(0, "Sheet1", false),
				Rows.cursor(Rows.of(row("单位编码", "党支部数", "检视问题数"))));
		assertThat(none).isInstanceOf(SheetOpening.NoHeader.class);
		assertThat(missing).isInstanceOf(SheetOpening.MissingColumns.class);
		assertThat(((SheetOpening.MissingColumns) missing).missing()).containsExactly(TallyColumn.MEASURES,
				TallyColumn.COMPLETED);
	}

	@Test
	void givesLongRunsOfBlankRowsOneByOneAndNeverTheTrailingOnes() {
		// given: a data row, 300,000 blank rows, a data row, 300,000 blank rows, made as
		// they are read
		int blanks = 300_000;
		RowCursor cursor = new RowCursor() {

			private int next = 1;

			@Override
			public boolean hasNext() {
				return this.next <= 3 + 2 * blanks;
			}

			@Override
			public RawRow next() {
				int number = this.next++;
				if (number == 1) {
					return new RawRow(1, List.of(HEADER));
				}
				if (number == 2 || number == 3 + blanks) {
					return new RawRow(number, List.of("1", "0101", "一支部", "1", "3", "4", "2"));
				}
				return RawRow.blank(number);
			}

			@Override
			public void close() {
			}

		};
		Iterator<SheetRow> rows = ((SheetOpening.Rows) TallySheetReader.open("a.csv", new SheetInfo(0, "a", false),
				cursor))
			.rows();
		// when
		int count = 0;
		int lastNumber = 0;
		boolean inOrder = true;
		while (rows.hasNext()) {
			SheetRow row = rows.next();
			inOrder &= row.source().row() == lastNumber + 1 || lastNumber == 0;
			lastNumber = row.source().row();
			count++;
		}
		// then
		assertThat(count).isEqualTo(blanks + 2);
		assertThat(lastNumber).isEqualTo(3 + blanks);
		assertThat(inOrder).isTrue();
	}

	@Test
	void keepsAtMostAThousandCharactersOfACell() {
		// given
		String huge = "长".repeat(200_000);
		List<SheetRow> rows = read(Rows.of(HEADER, row("1", huge, huge, "1", huge, "4", "2")));
		// when
		TallyRecord record = (TallyRecord) rows.get(0);
		// then
		assertThat(record.unitCode()).hasSize(TallySheetReader.MAX_KEPT_CHARS).endsWith("…");
		assertThat(record.unitName()).hasSize(TallySheetReader.MAX_KEPT_CHARS);
		assertThat(record.counts()[TallyColumn.ISSUES_FOUND.countIndex()].raw())
			.hasSize(TallySheetReader.MAX_KEPT_CHARS);
		assertThat(record.readable(TallyColumn.ISSUES_FOUND)).isFalse();
	}

	static List<SheetRow> read(List<RawRow> sheet) {
		SheetOpening opening = TallySheetReader.open("区/表.xlsx", new SheetInfo(0, "Sheet1", false), Rows.cursor(sheet));
		List<SheetRow> rows = new ArrayList<>();
		((SheetOpening.Rows) opening).rows().forEachRemaining(rows::add);
		return rows;
	}

}
