package org.tallyrollup.sheet;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Reading an .xlsx straight through its ZIP: the parts Excel's layout gives, anything
 * else left to POI's package model, and POI's ZIP limits kept.
 */
class XlsxZipPartsTests {

	@TempDir
	Path dir;

	@Test
	void resolvesRelationshipTargetsAsPartNames() {
		assertThat(XlsxZipParts.resolveTarget("/", "xl/workbook.xml")).isEqualTo("/xl/workbook.xml");
		assertThat(XlsxZipParts.resolveTarget("/xl/", "worksheets/sheet1.xml")).isEqualTo("/xl/worksheets/sheet1.xml");
		assertThat(XlsxZipParts.resolveTarget("/xl/", "/xl/worksheets/sheet1.xml"))
			.isEqualTo("/xl/worksheets/sheet1.xml");
		assertThat(XlsxZipParts.resolveTarget("/xl/", "../xl/./styles.xml")).isEqualTo("/xl/styles.xml");
		assertThat(XlsxZipParts.resolveTarget("/xl/", "worksheets/sheet%201.xml"))
			.isEqualTo("/xl/worksheets/sheet 1.xml");
		assertThat(XlsxZipParts.resolveTarget("/xl/", "../../etc/passwd")).isNull();
		assertThat(XlsxZipParts.resolveTarget("/xl/", "http://example.com/a.xml")).isNull();
		assertThat(XlsxZipParts.resolveTarget("/xl/", "")).isNull();
	}

	@Test
	void resolvesTheWorkbookOfAnExcelPackage() throws Exception {
		Path file = Fixtures.write(oneCell(new XSSFWorkbook()), this.dir.resolve("统计表.xlsx"));

		try (ZipFile zip = new ZipFile(file.toFile())) {
			XlsxZipParts parts = XlsxZipParts.resolve(zip);
			assertThat(parts).isNotNull();
			try (var in = parts.sharedStrings()) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("单位编码");
			}
			try (var in = parts.styles()) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("cellXfs");
			}
			assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> parts.sheet("rId99"));
		}
		assertThat(Fixtures.rows(file)).isNotEmpty();
	}

	@Test
	void leavesAnotherOfficeDocumentToPoi() throws Exception {
		Path file = this.dir.resolve("说明.xlsx");
		try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
			document.createParagraph().createRun().setText("情况说明");
			document.write(out);
		}

		try (ZipFile zip = new ZipFile(file.toFile())) {
			assertThat(XlsxZipParts.resolve(zip)).isNull();
		}
	}

	@Test
	void leavesAPackageWithMoreEntriesThanPoiAllowsToPoi() throws Exception {
		Path original = Fixtures.write(oneCell(new XSSFWorkbook()), this.dir.resolve("original.xlsx"));
		Map<String, byte[]> entries = entries(original);
		long limit = ZipSecureFile.getMaxFileCount();
		ZipSecureFile.setMaxFileCount(entries.size() + 5);
		try {
			for (int i = 0; i < 10; i++) {
				entries.put("xl/media/extra" + i + ".bin", new byte[] { 1 });
			}
			Path file = this.dir.resolve("many.xlsx");
			Fixtures.zip(file, entries);

			try (ZipFile zip = new ZipFile(file.toFile())) {
				assertThat(XlsxZipParts.resolve(zip)).isNull();
			}
			assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
				.withMessageStartingWith("文件解压后过大，疑似压缩炸弹（");
		}
		finally {
			ZipSecureFile.setMaxFileCount(limit);
		}
	}

	@Test
	void refusesSharedStringsThatInflateLikeABomb() throws Exception {
		// given: shared strings padded with 50 MB of blanks, a few kilobytes deflated
		Path original = Fixtures.write(oneCell(new XSSFWorkbook()), this.dir.resolve("original.xlsx"));
		Path file = this.dir.resolve("bomb.xlsx");
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(original));
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			out.setLevel(Deflater.BEST_COMPRESSION);
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/sharedStrings.xml")) {
					String xml = new String(content, StandardCharsets.UTF_8);
					int end = xml.lastIndexOf("</sst>");
					out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
					byte[] blanks = new byte[1024 * 1024];
					Arrays.fill(blanks, (byte) ' ');
					for (int i = 0; i < 50; i++) {
						out.write(blanks);
					}
					out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
				}
				else {
					out.write(content);
				}
				out.closeEntry();
			}
		}

		// when
		Throwable failure = catchThrowable(() -> Fixtures.rows(file));

		// then
		assertThat(failure).isInstanceOf(UnreadableFileException.class).hasMessageStartingWith("文件解压后过大，疑似压缩炸弹（");
	}

	private static Map<String, byte[]> entries(Path file) throws Exception {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), zip.readAllBytes());
			}
		}
		return entries;
	}

	private static XSSFWorkbook oneCell(XSSFWorkbook workbook) {
		workbook.createSheet("统计表").createRow(0).createCell(0).setCellValue("单位编码");
		return workbook;
	}

}
