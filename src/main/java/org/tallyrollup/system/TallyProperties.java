package org.tallyrollup.system;

import java.nio.file.Path;

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
 */
@ConfigurationProperties("tally")
public record TallyProperties(String inputDir, String outputDir, String dataDir, int chunkSize, int maxRowsPerSheet,
		int readThreads) {

	/** The input folder, absolute. */
	public Path inputPath() {
		return Path.of(this.inputDir).toAbsolutePath().normalize();
	}

	/** The output folder, absolute. */
	public Path outputPath() {
		return Path.of(this.outputDir).toAbsolutePath().normalize();
	}

}
