package org.tallyrollup.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading back what the job and the JVM printed.
 */
class JobOutputTests {

	@Test
	void readsTheSummaryAndTheStepTimes() {
		// given
		String stdout = """
				... o.s.batch.core.step.AbstractStep : Step: [readTallies] executed in 1m2s345ms
				... o.s.batch.core.step.AbstractStep : Step: [rollUp] executed in 45ms
				报告期：2024-W23
				文件：读取 10 个，无法读取 2 个，跳过 3 个文件、2 个工作表
				数据行：共读取 144 行，接受 111，拒绝 9，被替代 3，跳过 21
				校验问题：F1 2 条，R1 1 条，W3 3 条
				""";

		// when
		JobOutput output = JobOutput.parse(stdout);

		// then
		assertThat(output.counts()).containsEntry("files.read", 10L)
			.containsEntry("files.failed", 2L)
			.containsEntry("sheets.skipped", 2L)
			.containsEntry("rows.read", 144L)
			.containsEntry("rows.skipped", 21L);
		assertThat(output.findings()).containsEntry("F1", 2L).containsEntry("R1", 1L).containsEntry("W3", 3L);
		assertThat(output.steps()).containsEntry("readTallies", 62.345).containsEntry("rollUp", 0.045);
	}

	@Test
	void readsThePeakHeapFromTheGcLog(@TempDir Path temp) throws IOException {
		// given
		Path log = temp.resolve("gc.log");
		Files.writeString(log,
				"""
						[0.812s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 12M->1M(256M) 14.132ms
						[5.592s][info][gc] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 89M->6M(256M) 53.617ms
						[9.5s][info][gc,heap,exit]  garbage-first heap   total 262144K, used 40960K [0x00000000f0000000, 0x0000000100000000)
						""");

		// when
		ChildProcess.Heap heap = ChildProcess.heap(log);

		// then
		assertThat(heap.peakMb()).isEqualTo(89.0);
		assertThat(heap.pauseSeconds()).isCloseTo(0.0677, org.assertj.core.data.Offset.offset(0.0001));
	}

}
