package org.tallyrollup.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A .csv (or tab-separated "Unicode text") file: one sheet named after the file, read as
 * a stream with opencsv.
 *
 * <p>
 * The encoding is detected: a byte order mark for UTF-8 or UTF-16, else UTF-8 when the
 * first {@value #DETECT_BYTES} bytes are valid UTF-8, else GB18030 (a superset of GBK,
 * what Excel on a Chinese Windows writes). The separator is a comma, a tab or a
 * semicolon, whichever occurs most on the line of the first {@value #DETECT_LINES}
 * non-blank ones that has the most of them. Quoting follows RFC 4180 (a backslash is an
 * ordinary character). Row numbers count records, as Excel shows them, so a quoted field
 * spanning lines is one row.
 */
final class CsvSpreadsheet implements SpreadsheetFile {

	/** The longest record accepted, in characters. */
	static final int MAX_RECORD_CHARS = 1_048_576;

	/**
	 * The most lines one record may span. opencsv parses a record spanning lines again
	 * from its start at every line, so a quote that is never closed would otherwise cost
	 * time growing with the square of the lines it swallows.
	 */
	static final int MAX_RECORD_LINES = 1000;

	/**
	 * The most empty records in a row, as many rows as Excel holds: no sheet a clerk
	 * saved has them, and a file of millions of empty lines must not take a night to
	 * stage. The number of records is not limited: a national export is one CSV of
	 * millions of rows, which is why it is a CSV and not a workbook.
	 */
	static final int MAX_BLANK_RUN = XlsxSpreadsheet.MAX_ROWS;

	static final int DETECT_BYTES = 64 * 1024;

	static final int DETECT_LINES = 20;

	/** How many characters separator detection looks at, at most. */
	private static final int DETECT_CHARS = 2 * MAX_RECORD_CHARS;

	private static final char[] SEPARATORS = { ',', '\t', ';' };

	private final Path file;

	private final Charset charset;

	private final int bomLength;

	private final char separator;

	private final SheetInfo sheet;

	private CsvRowCursor cursor;

	private CsvSpreadsheet(Path file, Charset charset, int bomLength, char separator) {
		this.file = file;
		this.charset = charset;
		this.bomLength = bomLength;
		this.separator = separator;
		this.sheet = new SheetInfo(0, baseName(file), false);
	}

	static CsvSpreadsheet open(Path file) {
		try {
			byte[] head;
			try (InputStream in = Files.newInputStream(file)) {
				head = in.readNBytes(DETECT_BYTES);
			}
			Charset charset;
			int bomLength = 0;
			if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
				charset = StandardCharsets.UTF_8;
				bomLength = 3;
			}
			else if (startsWith(head, 0xFF, 0xFE)) {
				charset = StandardCharsets.UTF_16LE;
				bomLength = 2;
			}
			else if (startsWith(head, 0xFE, 0xFF)) {
				charset = StandardCharsets.UTF_16BE;
				bomLength = 2;
			}
			else {
				charset = detectWithoutBom(head);
				checkText(head, charset);
			}
			char separator;
			try (Reader reader = reader(file, charset, bomLength)) {
				separator = detectSeparator(reader);
			}
			return new CsvSpreadsheet(file, charset, bomLength, separator);
		}
		catch (IOException | RuntimeException ex) {
			throw Unreadable.of(ex, "无法读取文件");
		}
	}

	/**
	 * Refuses bytes that are not text in the encoding detected: NUL bytes or other
	 * control characters (a binary file named .csv), or a sample that is neither UTF-8
	 * nor GB18030. UTF-16 is text with NUL bytes, so it is not looked at here.
	 */
	private static void checkText(byte[] head, Charset charset) {
		if (charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE)) {
			return;
		}
		for (byte b : head) {
			if (b == 0) {
				throw Unreadable.notText("含有NUL字节");
			}
		}
		if (!FileKind.isText(head)) {
			throw Unreadable.notText("含有大量控制字符");
		}
		if (!charset.equals(StandardCharsets.UTF_8) && !decodes(head, charset)) {
			throw Unreadable.notText("既不是UTF-8也不是GB18030/GBK编码的文字");
		}
	}

	/**
	 * Whether the bytes decode without error; a character cut by the sample's end is
	 * fine.
	 */
	private static boolean decodes(byte[] bytes, Charset charset) {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		CoderResult result = decoder.decode(in, out, false);
		return result.isUnderflow() && in.remaining() < 4;
	}

	Charset charset() {
		return this.charset;
	}

	char separator() {
		return this.separator;
	}

	@Override
	public List<SheetInfo> sheets() {
		return List.of(this.sheet);
	}

	@Override
	public RowCursor rows(SheetInfo sheet) {
		if (sheet.index() != 0) {
			throw new IllegalArgumentException("A CSV file has one sheet: " + sheet);
		}
		closeCursor();
		try {
			this.cursor = new CsvRowCursor(reader(this.file, this.charset, this.bomLength), this.separator);
			return this.cursor;
		}
		catch (IOException | RuntimeException ex) {
			throw Unreadable.of(ex, "无法读取文件");
		}
	}

	@Override
	public void close() {
		closeCursor();
	}

	private void closeCursor() {
		if (this.cursor != null) {
			this.cursor.close();
			this.cursor = null;
		}
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * UTF-16 without a byte order mark when every other byte is NUL; UTF-8 when the bytes
	 * are valid UTF-8 (a character cut at the end of the sample is fine) or nearly so (a
	 * stray invalid byte among plenty of UTF-8 characters, which GBK text never has);
	 * else GB18030.
	 */
	static Charset detectWithoutBom(byte[] head) {
		int pairs = head.length / 2;
		if (pairs >= 4) {
			int evenZeros = 0;
			int oddZeros = 0;
			for (int i = 0; i + 1 < head.length; i += 2) {
				evenZeros += (head[i] == 0) ? 1 : 0;
				oddZeros += (head[i + 1] == 0) ? 1 : 0;
			}
			if (oddZeros * 10 >= pairs * 4 && evenZeros * 20 < pairs) {
				return StandardCharsets.UTF_16LE;
			}
			if (evenZeros * 10 >= pairs * 4 && oddZeros * 20 < pairs) {
				return StandardCharsets.UTF_16BE;
			}
		}
		return (isUtf8(head) || isMostlyUtf8(head)) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
	}

	/**
	 * Whether the multi-byte characters are UTF-8 with few exceptions: at least ten well
	 * formed sequences of two to four bytes for every byte that is not part of one.
	 */
	static boolean isMostlyUtf8(byte[] bytes) {
		int valid = 0;
		int invalid = 0;
		int i = 0;
		while (i < bytes.length) {
			int b = bytes[i] & 0xFF;
			int length = (b < 0x80) ? 1
					: (b >= 0xC2 && b <= 0xDF) ? 2 : (b >= 0xE0 && b <= 0xEF) ? 3 : (b >= 0xF0 && b <= 0xF4) ? 4 : 0;
			if (length == 1) {
				i++;
				continue;
			}
			boolean ok = length > 0 && i + length <= bytes.length;
			for (int k = 1; ok && k < length; k++) {
				ok = (bytes[i + k] & 0xC0) == 0x80;
			}
			if (ok) {
				valid++;
				i += length;
			}
			else if (i + length > bytes.length && length > 0) {
				break;
			}
			else {
				invalid++;
				i++;
			}
		}
		return valid > 0 && valid >= 10 * invalid;
	}

	static boolean isUtf8(byte[] bytes) {
		return decodes(bytes, StandardCharsets.UTF_8);
	}

	private static Reader reader(Path file, Charset charset, int bomLength) throws IOException {
		InputStream in = Files.newInputStream(file);
		try {
			in.skipNBytes(bomLength);
			CharsetDecoder decoder = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE);
			return new InputStreamReader(in, decoder);
		}
		catch (IOException | RuntimeException ex) {
			in.close();
			throw ex;
		}
	}

	/**
	 * Counts separators outside double quotes on each of the first non-blank lines (a
	 * line break inside quotes does not end a line) and picks the most frequent one on
	 * the line that has the most; ties go to the comma, then the tab.
	 */
	static char detectSeparator(Reader reader) throws IOException {
		int[] best = new int[SEPARATORS.length];
		int bestTotal = 0;
		int[] counts = new int[SEPARATORS.length];
		boolean inQuotes = false;
		boolean blank = true;
		int lines = 0;
		int read = 0;
		char[] buffer = new char[8192];
		int n;
		outer: while (read < DETECT_CHARS && (n = reader.read(buffer)) > 0) {
			read += n;
			for (int i = 0; i < n; i++) {
				char c = buffer[i];
				if (c == '"') {
					inQuotes = !inQuotes;
					blank = false;
				}
				else if ((c == '\n' || c == '\r') && !inQuotes) {
					if (!blank) {
						int total = counts[0] + counts[1] + counts[2];
						if (total > bestTotal) {
							bestTotal = total;
							best = counts.clone();
						}
						if (++lines >= DETECT_LINES) {
							break outer;
						}
					}
					Arrays.fill(counts, 0);
					blank = true;
				}
				else if (!inQuotes) {
					for (int s = 0; s < SEPARATORS.length; s++) {
						if (c == SEPARATORS[s]) {
							counts[s]++;
						}
					}
					if (!TextNormalizer.isWhitespace(c) || c == '\t') {
						blank = false;
					}
				}
			}
		}
		if (counts[0] + counts[1] + counts[2] > bestTotal && lines < DETECT_LINES) {
			best = counts;
		}
		int chosen = 0;
		for (int s = 1; s < SEPARATORS.length; s++) {
			if (best[s] > best[chosen]) {
				chosen = s;
			}
		}
		return SEPARATORS[chosen];
	}

	/** The file name without its extension. */
	private static String baseName(Path file) {
		Path name = file.getFileName();
		if (name == null) {
			return "";
		}
		String text = name.toString();
		int dot = text.lastIndexOf('.');
		return (dot <= 0) ? text : text.substring(0, dot);
	}

}
