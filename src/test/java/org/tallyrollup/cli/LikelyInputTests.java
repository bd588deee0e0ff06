package org.tallyrollup.cli;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The folder whose registry {@code run} reads in advance. */
class LikelyInputTests {

	private static final Map<String, String> ENVIRONMENT = Map.of("TALLY_INPUT_DIR", "/srv/tally/input");

	@Test
	void isTheRunsInputOptionFirst() {
		assertThat(likely(ENVIRONMENT, "run", "--input", "a", "--tally.input-dir=b")).isEqualTo("a");
	}

	@Test
	void isTheSettingOnTheCommandLineThenTheEnvironmentsThenTheDefault() {
		assertThat(likely(ENVIRONMENT, "run", "--tally.input-dir=b", "--tally.input-dir=c")).isEqualTo("c");
		assertThat(likely(ENVIRONMENT, "run", "--period", "2023-11")).isEqualTo("/srv/tally/input");
		assertThat(likely(Map.of(), "run")).isEqualTo("input");
	}

	private static String likely(Map<String, String> environment, String... args) {
		return RunCli.likelyInput(Invocation.parse(args), environment::get);
	}

}
