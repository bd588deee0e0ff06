package org.tallyrollup.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import org.tallyrollup.job.JobRunner.Run;
import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.tally.TallyColumn;
import org.tallyrollup.staging.Stores;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roll-up stores its totals a batch at a time on two threads: a registry of several
 * batches comes back whole, once, in hierarchy order, with its sums.
 */
@JobTest
class StoredTotalsJobTests {

	private static final int BRANCHES = 12_345;

	@TempDir
	Path folder;

	@Autowired
	JobRunner runner;

	@Autowired
	Stores staging;

	@Test
	void storesEveryUnitOfARegistryOfSeveralBatchesOnceAndInOrder() {
		// given: a root, 5 districts, 12,345 branches; every branch reports 1 issue
		List<String> registry = new ArrayList<>(List.of("单位编码,单位名称,上级单位编码", "00,市委,"));
		for (int d = 1; d <= 5; d++) {
			registry.add("0" + d + ",第" + d + "区委,00");
		}
		List<String> rows = new ArrayList<>(List.of("单位编码,单位名称,党支部数,检视问题数,整改措施数,已完成整改数"));
		for (int b = 0; b < BRANCHES; b++) {
			String code = String.format("0%d%05d", b % 5 + 1, b);
			registry.add(code + ",支部" + b + ",0" + (b % 5 + 1));
			rows.add(code + ",支部" + b + ",1,1,1,0");
		}
		InputFolder input = new InputFolder(this.folder.resolve("input")).registry(registry.toArray(String[]::new));
		input.csv("2023-11/all.csv", rows.toArray(String[]::new));
		// when
		Run run = this.runner.completed("2023-11", input.root(), this.folder.resolve("output"));
		// then
		List<UnitTotals> stored;
		try (Stream<UnitTotals> totals = this.staging.totals()
			.totals(run.execution().getJobInstanceId(), Integer.MAX_VALUE)) {
			stored = totals.toList();
		}
		assertThat(stored).hasSize(1 + 5 + BRANCHES);
		assertThat(stored.stream().map(UnitTotals::code).distinct()).hasSize(stored.size());
		assertThat(stored.get(0).code()).isEqualTo("00");
		assertThat(stored.get(0).totals()[TallyColumn.ISSUES_FOUND.countIndex()]).isEqualTo(BRANCHES);
		// depth first: each district is followed by its branches
		assertThat(stored.get(1).code()).isEqualTo("01");
		assertThat(stored.get(2 + BRANCHES / 5).code()).isEqualTo("02");
		assertThat(stored.get(2 + BRANCHES / 5).totals()[TallyColumn.ISSUES_FOUND.countIndex()])
			.isEqualTo(BRANCHES / 5);
		assertThat(run.content().codes("分级汇总"))
			.containsExactlyElementsOf(stored.stream().map(UnitTotals::code).toList());
	}

}
