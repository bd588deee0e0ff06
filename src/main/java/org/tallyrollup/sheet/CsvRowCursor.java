package org.tallyrollup.sheet;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.NoSuchElementException;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180Parser;
import com.opencsv.enums.CSVReaderNullFieldIndicator;
import com.opencsv.exceptions.CsvMalformedLineException;

/**
 * Streams records; a record is looked ahead so that {@link #hasNext()} can answer.
 */
final class CsvRowCursor implements RowCursor {

	private final CSVReader csv;

	private String[] pending;

	private boolean finished;

	private int number;

	/** Empty records read since the last record with something in it. */
	private int blankRun;

	CsvRowCursor(Reader reader, char separator) {
		this.csv = new CSVReaderBuilder(new LineLengthGuard(reader)).withCSVParser(new LimitedParser(separator))
			.build();
	}

	@Override
	public boolean hasNext() {
		if (this.pending == null && !this.finished) {
			try {
				this.pending = this.csv.readNext();
			}
			catch (Exception ex) {
				this.finished = true;
				throw failure(ex);
			}
			if (this.pending == null) {
				this.finished = true;
			}
			else if (!isEmpty(this.pending)) {
				this.blankRun = 0;
			}
			else if (++this.blankRun > CsvSpreadsheet.MAX_BLANK_RUN) {
				this.finished = true;
				this.pending = null;
				throw Unreadable.tooLong("连续空行超过" + CsvSpreadsheet.MAX_BLANK_RUN + "行（Excel的行数上限），不是正常的统计表");
			}
		}
		return this.pending != null;
	}

	private UnreadableFileException failure(Exception ex) {
		int record = this.number + 1;
		if (ex instanceof RecordTooLongException) {
			return Unreadable.tooLong("第" + record + "行", CsvSpreadsheet.MAX_RECORD_CHARS);
		}
		if (ex instanceof RecordTooManyLinesException) {
			return new UnreadableFileException(UnreadableFileException.Reason.DAMAGED,
					"第" + record + "行起引号不配对（一个单元格跨越了超过" + CsvSpreadsheet.MAX_RECORD_LINES + "行）", ex);
		}
		if (ex instanceof CsvMalformedLineException) {
			return new UnreadableFileException(UnreadableFileException.Reason.DAMAGED,
					"第" + record + "行起引号不配对（缺少结束的双引号）", ex);
		}
		return Unreadable.of(ex, "第" + record + "行无法读取");
	}

	private static boolean isEmpty(String[] record) {
		for (String cell : record) {
			if (!cell.isEmpty()) {
				return false;
			}
		}
		return true;
	}

	@Override
	public RawRow next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		String[] cells = this.pending;
		this.pending = null;
		return new RawRow(++this.number, Arrays.asList(cells));
	}

	@Override
	public void close() {
		this.finished = true;
		this.pending = null;
		try {
			this.csv.close();
		}
		catch (IOException ex) {
			// nothing was written: nothing to lose
		}
	}

	/**
	 * RFC 4180 parsing that refuses a record longer than
	 * {@link CsvSpreadsheet#MAX_RECORD_CHARS} when a quoted field spans lines, before
	 * opencsv gathers it in memory.
	 */
	private static final class LimitedParser extends RFC4180Parser {

		private long pendingChars;

		private int pendingLines;

		LimitedParser(char separator) {
			super('"', separator, CSVReaderNullFieldIndicator.NEITHER);
		}

		@Override
		public String[] parseLineMulti(String nextLine) throws IOException {
			long length = (nextLine != null) ? nextLine.length() + 1 : 0;
			boolean pending = isPending();
			this.pendingChars = pending ? this.pendingChars + length : length;
			this.pendingLines = pending ? this.pendingLines + 1 : 1;
			if (this.pendingChars > CsvSpreadsheet.MAX_RECORD_CHARS) {
				throw new RecordTooLongException();
			}
			if (this.pendingLines > CsvSpreadsheet.MAX_RECORD_LINES) {
				throw new RecordTooManyLinesException();
			}
			return super.parseLineMulti(nextLine);
		}

	}

	/**
	 * Refuses a line longer than {@link CsvSpreadsheet#MAX_RECORD_CHARS} before a line
	 * reader gathers it in memory, and drops NUL characters.
	 */
	private static final class LineLengthGuard extends Reader {

		private final Reader in;

		private int lineLength;

		LineLengthGuard(Reader in) {
			this.in = in;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			while (true) {
				int n = this.in.read(buffer, offset, length);
				if (n <= 0) {
					return n;
				}
				int kept = offset;
				for (int i = offset; i < offset + n; i++) {
					char c = buffer[i];
					if (c == '\0') {
						continue;
					}
					if (c == '\n' || c == '\r') {
						this.lineLength = 0;
					}
					else if (++this.lineLength > CsvSpreadsheet.MAX_RECORD_CHARS) {
						throw new RecordTooLongException();
					}
					buffer[kept++] = c;
				}
				if (kept > offset) {
					return kept - offset;
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

	private static final class RecordTooLongException extends IOException {

		RecordTooLongException() {
			super("record too long");
		}

	}

	private static final class RecordTooManyLinesException extends IOException {

		RecordTooManyLinesException() {
			super("record spans too many lines");
		}

	}

}
