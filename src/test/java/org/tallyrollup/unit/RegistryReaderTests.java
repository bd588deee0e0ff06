package org.tallyrollup.unit;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RegistryReaderTests {

	@Test
	void readsYesNoInEveryUsualSpelling() {
		assertThat(RegistryReader.parseReports("是")).isTrue();
		assertThat(RegistryReader.parseReports("Y")).isTrue();
		assertThat(RegistryReader.parseReports("true")).isTrue();
		assertThat(RegistryReader.parseReports("否")).isFalse();
		assertThat(RegistryReader.parseReports("n")).isFalse();
		assertThat(RegistryReader.parseReports("FALSE")).isFalse();
		assertThat(RegistryReader.parseReports("")).isNull();
		assertThat(RegistryReader.parseReports("也许")).isNull();
	}

	@Test
	void refusesCodesAndNamesLongerThanTheJobStores(@TempDir Path input) throws Exception {
		// given
		Files.writeString(input.resolve("units.csv"),
				"单位编码,单位名称,上级单位编码\n01,市委,\n" + "9".repeat(256) + ",某单位,01\n0102," + "名".repeat(1001) + ",01\n");
		// when, then
		assertThatExceptionOfType(InvalidRegistryException.class).isThrownBy(() -> RegistryLoader.load(input))
			.withMessageContaining("第3行：单位编码超过255个字符")
			.withMessageContaining("第4行：单位名称超过1000个字符");
	}

}
