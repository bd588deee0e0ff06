package org.tallyrollup.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import org.tallyrollup.run.RunRefusedException;
import org.tallyrollup.system.TallyProperties;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API's controllers, security rules and problem answers on their own, without the
 * job, the database or a run: what reaches the run package is replaced, so each refusal
 * the run package can give is answered as the API promises (SPEC.md: RFC 9457 problems,
 * the reason in Chinese in {@code detail}).
 */
@WebMvcTest(controllers = { RunApiController.class, PeriodApiController.class },
		properties = { "TALLY_ADMIN_PASSWORD=admin-secret", "TALLY_VIEWER_PASSWORD=viewer-secret",
				"tally.data-dir=target/web-slice-data" })
@Import({ SecurityConfiguration.class, RunApiSliceTests.Properties.class })
class RunApiSliceTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RunService runs;

	@MockitoBean
	Workbooks workbooks;

	@MockitoBean
	PeriodViews periods;

	@Test
	void eachRefusalOfTheRunPackageIsItsProblem() throws Exception {
		refuse(RunRefusedException.Reason.BAD_PERIOD, "报告期“2023-13”不是有效的报告期");
		start().andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("报告期“2023-13”不是有效的报告期"))
			.andExpect(jsonPath("$.status").value(400));
		refuse(RunRefusedException.Reason.NO_INPUT, "没有报告期 2023-11 的文件夹");
		start().andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("没有报告期 2023-11 的文件夹"));
		refuse(RunRefusedException.Reason.ALREADY_RUNNING, "报告期 2023-11 正在汇总");
		start().andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("报告期 2023-11 正在汇总"));
		refuse(RunRefusedException.Reason.OUTPUT_NOT_WRITABLE, "输出文件夹不可写");
		start().andExpect(status().isInternalServerError()).andExpect(jsonPath("$.detail").value("输出文件夹不可写"));
	}

	@Test
	void aRunIsStartedInTheNameOfTheUserWhoAsked() throws Exception {
		refuse(RunRefusedException.Reason.ALREADY_RUNNING, "报告期 2023-11 正在汇总");
		this.mvc.perform(post("/api/runs").param("period", "2023-11").with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isConflict());
		verify(this.runs).start("2023-11", "web:admin");
	}

	@Test
	void aBadPeriodInAListIsRefusedBeforeTheRunPackageIsAsked() throws Exception {
		this.mvc.perform(get("/api/runs").param("period", "../2023-11").with(user("viewer").roles("VIEWER")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").exists());
		verifyNoInteractions(this.runs);
	}

	@Test
	void anUnknownRunIsNotFound() throws Exception {
		given(this.runs.viewWithComparison(anyLong())).willThrow(new RunNotFoundException("没有编号为 42 的汇总"));
		this.mvc.perform(get("/api/runs/42").with(user("viewer").roles("VIEWER")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("没有编号为 42 的汇总"));
	}

	@Test
	void theRolesAreCheckedBeforeTheRunPackageIsAsked() throws Exception {
		this.mvc.perform(post("/api/runs").param("period", "2023-11")).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/api/runs").param("period", "2023-11").with(httpBasic("viewer", "viewer-secret")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/periods")).andExpect(status().isUnauthorized());
		verify(this.runs, never()).start(any(), any());
		verifyNoInteractions(this.periods);
		given(this.periods.list()).willReturn(List.of());
		this.mvc.perform(get("/api/periods").with(httpBasic("viewer", "viewer-secret")))
			.andExpect(status().isOk())
			.andExpect(content().json("[]"));
	}

	private org.springframework.test.web.servlet.ResultActions start() throws Exception {
		return this.mvc.perform(post("/api/runs").param("period", "2023-11").with(user("admin").roles("ADMIN")));
	}

	private void refuse(RunRefusedException.Reason reason, String message) {
		willThrow(new RunRefusedException(reason, message)).given(this.runs).start(any(), any());
	}

	/** The properties the security configuration reads (the user store's). */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ WebProperties.class, TallyProperties.class })
	static class Properties {

	}

}
