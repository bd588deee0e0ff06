package org.tallyrollup.system;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The disk looked at is the output folder's, made or not yet. */
class OutputDiskHealthTests {

	@TempDir
	Path folder;

	@Test
	void anOutputFolderNotMadeYetIsLookedAtThroughItsNearestExistingParent() throws Exception {
		Path output = this.folder.resolve("data/output");
		assertThat(OutputDiskHealth.existing(output)).isEqualTo(this.folder.toAbsolutePath().normalize());
		Files.createDirectories(output);
		assertThat(OutputDiskHealth.existing(output)).isEqualTo(output.toAbsolutePath().normalize());
	}

}
