package org.tallyrollup.sheet;

import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class CsvSpreadsheetTests {

	private static final String TALLY = "单位编码,单位名称,党支部数\r\n0101,第一党支部,3\r\n";

	@TempDir
	Path dir;

	@Test
	void readsUtf8() throws Exception {
		// given
		Path file = write("utf8.csv", TALLY.getBytes(StandardCharsets.UTF_8));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows).extracting(RawRow::cells)
			.containsExactly(List.of("单位编码", "单位名称", "党支部数"), List.of("0101", "第一党支部", "3"));
		assertThat(rows).extracting(RawRow::number).containsExactly(1, 2);
	}

	@Test
	void readsUtf8WithByteOrderMarkAndDropsTheMark() throws Exception {
		// given
		Path file = write("bom.csv",
				concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, TALLY.getBytes(StandardCharsets.UTF_8)));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows.get(0).cell(0)).isEqualTo("单位编码");
	}

	@Test
	void readsGbkAsExcelOnChineseWindowsWritesIt() throws Exception {
		// given
		Path file = write("gbk.csv", TALLY.getBytes(Charset.forName("GBK")));

		// when
		try (SpreadsheetFile spreadsheet = Spreadsheets.open(file)) {
			List<RawRow> rows = Fixtures.rows(spreadsheet, 0);

			// then
			assertThat(((CsvSpreadsheet) spreadsheet).charset().name()).isEqualTo("GB18030");
			assertThat(rows.get(1).cells()).containsExactly("0101", "第一党支部", "3");
		}
	}

	@Test
	void takesUtf8WhenTheDetectionSampleCutsACharacter() throws Exception {
		// given: a character of three bytes straddles byte 65,536
		String start = "单位编码,说明\r\n0101,";
		int padding = CsvSpreadsheet.DETECT_BYTES - 1 - start.getBytes(StandardCharsets.UTF_8).length;
		String text = start + "a".repeat(padding) + "党\r\n";
		Path file = write("cut.csv", text.getBytes(StandardCharsets.UTF_8));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows.get(1).cell(1)).endsWith("a党");
	}

	@Test
	void readsUtf16LittleEndianWithTabsAsExcelUnicodeTextIs() throws Exception {
		// given
		String text = "单位编码\t单位名称\t党支部数\r\n0101\t第一, 第二\t3\r\n";
		Path file = write("unicode.csv",
				concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, text.getBytes(StandardCharsets.UTF_16LE)));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows).extracting(RawRow::cells)
			.containsExactly(List.of("单位编码", "单位名称", "党支部数"), List.of("0101", "第一, 第二", "3"));
	}

	@Test
	void detectsSemicolonAndTabSeparators() throws Exception {
		// given
		Path semicolons = write("semicolon.csv", "单位编码;党支部数;备注\n0101;3;a,b\n".getBytes(StandardCharsets.UTF_8));
		Path tabs = write("tab.csv", "标题,说明\n单位编码\t党支部数\t备注\n0101\t3\ta;b\n".getBytes(StandardCharsets.UTF_8));

		// when
		List<RawRow> semicolonRows = Fixtures.rows(semicolons);
		List<RawRow> tabRows = Fixtures.rows(tabs);

		// then
		assertThat(semicolonRows.get(1).cells()).containsExactly("0101", "3", "a,b");
		assertThat(tabRows.get(2).cells()).containsExactly("0101", "3", "a;b");
	}

	@Test
	void takesTheCommaOnATie() throws Exception {
		// given
		Path file = write("tie.csv", "a,b;c\n".getBytes(StandardCharsets.UTF_8));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows.get(0).cells()).containsExactly("a", "b;c");
	}

	@Test
	void countsSeparatorsOutsideQuotesOnly() throws Exception {
		// given: the quoted semicolons would win if they counted
		Path file = write("quoted.csv", "单位编码,备注\n0101,\"a;b;c;d\"\n".getBytes(StandardCharsets.UTF_8));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows.get(1).cells()).containsExactly("0101", "a;b;c;d");
	}

	@Test
	void readsQuotedFieldsAndNumbersRowsByRecord() throws Exception {
		// given
		String text = "单位编码,单位名称,备注\r\n" + "0101,\"第一,党支部\",\"他说\"\"好\"\"\"\r\n" + "0102,\"第二\r\n党支部\",\"两行\n备注\"\r\n"
				+ "0103,C:\\temp\\x,\"a\\\"\r\n" + "\r\n" + "0104,,\r\n";
		Path file = write("quotes.csv", text.getBytes(StandardCharsets.UTF_8));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows).extracting(RawRow::number).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(rows.get(1).cells()).containsExactly("0101", "第一,党支部", "他说\"好\"");
		assertThat(rows.get(2).cells()).containsExactly("0102", "第二\n党支部", "两行\n备注");
		assertThat(rows.get(3).cells()).containsExactly("0103", "C:\\temp\\x", "a\\");
		assertThat(rows.get(4).isBlank()).isTrue();
		assertThat(rows.get(5).cells()).containsExactly("0104", "", "");
	}

	@Test
	void namesTheSheetAfterAChineseFileName() throws Exception {
		// given
		Path file = write("城关区第一党总支统计表.csv", TALLY.getBytes(StandardCharsets.UTF_8));

		// when
		try (SpreadsheetFile spreadsheet = Spreadsheets.open(file)) {
			// then
			assertThat(spreadsheet.sheets()).containsExactly(new SheetInfo(0, "城关区第一党总支统计表", false));
			assertThat(Fixtures.rows(spreadsheet, 0)).hasSize(2);
		}
	}

	@Test
	void refusesNulBytesAsNotText() throws Exception {
		// given: SPEC §2.3, a .csv with NUL bytes is not text
		Path file = write("nul.csv", "单位编码,党支部数\n01\u000001,3\n".getBytes(StandardCharsets.UTF_8));

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
			.withMessageStartingWith("文件内容不是文本")
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(UnreadableFileException.Reason.NOT_TEXT));
	}

	@Test
	void refusesBytesThatAreNeitherUtf8NorGb18030() throws Exception {
		// given: a header, then bytes no text encoding of a Chinese office writes
		byte[] head = "单位编码,党支部数\n".getBytes(Charset.forName("GB18030"));
		byte[] bytes = Arrays.copyOf(head, head.length + 64);
		for (int i = head.length; i < bytes.length; i++) {
			bytes[i] = (byte) ((i % 2 == 0) ? 0x81 : 0x20);
		}
		Path file = write("binary.csv", bytes);

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Spreadsheets.open(file))
			.withMessageStartingWith("文件内容不是文本")
			.withMessageContaining("GB18030");
	}

	@Test
	void readsUtf16WithoutAByteOrderMarkThoughItHasNulBytes() throws Exception {
		// given: Excel's "Unicode text", saved without its BOM
		Path file = write("unicode.csv", "单位编码\t党支部数\r\n0101\t3\r\n".getBytes(StandardCharsets.UTF_16LE));

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows.get(1).cells()).containsExactly("0101", "3");
	}

	@Test
	void refusesAnOverlongLineWithItsRecordNumber() throws Exception {
		// given
		String text = "单位编码,备注\n0101,\"a\nb\"\n0102," + "x".repeat(CsvSpreadsheet.MAX_RECORD_CHARS + 1) + "\n";
		Path file = write("long.csv", text.getBytes(StandardCharsets.UTF_8));

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Fixtures.rows(file))
			.withMessage("第3行超过1048576个字符，不是正常的统计表");
	}

	@Test
	void refusesAnOverlongRecordMadeOfFewQuotedLines() throws Exception {
		// given
		String line = "x".repeat(400_000) + "\n";
		String text = "单位编码,备注\n0101,\"" + line.repeat(3) + "\"\n";
		Path file = write("long-quoted.csv", text.getBytes(StandardCharsets.UTF_8));

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Fixtures.rows(file))
			.withMessage("第2行超过1048576个字符，不是正常的统计表");
	}

	@Test
	void refusesQuicklyAQuoteThatSwallowsManyLines() throws Exception {
		// given: an unclosed quote swallows every line after it
		String text = "单位编码,备注\n0101,\"" + "这一行没有结束的引号\n".repeat(200_000);
		Path file = write("unclosed.csv", text.getBytes(StandardCharsets.UTF_8));

		// when, then
		assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Fixtures.rows(file))
					.withMessage("第2行起引号不配对（一个单元格跨越了超过1000行）"));
	}

	@Test
	void refusesAQuoteThatIsNeverClosed() throws Exception {
		// given
		Path file = write("open-quote.csv", "单位编码,备注\n0101,\"没有结束\n".getBytes(StandardCharsets.UTF_8));

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Fixtures.rows(file))
			.withMessageStartingWith("第2行起引号不配对");
	}

	@Test
	void refusesMoreEmptyLinesInARowThanExcelHasRows() throws Exception {
		// given: a header and a row, one empty line more than Excel has rows, one more
		// row
		byte[] head = TALLY.getBytes(StandardCharsets.UTF_8);
		byte[] bytes = Arrays.copyOf(head, head.length + CsvSpreadsheet.MAX_BLANK_RUN + 1 + 20);
		Arrays.fill(bytes, head.length, bytes.length - 20, (byte) '\n');
		System.arraycopy("0102,x,1\n".getBytes(StandardCharsets.UTF_8), 0, bytes, bytes.length - 20, 9);
		Path file = write("too-many.csv", bytes);

		// when, then
		assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> Fixtures.rows(file))
			.withMessage("连续空行超过1048576行（Excel的行数上限），不是正常的统计表");
	}

	@Test
	void readsAnExportOfMoreRowsThanExcelHolds() throws Exception {
		// given: a national export is a CSV because it does not fit in a sheet
		int rows = CsvSpreadsheet.MAX_BLANK_RUN + 100;
		Path file = this.dir.resolve("export.csv");
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("单位编码,单位名称,检视问题数\n");
			for (int i = 0; i < rows; i++) {
				out.write(i + ",x," + (i % 7) + "\n");
				if (i % 1000 == 0) {
					out.write("\n");
				}
			}
		}

		// when
		long read = 0;
		RawRow last = null;
		try (SpreadsheetFile csv = Spreadsheets.open(file); RowCursor cursor = csv.rows(csv.sheets().get(0))) {
			while (cursor.hasNext()) {
				last = cursor.next();
				read++;
			}
		}

		// then: every record, the empty lines between them included
		assertThat(read).isEqualTo(1 + rows + (rows - 1) / 1000 + 1);
		assertThat(last.cells()).containsExactly((rows - 1) + "", "x", ((rows - 1) % 7) + "");
	}

	@Test
	void takesUtf8WithAStrayInvalidByteForUtf8() throws Exception {
		// given: UTF-8 with one broken byte in a remark (GBK text never looks like this)
		byte[] text = TALLY.replace("第一党支部", "第一党支部\u0001").getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < text.length; i++) {
			if (text[i] == 1) {
				text[i] = (byte) 0xC3;
			}
		}
		Path file = write("stray.csv", text);

		// when
		List<RawRow> rows = Fixtures.rows(file);

		// then
		assertThat(rows.get(0).cells()).containsExactly("单位编码", "单位名称", "党支部数");
		assertThat(rows.get(1).cell(1)).startsWith("第一党支部");
		assertThat(CsvSpreadsheet.isMostlyUtf8(TALLY.getBytes(Charset.forName("GBK")))).isFalse();
	}

	@Test
	void hasNoMoreRowsOnceClosed() throws Exception {
		// given
		Path file = write("closed.csv", TALLY.getBytes(StandardCharsets.UTF_8));

		try (SpreadsheetFile spreadsheet = Spreadsheets.open(file)) {
			RowCursor cursor = spreadsheet.rows(spreadsheet.sheets().get(0));
			cursor.next();

			// when
			cursor.close();

			// then
			assertThat(cursor.hasNext()).isFalse();
		}
	}

	private Path write(String name, byte[] bytes) throws Exception {
		return Files.write(this.dir.resolve(name), bytes);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] result = new byte[first.length + second.length];
		System.arraycopy(first, 0, result, 0, first.length);
		System.arraycopy(second, 0, result, first.length, second.length);
		return result;
	}

}
