package org.tallyrollup.unit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tallyrollup.unit.RegistryLoader.LoadedRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryPreloadTests {

	private static final String HEADER = "单位编码,单位名称,上级单位编码\n";

	@TempDir
	Path input;

	@Test
	void givesTheRegistryReadInAdvanceOnceToARunOfTheSameFolder() throws Exception {
		// given
		Files.writeString(this.input.resolve("units.csv"), HEADER + "01,市委,\n0101,区委,01\n");
		RegistryPreload preload = RegistryPreload.start(this.input);
		// when
		LoadedRegistry taken = preload.take(this.input.resolve("sub").resolve("..")).orElseThrow();
		// then: the same as the run would have read itself
		LoadedRegistry read = RegistryLoader.load(this.input);
		assertThat(taken.registry().size()).isEqualTo(2);
		assertThat(taken.registry().unit(1).name()).isEqualTo("区委");
		assertThat(taken.fileName()).isEqualTo(read.fileName());
		assertThat(taken.sha256()).isEqualTo(read.sha256());
		assertThat(preload.take(this.input)).isEmpty();
	}

	@Test
	void givesNothingToARunOfAnotherFolder(@TempDir Path other) throws Exception {
		Files.writeString(this.input.resolve("units.csv"), HEADER + "01,市委,\n");
		Files.writeString(other.resolve("units.csv"), HEADER + "01,市委,\n");
		assertThat(RegistryPreload.start(this.input).take(other)).isEmpty();
	}

	@Test
	void givesNothingOnceTheRegistryHasChanged() throws Exception {
		// given: read, then the registry saved again with one unit more
		Path file = this.input.resolve("units.csv");
		Files.writeString(file, HEADER + "01,市委,\n");
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2023-11-20T08:00:00Z")));
		RegistryPreload preload = RegistryPreload.start(this.input);
		preload.awaitRead();
		// when
		Files.writeString(file, HEADER + "01,市委,\n0101,区委,01\n");
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2023-11-21T08:00:00Z")));
		// then
		assertThat(preload.take(this.input)).isEmpty();
	}

	@Test
	void givesNothingWhenASecondRegistryAppeared() throws Exception {
		Files.writeString(this.input.resolve("units.csv"), HEADER + "01,市委,\n");
		RegistryPreload preload = RegistryPreload.start(this.input);
		preload.awaitRead();
		Files.write(this.input.resolve("units.xlsx"), new byte[] { 1, 2, 3 });
		assertThat(preload.take(this.input)).isEmpty();
	}

	@Test
	void leavesAnUnreadableRegistryToTheRunWhichReportsIt() throws Exception {
		// a unit whose parent is not in the registry: the run's own reading fails on it
		Files.writeString(this.input.resolve("units.csv"), HEADER + "01,市委,\n0101,区委,09\n");
		assertThat(RegistryPreload.start(this.input).take(this.input)).isEmpty();
		assertThat(RegistryPreload.start(this.input.resolve("missing")).take(this.input.resolve("missing"))).isEmpty();
	}

}
