package org.tallyrollup.tally;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CountParserTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "12|12", " 12 |12", "１２|12", "1,234|1234", "12个|12", "12 条|12", "7项|7",
			"3人|3", "5名|5", "2次|2", "4件|4", "6处|6", "8家|8", "12.0|12", "0|0", "１，２３４个|1234", "\u300012\u3000|12" })
	void readsCounts(String raw, long expected) {
		CountValue value = CountParser.parse(raw);
		assertThat(value.valid()).isTrue();
		assertThat(value.value()).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "无", "-", "—", "／", "/" })
	void blankAndNoneWordsAreZero(String raw) {
		assertThat(CountParser.parse(raw)).extracting(CountValue::valid, CountValue::value).containsExactly(true, 0L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "十二", "-3", "12.5", "12个条", "abc", "12 34", "1e3", "#DIV/0!", "12支", "9999999999999999" })
	void refusesAnythingElse(String raw) {
		CountValue value = CountParser.parse(raw);
		assertThat(value.valid()).isFalse();
		assertThat(value.raw()).isEqualTo(raw);
	}

}
