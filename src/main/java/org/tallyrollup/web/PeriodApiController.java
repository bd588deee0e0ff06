package org.tallyrollup.web;

import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The period folders, and the latest workbook of each. */
@RestController
@RequestMapping("/api/periods")
class PeriodApiController {

	private final PeriodViews periods;

	private final Workbooks workbooks;

	PeriodApiController(PeriodViews periods, Workbooks workbooks) {
		this.periods = periods;
		this.workbooks = workbooks;
	}

	@GetMapping
	List<PeriodView> list() {
		return this.periods.list();
	}

	@GetMapping("/{period}/workbook")
	ResponseEntity<Resource> latestWorkbook(@PathVariable String period) {
		return this.workbooks.latest(period);
	}

}
