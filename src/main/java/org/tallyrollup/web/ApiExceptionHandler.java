package org.tallyrollup.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import org.tallyrollup.template.TemplateRefusedException;
import org.tallyrollup.unit.InvalidRegistryException;
import org.tallyrollup.run.RunRefusedException;

/**
 * Turns a refusal into an answer a script can act on: 400 for a bad period label, 404 for
 * a missing period folder, run or workbook, 409 while a run of the period is going or
 * when the run is in the wrong state. A 填报模板 for a malformed unit code is 400, for a unit
 * not in the registry (or with nothing to report under it) 404. The body is an RFC 9457
 * problem with the reason in Chinese in {@code detail} (and {@code message}).
 */
@RestControllerAdvice(
		assignableTypes = { RunApiController.class, PeriodApiController.class, TemplateApiController.class })
class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(RunRefusedException ex) {
		HttpStatus status = switch (ex.reason()) {
			case BAD_PERIOD -> HttpStatus.BAD_REQUEST;
			case NO_INPUT -> HttpStatus.NOT_FOUND;
			case OUTPUT_NOT_WRITABLE -> HttpStatus.INTERNAL_SERVER_ERROR;
			case ALREADY_RUNNING, STILL_STOPPING, NOT_RESTARTABLE, NOT_RUNNING -> HttpStatus.CONFLICT;
		};
		if (status.is5xxServerError()) {
			logger.error(ex.getMessage());
		}
		return problem(status, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badPeriod(BadPeriodException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(RunNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badTemplateRequest(Templates.BadTemplateRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> templateRefused(TemplateRefusedException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidRegistry(InvalidRegistryException ex) {
		logger.error(ex.getMessage());
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, ex.getMessage());
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
		problem.setProperty("message", message);
		return ResponseEntity.status(status).body(problem);
	}

}
