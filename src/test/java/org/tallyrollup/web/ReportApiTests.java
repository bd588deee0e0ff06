package org.tallyrollup.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.tallyrollup.TestFolders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 较上期, the 综述 and the 填报模板, on the page and through the API. */
class ReportApiTests extends WebTestSupport {

	private static final String EARLIER = "2023-10";

	@Test
	void aRunShowsTheChangeSinceThePreviousPeriod() throws Exception {
		// given an earlier period holding the sample's sheets, but for 2 fewer 检视问题
		// of one branch of 高新区 (and the rows of the sheets that name 2023-11 as their
		// period rejected there)
		earlierPeriod();
		long earlier = start(EARLIER);
		long later = start(PERIOD);

		// then the later run's roots are compared with the earlier run
		String laterJson = this.mvc.perform(viewer(get("/api/runs/{id}", later)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rowsAccepted").value(58))
			.andExpect(jsonPath("$.workbookAvailable").value(true))
			.andExpect(jsonPath("$.comparison.period").value(PERIOD))
			.andExpect(jsonPath("$.comparison.previousPeriod").value(EARLIER))
			.andExpect(jsonPath("$.comparison.units[0].code").value("01"))
			.andExpect(jsonPath("$.comparison.units[0].hasPrevious").value(true))
			.andExpect(jsonPath("$.comparison.units[0].issuesFound").value(320))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String earlierJson = this.mvc.perform(viewer(get("/api/runs/{id}", earlier)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String count : List.of("issuesFound", "measures", "completed")) {
			assertThat(number(laterJson, "$.comparison.units[0]." + count + "Change")).as(count)
				.isEqualTo(number(laterJson, "$.comparison.units[0]." + count)
						- number(earlierJson, "$.comparison.units[0]." + count));
		}
		long issuesChange = number(laterJson, "$.comparison.units[0].issuesFoundChange");
		assertThat(issuesChange).isNotZero().isEqualTo(rootIssuesFound(later) - rootIssuesFound(earlier));
		List<Integer> levels = JsonPath.read(laterJson, "$.comparison.units[*].level");
		assertThat(levels).isNotEmpty().containsOnly(1);
		double rate = ((Number) JsonPath.read(laterJson, "$.comparison.units[0].completionRate")).doubleValue();
		double previousRate = ((Number) JsonPath.read(earlierJson, "$.comparison.units[0].completionRate"))
			.doubleValue();
		assertThat(((Number) JsonPath.read(laterJson, "$.comparison.units[0].completionRateChange")).doubleValue())
			.isCloseTo(rate - previousRate, org.assertj.core.data.Offset.offset(0.001));

		// and the page says so, signed
		this.mvc.perform(viewer(get("/runs/{id}", later)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("较上期")))
			.andExpect(content().string(containsString("与报告期 2023-10 相比")))
			.andExpect(content().string(
					containsString(">" + ((issuesChange > 0) ? "+" + issuesChange : "\u2212" + (-issuesChange)) + "<")))
			.andExpect(content().string(containsString("个百分点")));

		// and the earlier run, with nothing before it, has no previous figures
		this.mvc.perform(viewer(get("/api/runs/{id}", earlier)))
			.andExpect(jsonPath("$.comparison.period").value(EARLIER))
			.andExpect(jsonPath("$.comparison.previousPeriod").doesNotExist())
			.andExpect(jsonPath("$.comparison.units[0].hasPrevious").value(false))
			.andExpect(jsonPath("$.comparison.units[0].issuesFoundChange").doesNotExist());
		this.mvc.perform(viewer(get("/runs/{id}", earlier))).andExpect(content().string(containsString("无上期数据")));
	}

	private static long number(String json, String path) {
		return ((Number) JsonPath.read(json, path)).longValue();
	}

	@Test
	void theListOfRunsCarriesNoComparison() throws Exception {
		start(PERIOD);
		this.mvc.perform(viewer(get("/api/runs")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].comparison").doesNotExist());
	}

	@Test
	void aCompletedRunHasTheSentencesOfTheReport() throws Exception {
		long id = start(PERIOD);

		MvcResult result = this.mvc.perform(viewer(get("/api/runs/{id}/narrative", id)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.period").value(PERIOD))
			.andExpect(jsonPath("$.units[0].code").value("01"))
			.andExpect(jsonPath("$.units[0].name").value("中共江州市委"))
			.andExpect(jsonPath("$.units[0].level").value(1))
			.andExpect(jsonPath("$.units[0].text").value(containsString("320")))
			.andExpect(jsonPath("$.units[1].level").value(2))
			.andReturn();
		String body = result.getResponse().getContentAsString();
		List<String> texts = JsonPath.read(body, "$.units[*].text");
		assertThat((String) JsonPath.read(body, "$.text")).isEqualTo(String.join("\n\n", texts));

		// the page shows them in a box to copy
		this.mvc.perform(viewer(get("/runs/{id}", id)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"narrative\"")))
			.andExpect(content().string(containsString("复制")))
			.andExpect(content().string(containsString(texts.get(0))));
	}

	@Test
	void aRunNotCompletedHasNoSentences() throws Exception {
		JobExecution going = runningExecution(PERIOD);
		try {
			this.mvc.perform(viewer(get("/api/runs/{id}/narrative", going.getJobInstanceId())))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail").value(containsString("没有完成")));
			this.mvc.perform(viewer(get("/runs/{id}", going.getJobInstanceId())))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"narrative\""))));
		}
		finally {
			going.setStatus(BatchStatus.ABANDONED);
			going.setEndTime(LocalDateTime.now());
			this.jobRepository.update(going);
		}
		this.mvc.perform(viewer(get("/api/runs/987654321/narrative"))).andExpect(status().isNotFound());
	}

	@Test
	void aTemplateDownloadsForAUnitOfTheRegistry() throws Exception {
		MvcResult result = this.mvc.perform(viewer(get("/api/templates").param("unit", "0101")))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE,
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn();

		String disposition = result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION);
		assertThat(disposition).startsWith("attachment;").contains("filename=\"0101_2023-11_template.xlsx\"");
		ContentDisposition parsed = ContentDisposition.parse(disposition);
		assertThat(parsed.getFilename()).isEqualTo("0101_2023-11_填报模板.xlsx");
		assertThat(parsed.getCharset()).isEqualTo(StandardCharsets.UTF_8);
		List<String> codes = unitCodes(result.getResponse().getContentAsByteArray());
		assertThat(codes).first().isEqualTo("0101");
		assertThat(codes).hasSizeGreaterThan(1).allMatch((code) -> code.startsWith("0101"));
	}

