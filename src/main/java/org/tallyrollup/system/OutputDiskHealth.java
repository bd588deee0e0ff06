package org.tallyrollup.system;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The health of the disk the workbooks are written to (/actuator/health's
 * {@code diskSpace}), in place of Boot's, which looks at the working directory or, told
 * the output folder, finds no space on a folder not made yet (before the first run) and
 * reports the service down. This one looks at the nearest folder that exists on the way
 * to the output folder.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(DiskSpaceHealthIndicator.class)
class OutputDiskHealth {

	/** Less free space than a province's workbook takes a few times over. */
	private static final DataSize THRESHOLD = DataSize.ofMegabytes(100);

	@Bean
	DiskSpaceHealthIndicator diskSpaceHealthIndicator(TallyProperties properties) {
		return new DiskSpaceHealthIndicator(existing(properties.outputPath()).toFile(), THRESHOLD);
	}

	static Path existing(Path folder) {
		Path path = folder.toAbsolutePath().normalize();
		while (path.getParent() != null && !Files.isDirectory(path)) {
			path = path.getParent();
		}
		return path;
	}

}
