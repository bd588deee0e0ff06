package org.tallyrollup.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class InputFingerprintTests {

	@TempDir
	Path input;

	private Path tally;

	@BeforeEach
	void input() throws Exception {
		Files.writeString(this.input.resolve("units.csv"), "单位编码,单位名称\n01,市委\n");
		this.tally = Files.createDirectories(this.input.resolve("2023-11/城东区")).resolve("统计表.csv");
		Files.writeString(this.tally, "单位编码,党支部数\n01,1\n");
		Files.createDirectories(this.input.resolve("2023-10"));
		Files.writeString(this.input.resolve("2023-10/other.csv"), "x");
	}

	@Test
	void theSameInputGivesTheSameFingerprint() {
		assertThat(InputFingerprint.of(this.input, "2023-11")).isEqualTo(InputFingerprint.of(this.input, "2023-11"))
			.hasSize(64);
	}

	@Test
	void anotherPeriodsFilesDoNotCount() throws Exception {
		String before = InputFingerprint.of(this.input, "2023-11");

		Files.writeString(this.input.resolve("2023-10/other.csv"), "changed");

		assertThat(InputFingerprint.of(this.input, "2023-11")).isEqualTo(before);
	}

	@Test
	void aTouchedFileChangesIt() throws Exception {
		String before = InputFingerprint.of(this.input, "2023-11");

		Files.setLastModifiedTime(this.tally, FileTime.from(Instant.now().plusSeconds(60)));

		assertThat(InputFingerprint.of(this.input, "2023-11")).isNotEqualTo(before);
	}

	@Test
	void aFileOfAnotherSizeChangesIt() throws Exception {
		FileTime modified = Files.getLastModifiedTime(this.tally);
		String before = InputFingerprint.of(this.input, "2023-11");

		Files.writeString(this.tally, "单位编码,党支部数\n01,12\n");
		Files.setLastModifiedTime(this.tally, modified);

		assertThat(InputFingerprint.of(this.input, "2023-11")).isNotEqualTo(before);
	}

	@Test
	void anAddedOrRenamedFileChangesIt() throws Exception {
		String before = InputFingerprint.of(this.input, "2023-11");

		Files.move(this.tally, this.tally.resolveSibling("统计表_补报.csv"));
		String renamed = InputFingerprint.of(this.input, "2023-11");
		Files.writeString(this.input.resolve("2023-11/填报通知.docx"), "notice");

		assertThat(renamed).isNotEqualTo(before);
		assertThat(InputFingerprint.of(this.input, "2023-11")).isNotEqualTo(renamed);
	}

	@Test
	void aChangedRegistryChangesIt() throws Exception {
		String before = InputFingerprint.of(this.input, "2023-11");

		Files.writeString(this.input.resolve("units.csv"), "单位编码,单位名称\n01,市委\n02,区委\n");

		assertThat(InputFingerprint.of(this.input, "2023-11")).isNotEqualTo(before);
	}

}
