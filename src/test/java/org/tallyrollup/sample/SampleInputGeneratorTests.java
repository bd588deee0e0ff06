package org.tallyrollup.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The committed sample input is what {@link SampleInputGenerator} writes, so that an edit
 * to one without the other is caught.
 */
class SampleInputGeneratorTests {

	private static final Path COMMITTED = Path.of("input");

	private static final String BROKEN = SampleInputGenerator.PERIOD + "/市直机关/损坏的文件.xlsx";

	@Test
	void writesTheCommittedFiles(@TempDir Path temp) throws IOException {
		List<String> written = new SampleInputGenerator(temp).generate();
		assertThat(files(temp)).containsExactlyInAnyOrderElementsOf(written);
		assertThat(files(temp)).isEqualTo(files(COMMITTED));
	}

	/**
	 * Workbooks are deflated by the platform's zlib, whose output may differ from one
	 * machine to another, so only the other files are compared byte for byte.
	 */
	@Test
	void writesTheCommittedBytes(@TempDir Path temp) throws IOException {
		new SampleInputGenerator(temp).generate();
		for (String file : files(temp)) {
			if (!isWorkbook(file)) {
				assertThat(temp.resolve(file)).as(file).hasSameBinaryContentAs(COMMITTED.resolve(file));
			}
		}
	}

	@Test
	void workbooksOpenExceptTheBrokenOne() throws IOException {
		for (String file : files(COMMITTED)) {
			if (isWorkbook(file) && !file.equals(BROKEN)) {
				try (Workbook workbook = WorkbookFactory.create(COMMITTED.resolve(file).toFile(), null, true)) {
					assertThat(workbook.getNumberOfSheets()).as(file).isPositive();
				}
			}
		}
		assertThatException()
			.isThrownBy(() -> WorkbookFactory.create(COMMITTED.resolve(BROKEN).toFile(), null, true).close());
	}

	@Test
	void registryHasEveryParent() {
		List<SampleInputGenerator.Unit> units = SampleInputGenerator.registry();
		List<String> codes = units.stream().map(SampleInputGenerator.Unit::code).toList();
		assertThat(codes).doesNotHaveDuplicates();
		for (SampleInputGenerator.Unit unit : units) {
			if (!unit.parent().isEmpty()) {
				assertThat(codes).as(unit.code()).contains(unit.parent());
				assertThat(codes.indexOf(unit.parent())).as(unit.code()).isLessThan(codes.indexOf(unit.code()));
			}
		}
	}

	/**
	 * A workbook written by POI, as opposed to the lock file that only looks like one.
	 */
	private static boolean isWorkbook(String file) {
		String name = file.substring(file.lastIndexOf('/') + 1);
		return !name.startsWith("~$") && (name.endsWith(".xlsx") || name.endsWith(".xls"));
	}

	private static List<String> files(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(Files::isRegularFile)
				.map((path) -> root.relativize(path).toString().replace('\\', '/'))
				.sorted()
				.toList();
		}
	}

}
