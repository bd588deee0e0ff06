package org.tallyrollup.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.ContentDisposition;

import static org.assertj.core.api.Assertions.assertThat;

class WorkbooksTests {

	@Test
	void theAttachmentNameIsEncodedPerRfc5987WithAnAsciiFallback() {
		String header = Workbooks.attachment("主题教育进展汇总_2023-11.xlsx", "rollup_2023-11.xlsx");

		assertThat(header).isEqualTo("attachment; filename=\"rollup_2023-11.xlsx\"; filename*=UTF-8''"
				+ "%E4%B8%BB%E9%A2%98%E6%95%99%E8%82%B2%E8%BF%9B%E5%B1%95%E6%B1%87%E6%80%BB_2023-11.xlsx");
		ContentDisposition parsed = ContentDisposition.parse(header);
		assertThat(parsed.getFilename()).isEqualTo("主题教育进展汇总_2023-11.xlsx");
		assertThat(parsed.getCharset()).isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void charactersThatWouldBreakTheHeaderAreEncodedOrReplaced() {
		String header = Workbooks.attachment("a \"b\";c%.xlsx", "a \"b\";c.xlsx");

		assertThat(header).isEqualTo("attachment; filename=\"a__b__c.xlsx\"; filename*=UTF-8''a%20%22b%22%3Bc%25.xlsx");
		assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("a \"b\";c%.xlsx");
	}

}
