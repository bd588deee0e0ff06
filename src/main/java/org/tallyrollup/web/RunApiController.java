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
		return this.runs.view(id);
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
