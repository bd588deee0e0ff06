package org.tallyrollup.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import org.tallyrollup.system.TallyProperties;
import org.tallyrollup.tally.PeriodFolders;
import org.tallyrollup.run.RunHistory;

/**
 * Finds the workbook of a run, or the latest of a period, and sends it. Only a file the
 * run recorded as its workbook, inside the output folder, is ever sent: a request names a
 * run or a period, never a path.
 */
@Component
class Workbooks {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final RunHistory history;

	private final RunService runs;

	private final WebProperties properties;

	private final TallyProperties folders;

	Workbooks(RunHistory history, RunService runs, WebProperties properties, TallyProperties folders) {
		this.history = history;
		this.runs = runs;
		this.properties = properties;
		this.folders = folders;
	}

	ResponseEntity<Resource> ofRun(long id) {
		JobExecution last = this.runs.last(id);
		if (last.getStatus() != BatchStatus.COMPLETED) {
			throw new RunNotFoundException("编号为 " + id + " 的汇总没有完成，没有汇总表");
		}
		return send(last.getJobInstance(), RunHistory.period(last));
	}

	ResponseEntity<Resource> latest(String period) {
		if (!PeriodFolders.isValidLabel(period)) {
			throw new BadPeriodException(period);
		}
		JobExecution last = this.history.latestCompleted(period)
			.orElseThrow(() -> new RunNotFoundException("报告期 " + period + " 还没有完成的汇总"));
		return send(last.getJobInstance(), period);
	}

	private ResponseEntity<Resource> send(JobInstance run, String period) {
		Path file = recordedFile(run, period);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					attachment(this.properties.downloadName().replace("{period}", period),
							file.getFileName().toString()))
			.body(new FileSystemResource(file));
	}

	private Path recordedFile(JobInstance run, String period) {
		String recorded = this.history.workbook(run)
			.orElseThrow(() -> new RunNotFoundException("编号为 " + run.getInstanceId() + " 的汇总没有记录汇总表"));
		Path file = Path.of(recorded).toAbsolutePath().normalize();
		Path root = this.folders.outputPath();
		boolean inside;
		try {
			inside = file.startsWith(root) && file.getFileName().toString().equals("rollup_" + period + ".xlsx")
					&& Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
					&& file.toRealPath().startsWith(root.toRealPath());
		}
		catch (IOException ex) {
			inside = false;
		}
		if (!inside) {
			throw new RunNotFoundException("编号为 " + run.getInstanceId() + " 的汇总的汇总表不在输出文件夹中，或已被删除");
		}
		return file;
	}

	/**
	 * {@code attachment} with the name in UTF-8 (RFC 6266 and 5987) and an ASCII name for
	 * clients that do not read that.
	 */
	static String attachment(String name, String asciiFallback) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		String fallback = asciiFallback.replaceAll("[^A-Za-z0-9._-]", "_");
		return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
	}

}
