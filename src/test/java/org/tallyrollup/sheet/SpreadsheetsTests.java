package org.tallyrollup.sheet;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

class SpreadsheetsTests {

	@TempDir
	Path dir;

	@Test
	void knowsSpreadsheetsByExtensionInAnyCase() {
		// given
		List<String> names = List.of("a.xlsx", "B.XLSX", "c.Xlsm", "d.xls", "e.CSV", "f.docx", "g.pdf", "xlsx", "h.");

		// when
		List<Boolean> spreadsheets = names.stream().map((name) -> Spreadsheets.isSpreadsheet(Path.of(name))).toList();

		// then
		assertThat(spreadsheets).containsExactly(true, true, true, true, true, false, false, false, false);
	}

	@Test
	void opensEachFormatByItsExtensionWhateverItsCase() throws Exception {
		// given
		Path xlsx = Fixtures.write(oneCell(new XSSFWorkbook()), this.dir.resolve("统计表.XLSX"));
		Path xlsm = Fixtures.write(oneCell(new XSSFWorkbook()), this.dir.resolve("统计表.xlsm"));
		Path xls = Fixtures.write(oneCell(new HSSFWorkbook()), this.dir.resolve("统计表.Xls"));
		Path csv = Files.writeString(this.dir.resolve("统计表.CSV"), "单位编码\n");

		// when
		List<String> firstCells = List.of(xlsx, xlsm, xls, csv)
			.stream()
			.map((file) -> Fixtures.rows(file).get(0).cell(0))
			.toList();

		// then
		assertThat(firstCells).containsOnly("单位编码");
	}

	@Test
	void refusesAnEmptyFile() throws Exception {
		for (String name : List.of("empty.xlsx", "empty.xls", "empty.csv")) {
			// given
			Path file = Files.createFile(this.dir.resolve(name));

			// when, then
			assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
				.withMessage("文件为空（0字节）");
		}
	}