	@Test
	void aTemplateMayBeForAnotherPeriodAndComesFromThePageToo() throws Exception {
		MvcResult result = this.mvc
			.perform(admin(get("/api/templates").param("unit", " 0101 ").param("period", "2024-01")))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(
				ContentDisposition.parse(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).getFilename())
			.isEqualTo("0101_2024-01_填报模板.xlsx");

		MvcResult page = this.mvc.perform(viewer(get("/templates").param("unit", "0101").param("period", "")))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("attachment;")))
			.andReturn();
		assertThat(unitCodes(page.getResponse().getContentAsByteArray())).first().isEqualTo("0101");
		this.mvc.perform(viewer(get("/"))).andExpect(content().string(containsString("id=\"download-template\"")));
	}

	@Test
	void aUnitNotInTheRegistryIsNotFound() throws Exception {
		this.mvc.perform(viewer(get("/api/templates").param("unit", "9999")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("不在单位名册中")));
		this.mvc.perform(viewer(get("/templates").param("unit", "9999")))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("problem", containsString("不在单位名册中")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "..", "../input", "2023_11", "2023 11", "2023-11/..", "%2e%2e", "２０２３" })
	void aBadPeriodIsRefused(String period) throws Exception {
		this.mvc.perform(viewer(get("/api/templates").param("unit", "0101").param("period", period)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("报告期")));
	}

	@Test
	void aMissingOrMalformedUnitCodeIsRefused() throws Exception {
		this.mvc.perform(viewer(get("/api/templates"))).andExpect(status().isBadRequest());
		this.mvc.perform(viewer(get("/api/templates").param("unit", " ")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("请填写单位编码"));
		this.mvc.perform(viewer(get("/api/templates").param("unit", "0".repeat(65))))
			.andExpect(status().isBadRequest());
		this.mvc.perform(viewer(get("/api/templates").param("unit", "01\n01"))).andExpect(status().isBadRequest());
	}

	@Test
	void anAnonymousCallerGetsNoTemplate() throws Exception {
		this.mvc.perform(get("/api/templates").param("unit", "0101")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/templates").param("unit", "0101"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
	}

	/** 2023-10: the sample's sheets, with 0103010101's 检视问题数 5 as 3 (and its 合计). */
	private static synchronized void earlierPeriod() throws Exception {
		Path folder = ROOT.resolve("input").resolve(EARLIER);
		if (Files.isDirectory(folder)) {
			return;
		}
		Path copy = ROOT.resolve("copy-" + EARLIER);
		TestFolders.copy(ROOT.resolve("input").resolve(PERIOD), copy);
		Path sheet = copy.resolve("高新区/高新区.csv");
		// the sheet is in GBK: its ASCII bytes can be replaced as Latin-1 characters
		String text = new String(Files.readAllBytes(sheet), StandardCharsets.ISO_8859_1);
		String changed = text.replace(",0103010101,", ",0103010101,")
			.replaceFirst("(,0103010101,[^,]*,1,21,)5,", "$13,")
			.replace(",11,280,51,", ",11,280,49,");
		assertThat(changed).isNotEqualTo(text);
		Files.write(sheet, changed.getBytes(StandardCharsets.ISO_8859_1));
		Files.move(copy, folder);
	}

	private long rootIssuesFound(long run) throws Exception {
		byte[] workbook = this.mvc.perform(viewer(get("/api/runs/{id}/workbook", run)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return WebTestSupport.rootIssuesFound(new ByteArrayInputStream(workbook));
	}

	private static List<String> unitCodes(byte[] template) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Sheet sheet = book.getSheet("统计表");
			List<String> codes = new ArrayList<>();
			for (Row row : sheet) {
				if (row.getRowNum() >= 3 && row.getCell(0) != null) {
					codes.add(row.getCell(0).getStringCellValue());
				}
			}
			return codes;
		}
	}

	private long start(String period) throws Exception {
		MvcResult result = this.mvc.perform(admin(post("/api/runs").param("period", period)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andReturn();
		return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
	}

	private static MockHttpServletRequestBuilder viewer(MockHttpServletRequestBuilder request) {
		return request.with(user("viewer").roles("VIEWER"));
	}

	private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return request.with(user("admin").roles("ADMIN"));
	}

}
