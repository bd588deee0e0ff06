package org.tallyrollup.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import org.tallyrollup.system.TallyProperties;
import org.tallyrollup.tally.PeriodFolders;
import org.tallyrollup.tally.TallyFiles;
import org.tallyrollup.run.RunHistory;

/** The period folders under the input folder, the newest first. */
@Component
class PeriodViews {

	private final TallyProperties folders;

	private final RunHistory history;

	PeriodViews(TallyProperties folders, RunHistory history) {
		this.folders = folders;
		this.history = history;
	}

	List<PeriodView> list() {
		List<String> periods = new ArrayList<>(PeriodFolders.list(this.folders.inputPath()));
		Collections.reverse(periods);
		return periods.stream().map(this::of).toList();
	}

	private PeriodView of(String period) {
		long files = TallyFiles.list(this.folders.inputPath().resolve(period))
			.stream()
			.filter(TallyFiles.Entry::isTally)
			.count();
		Optional<JobExecution> latest = this.history.latestCompleted(period);
		return new PeriodView(period, files, latest.map(JobExecution::getJobInstanceId).orElse(null),
				latest.map(JobExecution::getEndTime).orElse(null));
	}

}
