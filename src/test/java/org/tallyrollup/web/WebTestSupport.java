package org.tallyrollup.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.tallyrollup.TestFolders;

/**
 * One server for the MockMvc tests, over a copy of the bundled input, with runs launched
 * synchronously and no schedule. The test classes extending this share its context, so
 * they see each other's runs: compare by run id, not by counting runs.
 */
@SpringBootTest(properties = { "tally.web.async-runs=false", "tally.schedule.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:web-tests;DB_CLOSE_DELAY=-1", "TALLY_ADMIN_PASSWORD=admin-secret",
		"TALLY_VIEWER_PASSWORD=viewer-secret",
		"tally.web.users.clerk.password={bcrypt}$2a$10$nY0FzWCGXh7F0jYU9Gg3ceTBi5ZPb2S4tKO5H9ioCPLNFD00q7wXy",
		"tally.web.users.clerk.role=VIEWER", "logging.level.org.springframework.batch=WARN" })
@AutoConfigureMockMvc
abstract class WebTestSupport {

	static final String PERIOD = "2023-11";

	static final Path ROOT = copyOfSampleInput();

	@Autowired
	MockMvc mvc;

	@Autowired
	JobRepository jobRepository;

	/** A run the repository has as going, with no thread behind it here. */
	JobExecution runningExecution(String period) {
		JobParameters parameters = new JobParametersBuilder().addString("period", period)
			.addString("input", ROOT.resolve("input").toAbsolutePath().toString())
			.addString("output", ROOT.resolve("output").toAbsolutePath().toString(), false)
			.addLong("runId", System.nanoTime())
			.toJobParameters();
		JobInstance instance = this.jobRepository.createJobInstance("rollupJob", parameters);
		JobExecution execution = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		execution.setStartTime(LocalDateTime.now());
		execution.setStatus(BatchStatus.STARTED);
		this.jobRepository.update(execution);
		return execution;
	}

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		registry.add("tally.input-dir", () -> ROOT.resolve("input").toString());
		registry.add("tally.output-dir", () -> ROOT.resolve("output").toString());
		registry.add("tally.data-dir", () -> ROOT.resolve("data").toString());
	}

	static Path copyOfSampleInput() {
		Path root = TestFolders.temporary("tally-web-");
		TestFolders.copy(Path.of("input"), root.resolve("input"));
		return root;
	}

	/** The root 01's 检视问题数 on the 汇总 sheet of a workbook. */
	static long rootIssuesFound(InputStream workbook) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(workbook)) {
			Sheet summary = book.getSheet("汇总");
			int header = -1;
			int column = -1;
			for (Row row : summary) {
				for (var cell : row) {
					if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
							&& "检视问题数".equals(cell.getStringCellValue())) {
						header = row.getRowNum();
						column = cell.getColumnIndex();
					}
				}
				if (header >= 0 && row.getRowNum() > header && row.getCell(0) != null
						&& "01".equals(row.getCell(0).getStringCellValue())) {
					return (long) row.getCell(column).getNumericCellValue();
				}
			}
			throw new AssertionError("no row of root 01 on the 汇总 sheet");
		}
	}

}
