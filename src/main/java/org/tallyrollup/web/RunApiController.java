package org.tallyrollup.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.tallyrollup.narrative.UnitNarrative;
import org.tallyrollup.tally.PeriodFolders;

/** The runs, for scripts and for the page's progress display. */
@RestController
@RequestMapping("/api/runs")
class RunApiController {

	private final RunService runs;

	private final Workbooks workbooks;

	RunApiController(RunService runs, Workbooks workbooks) {
		this.runs = runs;
		this.workbooks = workbooks;
	}

	@PostMapping
	ResponseEntity<RunView> start(@RequestParam String period, Principal user) {
		RunView run = this.runs.start(period, "web:" + user.getName());
		return ResponseEntity.accepted().location(URI.create("/api/runs/" + run.id())).body(run);
	}

	@GetMapping
	List<RunView> list(@RequestParam(required = false) String period, @RequestParam(defaultValue = "100") int limit) {
		if (period != null && !PeriodFolders.isValidLabel(period)) {
			throw new BadPeriodException(period);
		}
		return this.runs.recent(period, Math.max(1, Math.min(limit, 1000)));
	}

	@GetMapping("/{id}")
	RunView get(@PathVariable long id) {
		return this.runs.viewWithComparison(id);
	}

	/** The 综述 of a completed run, a paragraph per root and per child of a root. */
	@GetMapping("/{id}/narrative")
	NarrativeView narrative(@PathVariable long id) {
		List<UnitNarrative> units = this.runs.narratives(id);
		return new NarrativeView(id, this.runs.view(id).period(), units, RunService.narrativeText(units));
	}

	/**
	 * The 综述 sentences of a run.
	 *
	 * @param id the run's id
	 * @param period its period
	 * @param units the sentences about each root and each child of a root
	 * @param text all of them, a paragraph per unit, as the page copies them
	 */
	record NarrativeView(long id, String period, List<UnitNarrative> units, String text) {
	}

	@PostMapping("/{id}/stop")
	ResponseEntity<RunView> stop(@PathVariable long id) {
		return ResponseEntity.accepted().body(this.runs.stop(id));
	}

	@PostMapping("/{id}/restart")
	ResponseEntity<RunView> restart(@PathVariable long id) {
		return ResponseEntity.accepted().body(this.runs.restart(id));
	}

	@GetMapping("/{id}/workbook")
	ResponseEntity<Resource> workbook(@PathVariable long id) {
		return this.workbooks.ofRun(id);
	}

}
