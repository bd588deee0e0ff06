package org.tallyrollup.sheet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTests {

	@Test
	void headerDropsWhitespaceLineBreaksAndTrailingBracketedUnit() {
		assertThat(TextNormalizer.header(" 整改措施数\n（条）")).isEqualTo("整改措施数");
		assertThat(TextNormalizer.header("检 视 问 题 数(个)")).isEqualTo("检视问题数");
		assertThat(TextNormalizer.header("已完成整改数　（项）")).isEqualTo("已完成整改数");
	}

	@Test
	void headerMakesFullWidthHalfWidthAndIgnoresCase() {
		assertThat(TextNormalizer.header("ＵＮＩＴ＿ＣＯＤＥ")).isEqualTo("unit_code");
		assertThat(TextNormalizer.header("Issues_Found")).isEqualTo("issues_found");
	}

	@Test
	void headerFormIsItsOwnForm() {
		// units and required-marks after one another all go, so that a header read once
		// matches as one normalised again would
		assertThat(TextNormalizer.header("检视问题数（个）*(项) *")).isEqualTo("检视问题数");
		for (String text : new String[] { "单位 编码*", "整改措施数（条）（条）", "Issues_Found(个)", "(个)", "计划(2023)年" }) {
			String form = TextNormalizer.header(text);
			assertThat(TextNormalizer.header(form)).as(text).isEqualTo(form);
		}
		assertThat(TextNormalizer.header("计划(2023)年")).isEqualTo("计划(2023)年");
	}

	@Test
	void removingWhitespaceFromTextWithoutAnyGivesTheSameText() {
		String text = "检视问题数";
		assertThat(TextNormalizer.removeWhitespace(text)).isSameAs(text);
		assertThat(TextNormalizer.removeWhitespace(" 检视\u3000问题数\n")).isEqualTo("检视问题数");
	}

	@Test
	void trimHandlesIdeographicAndNonBreakingSpaces() {
		assertThat(TextNormalizer.trim("\u3000 0101\u00a0")).isEqualTo("0101");
		assertThat(TextNormalizer.isBlank("\u3000\u00a0 \t")).isTrue();
	}

}
