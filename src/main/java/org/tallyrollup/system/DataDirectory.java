package org.tallyrollup.system;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code tally.data-dir} absolute: H2 refuses a database URL with a path such as
 * {@code data/tally-rollup} that is relative without saying so ({@code ./data}).
 */
class DataDirectory implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "tally.data-dir";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String dataDir = environment.getProperty(PROPERTY);
		if (dataDir == null || dataDir.isBlank() || dataDir.startsWith("~")) {
			return;
		}
		Path path = Path.of(dataDir);
		if (!path.isAbsolute()) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("absoluteDataDir",
						Map.of(PROPERTY, path.toAbsolutePath().normalize().toString())));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
