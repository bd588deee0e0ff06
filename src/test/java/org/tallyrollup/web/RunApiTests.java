package org.tallyrollup.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The REST API, as an administrator's script uses it. */
class RunApiTests extends WebTestSupport {

	private static long completedRun;

	@Test
	void startRunsThePeriodAndReportsItsCounts() throws Exception {
		// when
		MvcResult started = this.mvc.perform(admin(post("/api/runs").param("period", PERIOD)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.period").value(PERIOD))
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andReturn();
		long id = id(started);
		assertThat(started.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/runs/" + id);

		// then
		this.mvc.perform(admin(get("/api/runs/{id}", id)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.startTime").isNotEmpty())
			.andExpect(jsonPath("$.endTime").isNotEmpty())
			.andExpect(jsonPath("$.filesTotal").value(8))
			.andExpect(jsonPath("$.filesRead").value(8))
			.andExpect(jsonPath("$.rowsAccepted").value(58))
			.andExpect(jsonPath("$.rowsRejected").value(6))
			.andExpect(jsonPath("$.rowsSuperseded").value(1))
			.andExpect(jsonPath("$.rowsSkipped").value(9))
			.andExpect(jsonPath("$.unitsMissing").value(6))
			.andExpect(jsonPath("$.findingsByRule.R3").value(1))
			.andExpect(jsonPath("$.findingsByRule.F1").value(1))
			.andExpect(jsonPath("$.exitMessage").doesNotExist())
			.andExpect(jsonPath("$.startedBy").value("web:admin"))
			.andExpect(jsonPath("$.workbookAvailable").value(true));
	}

	@Test
	void aRunsJobAndStepsAreMeasuredForPrometheus() throws Exception {
		// given
		completedRun();
		// when
		String metrics = this.mvc.perform(admin(get("/actuator/prometheus")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// then: Spring Batch's own timers, by job and by step
		assertThat(metrics)
			.containsPattern("spring_batch_job_seconds_count\\{[^}]*job_name=\"rollupJob\"[^}]*\\} [1-9]")
			.containsPattern("spring_batch_step_seconds_count\\{[^}]*step_name=\"readTallies[^\"]*\"");
	}

	@Test
	void runsAreListedNewestFirst() throws Exception {
		long first = completedRun();
		long second = start();

		String list = this.mvc.perform(admin(get("/api/runs")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		java.util.List<Integer> ids = JsonPath.read(list, "$[*].id");
		assertThat(ids).containsSubsequence((int) second, (int) first);
		assertThat(ids).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void aLaterRunDoesNotReplaceAnEarlierRunsWorkbook() throws Exception {
		// given a run of the period, and its file
		long first = completedRun();
		Path runs = ROOT.resolve("output").resolve(PERIOD).resolve("runs");
		Path firstFile = runs.resolve(first + "/rollup_2023-11.xlsx");
		byte[] firstBytes = Files.readAllBytes(firstFile);
		FileTime firstWritten = Files.getLastModifiedTime(firstFile);

		// when the period is rolled up again
		long second = start();

		// then the first run's download is still its own file
		MvcResult download = this.mvc.perform(admin(get("/api/runs/{id}/workbook", first)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE,
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn();
		assertThat(Files.getLastModifiedTime(firstFile)).isEqualTo(firstWritten);
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(firstBytes);
		assertThat(rootIssuesFound(new ByteArrayInputStream(firstBytes))).isEqualTo(320);
		// and the period's latest workbook is the second run's, also at the path SPEC.md
		// names
		byte[] latest = this.mvc.perform(admin(get("/api/periods/{p}/workbook", PERIOD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(latest).isEqualTo(Files.readAllBytes(runs.resolve(second + "/rollup_2023-11.xlsx")))
			.isEqualTo(Files.readAllBytes(ROOT.resolve("output/2023-11/rollup_2023-11.xlsx")));
	}

	@Test
	void theDownloadIsNamedInChineseWithAnAsciiFallback() throws Exception {
		long id = completedRun();

		String disposition = this.mvc.perform(admin(get("/api/runs/{id}/workbook", id)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.CONTENT_DISPOSITION);

		assertThat(disposition).startsWith("attachment;")
			.contains("filename=\"rollup_2023-11.xlsx\"")
			.contains("filename*=UTF-8''%E4%B8%BB%E9%A2%98");
		ContentDisposition parsed = ContentDisposition.parse(disposition);
		assertThat(parsed.isAttachment()).isTrue();
		assertThat(parsed.getFilename()).isEqualTo("主题教育进展汇总_2023-11.xlsx");
		assertThat(parsed.getCharset()).isEqualTo(StandardCharsets.UTF_8);
	}

	@ParameterizedTest
	@ValueSource(strings = { "..", "../input", "/etc/passwd", "2023_11", "2023 11", "2023-11/..", "C:\\temp", "",
			"%2e%2e", "２０２３" })
	void aPeriodLabelThatIsNotLettersDigitsAndDashIsRefused(String period) throws Exception {
		this.mvc.perform(admin(post("/api/runs").param("period", period)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").isNotEmpty());
	}

	@Test
	void aPeriodOfTooManyCharactersIsRefused() throws Exception {
		this.mvc.perform(admin(post("/api/runs").param("period", "9".repeat(65)))).andExpect(status().isBadRequest());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/periods/%2e%2e/workbook", "/api/periods/..%2Foutput/workbook",
			"/api/periods/2023.11/workbook", "/api/periods/%2Fetc%2Fpasswd/workbook", "/api/runs/..%2F1/workbook",
			"/api/runs/1%2F..%2F2/workbook", "/api/runs/abc", "/api/runs?period=..", "/api/runs/-1/../1/workbook" })
	void aPathThatIsNotARunOrAPeriodIsRefused(String uri) throws Exception {
		this.mvc.perform(admin(get(URI.create(uri)))).andExpect(status().isBadRequest());
	}

	@Test
	void aMissingPeriodFolderIsNotFound() throws Exception {
		this.mvc.perform(admin(post("/api/runs").param("period", "2099-01")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").isNotEmpty());
		this.mvc.perform(admin(get("/api/periods/2099-01/workbook"))).andExpect(status().isNotFound());
	}

	@Test
	void anUnknownRunIsNotFound() throws Exception {
		this.mvc.perform(admin(get("/api/runs/987654321"))).andExpect(status().isNotFound());
		this.mvc.perform(admin(get("/api/runs/987654321/workbook"))).andExpect(status().isNotFound());
		this.mvc.perform(admin(post("/api/runs/987654321/stop"))).andExpect(status().isNotFound());
		this.mvc.perform(admin(post("/api/runs/987654321/restart"))).andExpect(status().isNotFound());
	}

	@Test
	void aSecondRunOfAPeriodWhileOneIsGoingIsAConflict() throws Exception {
		// given a run of the period going (as another process would have it)
		JobExecution going = runningExecution(PERIOD);
		try {
			// when, then
			this.mvc.perform(admin(post("/api/runs").param("period", PERIOD)))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("正在汇总")));
			this.mvc.perform(admin(get("/api/runs/{id}", going.getJobInstanceId())))
				.andExpect(jsonPath("$.status").value("STARTED"))
				.andExpect(jsonPath("$.running").value(true));
		}
		finally {
			going.setStatus(BatchStatus.ABANDONED);
			going.setEndTime(LocalDateTime.now());
			this.jobRepository.update(going);
		}
	}

	@Test
	void aStoppedRunIsRestartedUnderTheSameId() throws Exception {
		// given a run going
		long id = runningExecution(PERIOD).getJobInstanceId();

		// when it is stopped
		this.mvc.perform(admin(post("/api/runs/{id}/stop", id)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("STOPPED"));
		this.mvc.perform(admin(post("/api/runs/{id}/stop", id))).andExpect(status().isConflict());

		// then it can be restarted, and completes under the same id
		this.mvc.perform(admin(post("/api/runs/{id}/restart", id)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.attempts").value(2))
			.andExpect(jsonPath("$.rowsAccepted").value(58));
		this.mvc.perform(admin(get("/api/runs/{id}/workbook", id))).andExpect(status().isOk());
	}

	@Test
	void aCompletedRunCannotBeStoppedOrRestarted() throws Exception {
		long id = completedRun();

		this.mvc.perform(admin(post("/api/runs/{id}/stop", id))).andExpect(status().isConflict());
		this.mvc.perform(admin(post("/api/runs/{id}/restart", id)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").isNotEmpty());
	}

	@Test
	void aFailedRunIsRestartedWithoutCountingARowTwice() throws Exception {
		// given a run that failed on a broken registry
		Path registry = ROOT.resolve("input/units.csv");
		byte[] good = Files.readAllBytes(registry);
		long id;
		try {
			Files.writeString(registry, "单位编码,单位名称,上级单位编码\n01,市委,\n01,重复,\n", StandardCharsets.UTF_8);
			MvcResult failed = this.mvc.perform(admin(post("/api/runs").param("period", PERIOD)))
				.andExpect(status().isAccepted())
				.andExpect(jsonPath("$.status").value("FAILED"))
				.andExpect(jsonPath("$.exitMessage").value("单位名册 units.csv 有误，无法汇总（共1处）：单位编码 01 重复（第2、3行）"))
				.andExpect(jsonPath("$.workbookAvailable").value(false))
				.andReturn();
			id = id(failed);
			this.mvc.perform(admin(get("/api/runs/{id}/workbook", id))).andExpect(status().isNotFound());
		}
		finally {
			Files.write(registry, good);
		}

		// when
		this.mvc.perform(admin(post("/api/runs/{id}/restart", id)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.status").value("COMPLETED"));

		// then
		this.mvc.perform(admin(get("/api/runs/{id}", id)))
			.andExpect(jsonPath("$.rowsAccepted").value(58))
			.andExpect(jsonPath("$.attempts").value(2));
		byte[] workbook = this.mvc.perform(admin(get("/api/runs/{id}/workbook", id)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(rootIssuesFound(new ByteArrayInputStream(workbook))).isEqualTo(320);
	}

	@Test
	void theWorkbookServedIsTheOneRecordedInsideTheOutputFolder() throws Exception {
		// given a run whose recorded workbook was moved out of the output folder
		long id = completedRun();
		Path file = ROOT.resolve("output/2023-11/runs/" + id + "/rollup_2023-11.xlsx");
		Path elsewhere = ROOT.resolve("elsewhere.xlsx");
		Files.move(file, elsewhere);
		try {
			// a link in its place that points outside is not followed
			Files.createSymbolicLink(file, elsewhere);
			this.mvc.perform(admin(get("/api/runs/{id}/workbook", id))).andExpect(status().isNotFound());
		}
		finally {
			Files.deleteIfExists(file);
			Files.move(elsewhere, file);
		}
		this.mvc.perform(admin(get("/api/runs/{id}/workbook", id))).andExpect(status().isOk());
	}

	@Test
	void thePeriodsFoundUnderTheInputFolderAreListed() throws Exception {
		completedRun();

		this.mvc.perform(admin(get("/api/periods")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].period").value(PERIOD))
			.andExpect(jsonPath("$[0].tallyFiles").value(6))
			.andExpect(jsonPath("$[0].latestRunId").isNumber());
	}

	/**
	 * A completed run of the sample period, started once for the tests that only read it.
	 */
	private long completedRun() throws Exception {
		if (completedRun == 0) {
			completedRun = start();
		}
		return completedRun;
	}

	private long start() throws Exception {
		return id(this.mvc.perform(admin(post("/api/runs").param("period", PERIOD)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andReturn());
	}

	private static long id(MvcResult result) throws Exception {
		return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
	}

	/** As the administrator (whose password is checked in {@link SecurityTests}). */
	private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return request.with(user("admin").roles("ADMIN"));
	}

}
