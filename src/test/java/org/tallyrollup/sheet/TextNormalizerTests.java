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
	void trimHandlesIdeographicAndNonBreakingSpaces() {
		assertThat(TextNormalizer.trim("\u3000 0101\u00a0")).isEqualTo("0101");
		assertThat(TextNormalizer.isBlank("\u3000\u00a0 \t")).isTrue();
	}

}
