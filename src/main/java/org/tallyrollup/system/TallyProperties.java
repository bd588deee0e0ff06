package org.tallyrollup.system;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The product's settings ({@code tally.*} in application.properties).
 *
 * @param inputDir the folder holding the unit registry and the period folders
 * @param outputDir the folder the workbooks are written under
 * @param dataDir the folder of the embedded job repository
 * @param chunkSize items per transaction while reading tallies
 * @param maxRowsPerSheet rows per output sheet before it continues on a further sheet
 * @param readThreads workers reading files at once; 0 for one per core
 * @param heartbeat how often a running process tells the job repository it is alive
 * @param staleAfter how long without a heartbeat before a run on another host is taken
 * for dead
 */
@ConfigurationProperties("tally")
public record TallyProperties(String inputDir, String outputDir, String dataDir, int chunkSize, int maxRowsPerSheet,
		int readThreads, Duration heartbeat, Duration staleAfter) {

	private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

	private static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(2);

	public Duration heartbeatOrDefault() {
		return (this.heartbeat != null && !this.heartbeat.isZero()) ? this.heartbeat : DEFAULT_HEARTBEAT;
	}

	public Duration staleAfterOrDefault() {
		return (this.staleAfter != null && !this.staleAfter.isZero()) ? this.staleAfter : DEFAULT_STALE_AFTER;
	}

	/** The input folder, absolute. */
	public Path inputPath() {
		return Path.of(this.inputDir).toAbsolutePath().normalize();
	}

	/** The output folder, absolute. */
	public Path outputPath() {
		return Path.of(this.outputDir).toAbsolutePath().normalize();
	}

}
