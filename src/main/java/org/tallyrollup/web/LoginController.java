package org.tallyrollup.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page (the health check is Actuator's, at /actuator/health). */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
