package org.tallyrollup.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.tallyrollup.TestFolders;
import org.tallyrollup.testhooks.PausePoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A run going in the background, as on the server: stopped while it reads, then restarted
 * once its thread is done, it completes without counting a row twice.
 */
@SpringBootTest(properties = { "tally.web.async-runs=true", "tally.schedule.enabled=false", "tally.chunk-size=1",
		"spring.datasource.url=jdbc:h2:mem:stop-restart-tests;DB_CLOSE_DELAY=-1", "TALLY_ADMIN_PASSWORD=admin-secret",
		"logging.level.org.springframework.batch=WARN" })
@AutoConfigureMockMvc
@DirtiesContext
class StopRestartTests {

	private static final int FILES = 30;

	private static final int FOOTER_LINES = 12;

	private static final Path ROOT = TestFolders.temporary("tally-stop-");

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) throws Exception {
		Path input = Files.createDirectories(ROOT.resolve("input"));
		Files.copy(Path.of("input/units.csv"), input.resolve("units.csv"));
		List<String> codes = Files.readAllLines(input.resolve("units.csv"), StandardCharsets.UTF_8)
			.stream()
			.skip(1)
			.map((line) -> line.substring(0, line.indexOf(',')))
			.toList();
		Path period = Files.createDirectories(input.resolve("2023-12"));
		for (int i = 0; i < FILES; i++) {
			StringBuilder sheet = new StringBuilder("单位编码,党支部数,检视问题数,整改措施数,已完成整改数\n");
			sheet.append(codes.get(i)).append(",1,2,2,1\n");
			for (int line = 0; line < FOOTER_LINES; line++) {
				sheet.append("备注：第").append(line).append("条说明\n");
			}
			Files.writeString(period.resolve(String.format("unit%03d.csv", i)), sheet);
		}
		registry.add("tally.input-dir", () -> input.toString());
		registry.add("tally.output-dir", () -> ROOT.resolve("output").toString());
		registry.add("tally.data-dir", () -> ROOT.resolve("data").toString());
	}

	@Test
	void aStoppedRunContinuesWhereItStoppedWithoutCountingARowTwice() throws Exception {
		// given a run going in the background, held as it opens its third file until it
		// has been told to stop (else a fast machine finishes it first)
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch stopAsked = new CountDownLatch(1);
		PausePoints.onReaching("read-file", 3, () -> {
			held.countDown();
			try {
				stopAsked.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		try {
			stopAndRestart(held, stopAsked);
		}
		finally {
			stopAsked.countDown();
			PausePoints.clear();
		}
	}

	private void stopAndRestart(CountDownLatch held, CountDownLatch stopAsked) throws Exception {
		String started = this.mvc.perform(admin(post("/api/runs").param("period", "2023-12")))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(started, "$.id")).longValue();
		assertThat((Boolean) JsonPath.read(started, "$.running")).isTrue();
		assertThat(held.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

		// when it is stopped while reading, it stops at its next chunk boundary
		this.mvc.perform(admin(post("/api/runs/{id}/stop", id)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value(anyOf(is("STOPPING"), is("STOPPED"))));
		stopAsked.countDown();
		await().atMost(PATIENCE).until(() -> "STOPPED".equals(JsonPath.read(view(id), "$.status")));
		assertThat((Integer) JsonPath.read(view(id), "$.filesRead")).isLessThan(FILES);

		// and restarted, which waits until the stopped thread is done
		await().atMost(PATIENCE)
			.until(() -> this.mvc.perform(admin(post("/api/runs/{id}/restart", id)))
				.andReturn()
				.getResponse()
				.getStatus() == 202);

		// then it completes under the same id, every row counted once
		await().atMost(PATIENCE).until(() -> "COMPLETED".equals(JsonPath.read(view(id), "$.status")));
		String done = view(id);
		assertThat((Integer) JsonPath.read(done, "$.attempts")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(done, "$.rowsAccepted")).isEqualTo(FILES);
		assertThat((Integer) JsonPath.read(done, "$.rowsSkipped")).isEqualTo(FILES * FOOTER_LINES);
		assertThat((Integer) JsonPath.read(done, "$.rowsRejected")).isZero();
		assertThat((Integer) JsonPath.read(done, "$.rowsSuperseded")).isZero();
		byte[] workbook = this.mvc.perform(admin(get("/api/runs/{id}/workbook", id)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(WebTestSupport.rootIssuesFound(new ByteArrayInputStream(workbook))).isEqualTo(2L * FILES);
	}

	private String view(long id) throws Exception {
		return this.mvc.perform(admin(get("/api/runs/{id}", id))).andReturn().getResponse().getContentAsString();
	}

	private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return request.with(user("admin").roles("ADMIN"));
	}

}
