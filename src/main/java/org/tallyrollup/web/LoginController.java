package org.tallyrollup.web;

import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The login page, and a health check that needs no login. */
@Controller
class LoginController {

	private final JdbcTemplate jdbc;

	LoginController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	/** UP when the job repository answers. */
	@GetMapping("/health")
	@ResponseBody
	ResponseEntity<Map<String, String>> health() {
		try {
			this.jdbc.queryForObject("SELECT 1", Integer.class);
			return ResponseEntity.ok(Map.of("status", "UP"));
		}
		catch (RuntimeException ex) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "DOWN"));
		}
	}

}
