package org.tallyrollup.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 填报模板 for scripts: {@code GET /api/templates?unit=CODE[&period=P]}. */
@RestController
@RequestMapping("/api/templates")
class TemplateApiController {

	private final Templates templates;

	TemplateApiController(Templates templates) {
		this.templates = templates;
	}

	@GetMapping
	ResponseEntity<byte[]> template(@RequestParam(required = false) String unit,
			@RequestParam(required = false) String period) {
		return this.templates.download(unit, period);
	}

}
