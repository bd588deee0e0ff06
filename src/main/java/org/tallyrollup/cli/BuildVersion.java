package org.tallyrollup.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version and commit the build recorded. */
class BuildVersion implements IVersionProvider {

	@Override
	public String[] getVersion() throws IOException {
		Properties build = load("META-INF/build-info.properties");
		Properties git = load("git.properties");
		String version = build.getProperty("build.version", "unknown");
		String commit = git.getProperty("git.commit.id.abbrev");
		return new String[] { "tally-rollup " + version + ((commit != null) ? " (" + commit + ")" : "") };
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = BuildVersion.class.getClassLoader().getResourceAsStream(resource)) {
			if (in != null) {
				properties.load(in);
			}
		}
		return properties;
	}

}
