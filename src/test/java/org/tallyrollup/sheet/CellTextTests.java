package org.tallyrollup.sheet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellTextTests {

	@Test
	void rendersNumbersWrittenAsText() {
		// given
		String[] raw = { "101", "101.0", "0", "-0", "12.5", "-3", "1.2345678901E10", "1E+20", "0.30000000000000004",
				"12.000000000000002", "0101", "007.0", "1.5E-3", "abc", "" };

		// when
		String[] rendered = new String[raw.length];
		for (int i = 0; i < raw.length; i++) {
			rendered[i] = CellText.number(raw[i]);
		}

		// then
		assertThat(rendered).containsExactly("101", "101", "0", "0", "12.5", "-3", "12345678901",
				"100000000000000000000", "0.3", "12", "101", "7", "0.0015", "abc", "");
	}

	@Test
	void rendersDoubles() {
		// given
		double[] values = { 101.0, 12.0, 12.5, -3, 0.0, -0.0, 1.2345678901E10, 110101199001011234.0, Double.NaN };

		// when
		String[] rendered = new String[values.length];
		for (int i = 0; i < values.length; i++) {
			rendered[i] = CellText.number(values[i]);
		}

		// then
		assertThat(rendered).containsExactly("101", "12", "12.5", "-3", "0", "0", "12345678901", "110101199001011000",
				"#NUM!");
	}

	@Test
	void rendersDatesWithTheirTimeOnlyWhenThereIsOne() {
		// when
		String date = CellText.date(45238.0, false);
		String dateTime = CellText.date(45238.25, false);
		String date1904 = CellText.date(0.0, true);
		String invalid = CellText.date(-5.0, false);

		// then
		assertThat(date).isEqualTo("2023-11-08");
		assertThat(dateTime).isEqualTo("2023-11-08 06:00:00");
		assertThat(date1904).isEqualTo("1904-01-01");
		assertThat(invalid).isEqualTo("-5");
	}

	@Test
	void knowsDateFormatsIncludingChineseBuiltIns() {
		// when, then
		assertThat(CellText.isDateFormat(14, "m/d/yy")).isTrue();
		assertThat(CellText.isDateFormat(176, "yyyy\"年\"m\"月\"d\"日\"")).isTrue();
		assertThat(CellText.isDateFormat(31, null)).isTrue();
		assertThat(CellText.isDateFormat(57, "reserved-0x39")).isTrue();
		assertThat(CellText.isDateFormat(0, "General")).isFalse();
		assertThat(CellText.isDateFormat(3, "#,##0")).isFalse();
		assertThat(CellText.isDateFormat(177, "0\"个\"")).isFalse();
	}

	@Test
	void decodesOfficeOpenXmlEscapes() {
		// when, then
		assertThat(CellText.decodeOoxmlEscapes("单位_x000D_\n编码")).isEqualTo("单位\r\n编码");
		assertThat(CellText.decodeOoxmlEscapes("a_x005F_x000D_b")).isEqualTo("a_x000D_b");
		assertThat(CellText.decodeOoxmlEscapes("unit_xyz_code")).isEqualTo("unit_xyz_code");
		assertThat(CellText.decodeOoxmlEscapes("_x")).isEqualTo("_x");
	}

}