	@Test
	void refusesRandomBytesNamedAsExcel() throws Exception {
		// given
		byte[] bytes = new byte[4096];
		new Random(42).nextBytes(bytes);
		Path xlsx = Files.write(this.dir.resolve("random.xlsx"), bytes);
		Path xls = Files.write(this.dir.resolve("random.xls"), bytes);

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(xlsx))
			.withMessage("扩展名为.xlsx，但文件内容不是Excel 2007及以上格式（实际为：无法识别的内容）");
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(xls))
			.withMessage("扩展名为.xls，但文件内容不是Excel 97-2003格式（实际为：无法识别的内容）");
	}

	@Test
	void readsRandomBytesNamedCsvAsGarbageWithoutFailing() throws Exception {
		// given
		byte[] bytes = new byte[50_000];
		new Random(7).nextBytes(bytes);
		Path csv = Files.write(this.dir.resolve("random.csv"), bytes);

		// when
		Throwable failure = catchThrowable(() -> Fixtures.rows(csv));

		// then: garbage rows are fine (no header will be found); only an F1 is allowed
		assertThat(failure).satisfiesAnyOf((f) -> assertThat(f).isNull(),
				(f) -> assertThat(f).isInstanceOf(UnreadableFileException.class));
	}

	@Test
	void refusesCsvTextNamedXlsx() throws Exception {
		// given
		Path file = Files.writeString(this.dir.resolve("导出.xlsx"), "单位编码,党支部数\r\n0101,3\r\n");

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
			.withMessage("扩展名为.xlsx，但文件内容不是Excel 2007及以上格式（实际为：文本/CSV）");
	}

	@Test
	void refusesAnHtmlPageNamedXls() throws Exception {
		// given
		Path file = Files.writeString(this.dir.resolve("系统导出.xls"), "<html><body><table><tr><td>1</td></tr></table>");

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
			.withMessageStartingWith("扩展名为.xls，但文件内容不是Excel 97-2003格式（实际为：网页(HTML)文件");
	}

	@Test
	void refusesAnUnrelatedZipNamedXlsx() throws Exception {
		// given
		Path file = this.dir.resolve("archive.xlsx");
		Fixtures.zip(file, Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)));

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
			.withMessage("扩展名为.xlsx，但文件内容不是Excel 2007及以上格式（实际为：ZIP压缩包）");
	}

	@Test
	void refusesAWordDocumentNamedXlsx() throws Exception {
		// given
		XWPFDocument document = new XWPFDocument();
		document.createParagraph().createRun().setText("情况说明");
		Path file = this.dir.resolve("说明.xlsx");
		try (document; OutputStream out = Files.newOutputStream(file)) {
			document.write(out);
		}

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
			.withMessage("扩展名为.xlsx，但文件内容不是Excel 2007及以上格式（实际为：Word文档(.docx)）");
	}

	@Test
	void refusesATruncatedXlsx() throws Exception {
		// given
		XSSFWorkbook workbook = new XSSFWorkbook();
		for (int i = 0; i < 200; i++) {
			workbook.createSheet("表" + i).createRow(0).createCell(0).setCellValue("单位编码" + i);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (workbook) {
			workbook.write(bytes);
		}
		byte[] whole = bytes.toByteArray();
		Path file = Files.write(this.dir.resolve("truncated.xlsx"), Arrays.copyOf(whole, whole.length / 2));

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
			.withMessageStartingWith("文件已损坏或不完整：");
	}

	@Test
	void refusesAnXlsxWithAMissingSheetPart() throws Exception {
		// given: a whole zip from which the sheet part was dropped
		Path original = Fixtures.write(oneCell(new XSSFWorkbook()), this.dir.resolve("original.xlsx"));
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(original))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (!entry.getName().contains("worksheets/")) {
					entries.put(entry.getName(), zip.readAllBytes());
				}
			}
		}
		Path file = this.dir.resolve("no-sheet.xlsx");
		Fixtures.zip(file, entries);

		// when
		Throwable failure = catchThrowable(() -> Fixtures.rows(file));

		// then
		assertThat(failure).isInstanceOf(UnreadableFileException.class).hasMessageStartingWith("文件已损坏或不完整：");
	}

	@Test
	void refusesAnEncryptedXlsx() throws Exception {
		// given
		Path file = this.dir.resolve("加密.xlsx");
		try (POIFSFileSystem fs = new POIFSFileSystem(); XSSFWorkbook workbook = oneCell(new XSSFWorkbook())) {
			Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
			encryptor.confirmPassword("secret");
			try (OutputStream out = encryptor.getDataStream(fs)) {
				workbook.write(out);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				fs.writeFilesystem(out);
			}
		}

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
			.withMessage("文件设有打开密码（已加密），无法读取，请去除密码后重新报送");
	}

	@Test
	void refusesAnEncryptedXls() throws Exception {
		// given
		Path file = this.dir.resolve("加密.xls");
		Biff8EncryptionKey.setCurrentUserPassword("secret");
		try {
			Fixtures.write(oneCell(new HSSFWorkbook()), file);
		}
		finally {
			Biff8EncryptionKey.setCurrentUserPassword(null);
		}

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
			.withMessage("文件设有打开密码（已加密），无法读取，请去除密码后重新报送");
	}

	@Test
	void refusesAnXlsxSavedUnderTheXlsExtension() throws Exception {
		// given
		Path file = Fixtures.write(oneCell(new XSSFWorkbook()), this.dir.resolve("新版.xls"));

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
			.withMessage("扩展名为.xls，但文件内容不是Excel 97-2003格式（实际为：Excel 2007及以上格式(.xlsx)）");
	}

	@Test
	void refusesAnXlsSavedUnderTheXlsxExtension() throws Exception {
		// given
		Path file = Fixtures.write(oneCell(new HSSFWorkbook()), this.dir.resolve("旧版.xlsx"));

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
			.withMessage("扩展名为.xlsx，但文件内容不是Excel 2007及以上格式（实际为：Excel 97-2003格式(.xls)）");
	}

	@Test
	void refusesAnExcelFileNamedCsv() throws Exception {
		// given
		Path file = Fixtures.write(oneCell(new XSSFWorkbook()), this.dir.resolve("统计表.csv"));

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
			.withMessage("扩展名为.csv，但文件内容不是文本/CSV（实际为：Excel 2007及以上格式(.xlsx)）");
	}

	@Test
	void refusesAnExcel95Workbook() throws Exception {
		// given: an OLE2 file whose workbook stream has the Excel 5/95 name
		Path file = this.dir.resolve("excel95.xls");
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			fs.createDocument(new java.io.ByteArrayInputStream(new byte[512]), "Book");
			try (OutputStream out = Files.newOutputStream(file)) {
				fs.writeFilesystem(out);
			}
		}

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
			.withMessage("Excel 95及更早的格式，请另存为.xlsx后重新报送");
	}

	@Test
	void refusesAZipBombWithPoisLimitsLeftOn() throws Exception {
		// given: a sheet part of 50 MB of blanks, which deflates to a few kilobytes
		Path file = this.dir.resolve("bomb.xlsx");
		Path original = Fixtures.write(oneCell(new XSSFWorkbook()), this.dir.resolve("original.xlsx"));
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(original));
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			out.setLevel(Deflater.BEST_COMPRESSION);
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(content, StandardCharsets.UTF_8);
					int data = xml.indexOf("<sheetData>") + "<sheetData>".length();
					out.write(xml.substring(0, data).getBytes(StandardCharsets.UTF_8));
					byte[] blanks = new byte[1024 * 1024];
					Arrays.fill(blanks, (byte) ' ');
					for (int i = 0; i < 50; i++) {
						out.write(blanks);
					}
					out.write(xml.substring(data).getBytes(StandardCharsets.UTF_8));
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

	@Test
	@EnabledOnOs(OS.LINUX)
	void readsFilesWhoseNameIsNotValidUtf8() throws Exception {
		// given: files named 城关 in GBK, as a zip made on Chinese Windows unpacks them
		Fixtures.write(oneCell(new XSSFWorkbook()), this.dir.resolve("a.xlsx"));
		Fixtures.write(oneCell(new HSSFWorkbook()), this.dir.resolve("a.xls"));
		Files.writeString(this.dir.resolve("a.csv"), "单位编码\n");
		Process rename = new ProcessBuilder("sh", "-c",
				"for e in xlsx xls csv; do mv a.$e \"$(printf '\\263\\307\\271\\330').$e\"; done")
			.directory(this.dir.toFile())
			.inheritIO()
			.start();
		assertThat(rename.waitFor()).isZero();
		List<Path> files;
		try (Stream<Path> listing = Files.list(this.dir)) {
			files = listing.toList();
		}

		// when
		List<String> firstCells = files.stream().map((file) -> Fixtures.rows(file).get(0).cell(0)).toList();

		// then
		assertThat(files).hasSize(3).noneMatch((file) -> file.getFileName().toString().startsWith("a."));
		assertThat(firstCells).containsOnly("单位编码");
	}

	private static <W extends org.apache.poi.ss.usermodel.Workbook> W oneCell(W workbook) {
		workbook.createSheet("统计表").createRow(0).createCell(0).setCellValue("单位编码");
		return workbook;
	}

}
