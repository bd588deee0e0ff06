package org.tallyrollup.tally.check;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.tallyrollup.sheet.RawRow;
import org.tallyrollup.sheet.Rows;
import org.tallyrollup.sheet.SheetInfo;
import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.tally.TallyRecord;
import org.tallyrollup.tally.TallySheetReader;
import org.tallyrollup.tally.TallySheetReader.SheetOpening;
import org.tallyrollup.unit.Registries;
import org.tallyrollup.unit.UnitRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallyrollup.sheet.Rows.row;

class RowCheckerTests {

	private static final UnitRegistry REGISTRY = Registries.of("01,市委,", "0101,一支部,01", "0102,二支部,01");

	private final RowChecker checker = new RowChecker(REGISTRY, "2023-11");

	private static final String[] BASIC = row("单位编码", "单位名称", "党支部数", "检视问题数", "整改措施数", "已完成整改数");

	private static final String[] WITH_CATEGORIES = row("单位编码", "党支部数", "检视问题数", "整改措施数", "已完成整改数", "党中央关心关注问题数",
			"其他问题数", "报告期");

	@Test
	void cleanRowIsAcceptedWithoutFindings() {
		RowChecker.CheckedRow checked = check(BASIC, row("0101", "一支部", "1", "3", "4", "2"));
		assertThat(checked.accepted()).isTrue();
		assertThat(checked.findings()).isEmpty();
	}

	@Nested
	class Errors {

		@Test
		void r1BlankCode() {
			assertThat(rules(BASIC, row("", "无名支部", "1", "3", "4", "2"))).containsExactly(Rule.R1);
		}

		@Test
		void r2UnknownCode() {
			RowChecker.CheckedRow checked = check(BASIC, row("0199", "某支部", "1", "3", "4", "2"));
			assertThat(checked.accepted()).isFalse();
			assertThat(checked.findings()).singleElement().satisfies((f) -> {
				assertThat(f.rule()).isEqualTo(Rule.R2);
				assertThat(f.unitCode()).isEqualTo("0199");
				assertThat(f.column()).isEqualTo("单位编码");
				assertThat(f.rawValue()).isEqualTo("0199");
				assertThat(f.row()).isEqualTo(2);
				assertThat(f.file()).isEqualTo("区/表.xlsx");
				assertThat(f.sheet()).isEqualTo("Sheet1");
			});
		}

		@Test
		void r3OncePerBadCellNamingColumnAndRawText() {
			List<Finding> findings = check(BASIC, row("0101", "一支部", "一", "3", "十二", "2")).findings();
			assertThat(findings).extracting(Finding::rule, Finding::column, Finding::rawValue)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.R3, "党支部数", "一"),
						org.assertj.core.groups.Tuple.tuple(Rule.R3, "整改措施数", "十二"));
		}

		@Test
		void r4CompletedAboveMeasures() {
			assertThat(rules(BASIC, row("0101", "一支部", "1", "3", "4", "5"))).containsExactly(Rule.R4);
		}

		@Test
		void r5CategoriesPresentMustSumToIssues() {
			assertThat(rules(WITH_CATEGORIES, row("0101", "1", "5", "5", "1", "2", "2", ""))).containsExactly(Rule.R5);
			assertThat(rules(WITH_CATEGORIES, row("0101", "1", "4", "5", "1", "2", "2", ""))).isEmpty();
			// blank category cells count as 0
			assertThat(rules(WITH_CATEGORIES, row("0101", "1", "4", "5", "1", "", "", ""))).containsExactly(Rule.R5);
		}

		@Test
		void r6PeriodGivenAndDifferent() {
			assertThat(rules(WITH_CATEGORIES, row("0101", "1", "4", "5", "1", "2", "2", "2023-10")))
				.containsExactly(Rule.R6);
			assertThat(rules(WITH_CATEGORIES, row("0101", "1", "4", "5", "1", "2", "2", "2023-11"))).isEmpty();
			assertThat(rules(WITH_CATEGORIES, row("0101", "1", "4", "5", "1", "2", "2", "2023年11月"))).isEmpty();
		}

		@Test
		void rowListedOnceForEachRuleItBreaks() {
			assertThat(rules(WITH_CATEGORIES, row("0199", "x", "4", "3", "5", "1", "1", "2023-10")))
				.containsExactly(Rule.R2, Rule.R3, Rule.R4, Rule.R5, Rule.R6);
		}

	}

	@Nested
	class Warnings {

		@Test
		void w1NameDiffersFromRegistry() {
			RowChecker.CheckedRow checked = check(BASIC, row("0101", " 第一支部 ", "1", "3", "4", "2"));
			assertThat(checked.accepted()).isTrue();
			assertThat(checked.findings()).extracting(Finding::rule, Finding::rawValue)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.W1, "第一支部"));
		}

		@Test
		void w1NotForBlankOrTrimmedEqualName() {
			assertThat(rules(BASIC, row("0101", "", "1", "3", "4", "2"))).isEmpty();
			assertThat(rules(BASIC, row("0101", "  一支部\u3000", "1", "3", "4", "2"))).isEmpty();
		}

		@Test
		void w2IssuesWithoutMeasures() {
			assertThat(rules(BASIC, row("0101", "一支部", "1", "3", "0", "0"))).containsExactly(Rule.W2);
		}

		@Test
		void warningsOnlyOnAcceptedRows() {
			RowChecker.CheckedRow checked = check(BASIC, row("0101", "别名", "x", "3", "0", "0"));
			assertThat(checked.accepted()).isFalse();
			assertThat(checked.findings()).extracting(Finding::rule).containsExactly(Rule.R3);
		}

	}

	private List<Rule> rules(String[] header, String[] data) {
		return check(header, data).findings().stream().map(Finding::rule).toList();
	}

	private RowChecker.CheckedRow check(String[] header, String[] data) {
		List<RawRow> rows = Rows.of(header, data);
		SheetOpening opening = TallySheetReader.open("区/表.xlsx", new SheetInfo(0, "Sheet1", false), Rows.cursor(rows));
		TallyRecord record = (TallyRecord) ((SheetOpening.Rows) opening).rows().next();
		return this.checker.check(record);
	}

}
