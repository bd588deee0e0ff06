package org.tallyrollup.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.stereotype.Service;

import org.tallyrollup.narrative.UnitNarrative;
import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.workbook.MissingUnit;
import org.tallyrollup.run.RollupLauncher;
import org.tallyrollup.run.RunHistory;
import org.tallyrollup.run.RunNarratives;
import org.tallyrollup.run.PeriodComparisons;
import org.tallyrollup.run.RunContents;

/** The runs as the server offers them: start, stop, restart, list and look into. */
@Service
public class RunService {

	static final int FIRST_FINDINGS = 10;

	static final int FIRST_MISSING = 200;

	private final RollupLauncher launcher;

	private final RunHistory history;

	private final RunViews views;

	private final RunContents contents;

	private final PeriodComparisons comparisons;

	private final RunNarratives narratives;

	RunService(RollupLauncher launcher, RunHistory history, RunViews views, RunContents contents,
			PeriodComparisons comparisons, RunNarratives narratives) {
		this.launcher = launcher;
		this.history = history;
		this.views = views;
		this.contents = contents;
		this.comparisons = comparisons;
		this.narratives = narratives;
	}

	/**
	 * Starts a run of the period.
	 * @param startedBy who starts it, e.g. {@code web:admin} or {@code schedule}
	 * @throws org.tallyrollup.run.RunRefusedException if it cannot be started
	 */
	public RunView start(String period, String startedBy) {
		JobExecution execution = launch(() -> this.launcher.start(period, startedBy));
		return view(execution.getJobInstanceId());
	}

	public RunView stop(long id) {
		try {
			this.launcher.stop(last(id));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return view(id);
	}

	public RunView restart(long id) {
		JobExecution execution = launch(() -> this.launcher.restart(last(id)));
		return view(execution.getJobInstanceId());
	}

	public RunView view(long id) {
		JobInstance run = run(id);
		List<JobExecution> executions = executions(run);
		return this.views.of(run, executions.get(0), executions.size());
	}

	/** A run with 较上期 of its roots, once it has rolled up. */
	public RunView viewWithComparison(long id) {
		return view(id).withComparison(comparison(last(id)));
	}

	/**
	 * The 综述 sentences of a completed run: each root and each child of a root.
	 * @throws RunNotFoundException if there is no such run or it has not completed
	 */
	public List<UnitNarrative> narratives(long id) {
		JobExecution last = last(id);
		if (last.getStatus() != BatchStatus.COMPLETED) {
			throw new RunNotFoundException("编号为 " + id + " 的汇总没有完成，没有综述");
		}
		return this.narratives.of(last.getId());
	}

	/** The 综述 as one text: a paragraph per unit, separated by blank lines. */
	static String narrativeText(List<UnitNarrative> narratives) {
		return narratives.stream().map(UnitNarrative::text).collect(Collectors.joining("\n\n"));
	}

	private ComparisonView comparison(JobExecution execution) {
		return this.comparisons.roots(execution.getId()).map(ComparisonView::of).orElse(null);
	}

	/** The newest runs first, of one period or of all ({@code null}). */
	public List<RunView> recent(String period, int count) {
		List<RunView> runs = new ArrayList<>();
		for (JobInstance run : this.history.recent(period == null ? count : Math.max(count, 500))) {
			List<JobExecution> executions = this.history.executions(run);
			if (executions.isEmpty()) {
				continue;
			}
			RunView view = this.views.of(run, executions.get(0), executions.size());
			if (period == null || period.equals(view.period())) {
				runs.add(view);
			}
			if (runs.size() == count) {
				break;
			}
		}
		return runs;
	}

	public RunDetails details(long id) {
		JobInstance run = run(id);
		List<JobExecution> executions = executions(run);
		RunView view = this.views.of(run, executions.get(0), executions.size());
		List<TotalsRow> totals;
		try (Stream<UnitTotals> stream = this.contents.totals(id, 2)) {
			totals = stream.map(TotalsRow::of).toList();
		}
		List<MissingUnit> missing;
		try (Stream<MissingUnit> stream = this.contents.missing(id)) {
			missing = stream.limit(FIRST_MISSING).toList();
		}
		long missingTotal = (view.unitsMissing() != null) ? view.unitsMissing() : missing.size();
		List<RunDetails.Attempt> attempts = executions.stream()
			.map((e) -> new RunDetails.Attempt(e.getId(), RunStatusText.of(e.getStatus()), e.getStartTime(),
					e.getEndTime()))
			.toList();
		JobExecution last = executions.get(0);
		List<UnitNarrative> narratives = (last.getStatus() == BatchStatus.COMPLETED) ? this.narratives.of(last.getId())
				: List.of();
		return new RunDetails(view, totals, missing, missingTotal, findings(id), attempts, comparison(last),
				narratives);
	}

	private List<RunDetails.FindingGroup> findings(long id) {
		Map<Rule, List<Finding>> first = new EnumMap<>(Rule.class);
		Map<Rule, Long> counts = new EnumMap<>(Rule.class);
		try (Stream<Finding> findings = this.contents.findings(id)) {
			findings.forEach((finding) -> {
				counts.merge(finding.rule(), 1L, Long::sum);
				List<Finding> rows = first.computeIfAbsent(finding.rule(), (rule) -> new ArrayList<>());
				if (rows.size() < FIRST_FINDINGS) {
					rows.add(finding);
				}
			});
		}
		return counts.entrySet()
			.stream()
			.map((e) -> new RunDetails.FindingGroup(e.getKey(), e.getValue(), first.get(e.getKey())))
			.toList();
	}

	JobInstance run(long id) {
		return this.history.run(id).orElseThrow(() -> notFound(id));
	}

	/** The latest execution of the run of that id. */
	JobExecution last(long id) {
		JobExecution last = this.history.last(run(id));
		if (last == null) {
			throw notFound(id);
		}
		return last;
	}

	/** A run's executions, the latest first; a run has at least one. */
	private List<JobExecution> executions(JobInstance run) {
		List<JobExecution> executions = this.history.executions(run);
		if (executions.isEmpty()) {
			throw notFound(run.getInstanceId());
		}
		return executions;
	}

	private static RunNotFoundException notFound(long id) {
		return new RunNotFoundException("没有编号为 " + id + " 的汇总");
	}

	private static JobExecution launch(Launch launch) {
		try {
			return launch.run();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("汇总无法启动：" + ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface Launch {

		JobExecution run() throws Exception;

	}

}
