package org.tallyrollup.bench;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A size's wall times are flagged when other work ran beside its runs, measured while
 * they went, not by the load average their own build leaves behind.
 */
class BusyMachineTests {

	@Test
	void judgesByTheOtherWorkMeasuredDuringTheRuns() {
		assertThat(BenchReport.busy(Map.of("machine.otherCores", "0.08", "machine.load", "2.40", "machine.cores", "2")))
			.isFalse();
		assertThat(BenchReport.busy(Map.of("machine.otherCores", "0.90", "machine.load", "0.10", "machine.cores", "2")))
			.isTrue();
	}

	@Test
	void fallsBackOnTheLoadAverageForOlderResults() {
		assertThat(BenchReport.busy(Map.of("machine.load", "1.50", "machine.cores", "2"))).isTrue();
		assertThat(BenchReport.busy(Map.of("machine.load", "0.50", "machine.cores", "2"))).isFalse();
	}

	@Test
	void readsTheMachinesBusyTime() {
		double before = Machine.busyCpuSeconds();
		assertThat(before).isPositive();
		assertThat(Machine.busyCpuSeconds()).isGreaterThanOrEqualTo(before);
	}

}
