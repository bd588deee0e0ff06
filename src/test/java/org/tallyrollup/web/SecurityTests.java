package org.tallyrollup.web;

import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may do what, checked on the server for every endpoint: anonymous callers are
 * refused (401, or the login page), a viewer may look and download but every write is
 * refused (403), an administrator may do everything.
 */
class SecurityTests extends WebTestSupport {

	private static long run;

	@BeforeAll
	static void aCompletedRun(@Autowired MockMvc mvc) throws Exception {
		String body = mvc.perform(post("/api/runs").param("period", PERIOD).with(admin()))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		run = ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	static Stream<Arguments> reads() {
		return Stream.of(Arguments.of("/api/runs"), Arguments.of("/api/runs/{id}"), Arguments.of("/api/periods"),
				Arguments.of("/api/runs/{id}/workbook"), Arguments.of("/api/periods/2023-11/workbook"),
				Arguments.of("/api/runs/{id}/narrative"), Arguments.of("/api/templates?unit=0101"));
	}

	static Stream<Arguments> writes() {
		return Stream.of(Arguments.of("/api/runs?period=2023-11"), Arguments.of("/api/runs/{id}/stop"),
				Arguments.of("/api/runs/{id}/restart"));
	}

	static Stream<Arguments> pageWrites() {
		return Stream.of(Arguments.of("/runs?period=2023-11"), Arguments.of("/runs/{id}/stop"),
				Arguments.of("/runs/{id}/restart"));
	}

	@ParameterizedTest
	@MethodSource({ "reads", "writes" })
	void anAnonymousCallerOfTheApiIsUnauthorized(String uri) throws Exception {
		this.mvc.perform(get(uri, run)).andExpect(status().isUnauthorized());
		this.mvc.perform(post(uri, run))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")));
	}

	@ParameterizedTest
	@MethodSource("reads")
	void aViewerMayReadAndDownload(String uri) throws Exception {
		this.mvc.perform(get(uri, run).with(viewer())).andExpect(status().isOk());
	}

	@ParameterizedTest
	@MethodSource("writes")
	void aViewerMayNotWriteThroughTheApi(String uri) throws Exception {
		this.mvc.perform(post(uri, run).with(viewer())).andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@MethodSource("pageWrites")
	void aViewerMayNotWriteThroughThePageEvenWithAToken(String uri) throws Exception {
		this.mvc.perform(post(uri, run).with(viewer()).with(csrf())).andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@MethodSource("pageWrites")
	void aPageWriteNeedsACsrfTokenEvenFromAnAdministrator(String uri) throws Exception {
		this.mvc.perform(post(uri, run).with(admin())).andExpect(status().isForbidden());
	}

	@Test
	void anAdministratorMayStartStopAndRestart() throws Exception {
		this.mvc.perform(post("/api/runs").param("period", PERIOD).with(admin())).andExpect(status().isAccepted());
		// a completed run: allowed to ask, refused for its state, not for the role
		this.mvc.perform(post("/api/runs/{id}/stop", run).with(admin())).andExpect(status().isConflict());
		this.mvc.perform(post("/api/runs/{id}/restart", run).with(admin())).andExpect(status().isConflict());
		this.mvc.perform(post("/runs").param("period", PERIOD).with(admin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("/runs/*"));
	}

	@Test
	void usersFromTheEnvironmentAndFromConfigurationLogIn() throws Exception {
		this.mvc.perform(get("/api/runs").with(httpBasic("admin", "admin-secret"))).andExpect(status().isOk());
		this.mvc.perform(get("/api/runs").with(httpBasic("viewer", "viewer-secret"))).andExpect(status().isOk());
		this.mvc.perform(get("/api/runs").with(httpBasic("clerk", "clerk-secret"))).andExpect(status().isOk());
		this.mvc.perform(post("/api/runs/{id}/stop", run).with(httpBasic("clerk", "clerk-secret")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/runs").with(httpBasic("admin", "wrong"))).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/runs").with(httpBasic("nobody", "admin-secret")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aScriptWithBasicNeedsNoCsrfTokenButABrowserSessionDoes() throws Exception {
		this.mvc.perform(post("/api/runs/{id}/stop", run).with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isConflict());
		// a browser's session cookie alone cannot write
		this.mvc.perform(post("/api/runs/{id}/stop", run).with(admin()).with((request) -> {
			request.setRequestedSessionId("a-session");
			return request;
		})).andExpect(status().isForbidden());
		// nor can a form from another site with the browser's remembered Basic
		// credentials
		this.mvc
			.perform(post("/api/runs/{id}/stop", run).with(httpBasic("admin", "admin-secret"))
				.header("Sec-Fetch-Site", "cross-site"))
			.andExpect(status().isForbidden());
	}

	@Test
	void thePagesNeedALogin() throws Exception {
		this.mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/runs/{id}", run)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/templates").param("unit", "0101"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(post("/runs").param("period", PERIOD).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void theLoginPageAndTheHealthCheckNeedNone() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("用户名")))
			.andExpect(content().string(containsString("_csrf")));
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"status\":\"UP\"}"))
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void actuatorBeyondHealthIsForAdministrators() throws Exception {
		for (String endpoint : new String[] { "/actuator/info", "/actuator/metrics", "/actuator/prometheus" }) {
			this.mvc.perform(get(endpoint)).andExpect(status().isUnauthorized());
			this.mvc.perform(get(endpoint).with(httpBasic("viewer", "viewer-secret")))
				.andExpect(status().isForbidden());
			this.mvc.perform(get(endpoint).with(httpBasic("admin", "admin-secret"))).andExpect(status().isOk());
		}
		this.mvc.perform(get("/actuator/health").with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.diskSpace.status").value("UP"));
		this.mvc.perform(get("/actuator/info").with(httpBasic("admin", "admin-secret")))
			.andExpect(jsonPath("$.build.version").exists());
	}

	@Test
	void aFormLoginLeadsToTheHomePage() throws Exception {
		this.mvc.perform(formLogin("/login").user("viewer").password("viewer-secret"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(formLogin("/login").user("viewer").password("wrong")).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aViewerSeesNoStartButtonAnAdministratorDoes() throws Exception {
		this.mvc.perform(get("/").with(viewer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("汇总记录")))
			.andExpect(content().string(not(containsString("start-run"))))
			.andExpect(content().string(not(containsString("继续汇总"))));
		this.mvc.perform(get("/").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"start-run\"")));
	}

	@Test
	void aRunsPageShowsItsFindingsMissingUnitsAndTotals() throws Exception {
		this.mvc.perform(get("/runs/{id}", run).with(viewer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已完成")))
			.andExpect(content().string(containsString("R3 数值不是非负整数")))
			.andExpect(content().string(containsString("十二")))
			.andExpect(content().string(containsString("桂花社区离退休党员党支部")))
			.andExpect(content().string(containsString("中共江州市委")))
			.andExpect(content().string(containsString("320")));
		this.mvc.perform(get("/runs/{id}", 987654321L).with(viewer())).andExpect(status().isNotFound());
	}

	private static RequestPostProcessor viewer() {
		return user("viewer").roles("VIEWER");
	}

	private static RequestPostProcessor admin() {
		return user("admin").roles("ADMIN");
	}

}
