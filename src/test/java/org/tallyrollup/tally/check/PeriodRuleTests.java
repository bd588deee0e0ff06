package org.tallyrollup.tally.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** R6 (SPEC §3.1): when a 报告期 cell names the run's period. */
class PeriodRuleTests {

	@ParameterizedTest(name = "{0} in {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			2023-11              | 2023-11    | true
			 2023年11月          | 2023-11    | true
			2023年11月份          | 2023-11    | true
			2023.11              | 2023-11    | true
			2023/11              | 2023-11    | true
			202311               | 2023-11    | true
			２０２３－１１           | 2023-11    | true
			2023-11-01           | 2023-11    | true
			2023-11-30           | 2023-11    | true
			2023-11-01 00:00:00  | 2023-11    | true
			2023-11-08T09:30     | 2023-11    | true
			2023/11/1            | 2023-11    | true
			2023.11.15           | 2023-11    | true
			2023年11月1日          | 2023-11    | true
			20231130             | 2023-11    | true
			2023-12-01           | 2023-11    | false
			2023-10-31           | 2023-11    | false
			2022-11-01           | 2023-11    | false
			2023-11-31           | 2023-11    | false
			2023-10              | 2023-11    | false
			202310               | 2023-11    | false
			十一月                 | 2023-11    | false
			2023-W45             | 2023-W45   | true
			2023-w45             | 2023-W45   | true
			2023-11-06           | 2023-W45   | true
			2023-11-12           | 2023-W45   | true
			2023/11/8            | 2023-W45   | true
			2023-11-05           | 2023-W45   | false
			2023-11-13           | 2023-W45   | false
			2023-11              | 2023-W45   | false
			2024-12-30           | 2025-W01   | true
			2023-11-08           | 2023-11-08 | true
			2023/11/8            | 2023-11-08 | true
			2023年11月8日          | 2023-11-08 | true
			2023-11-08 12:00:00  | 2023-11-08 | true
			2023-11-09           | 2023-11-08 | false
			2023-11              | 2023-11-08 | false
			""")
	void namesTheRunsPeriod(String given, String runPeriod, boolean same) {
		assertThat(PeriodRule.samePeriod(given, runPeriod)).isEqualTo(same);
	}

}
