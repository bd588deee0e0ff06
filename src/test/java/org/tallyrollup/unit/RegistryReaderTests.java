package org.tallyrollup.unit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

}
