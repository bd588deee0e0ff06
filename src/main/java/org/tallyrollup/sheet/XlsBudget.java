package org.tallyrollup.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import org.apache.poi.hssf.record.RecordInputStream;
import org.apache.poi.poifs.filesystem.DirectoryNode;

/**
 * Looks through the records of an .xls file, without building them, before it is loaded
 * whole: a workbook with more cells or distinct strings than {@value #MAX_CELLS} and
 * {@value #MAX_STRINGS} would need more memory than a tally may take (about a hundred
 * bytes a cell), and is refused. Each record is read and dropped.
 */
final class XlsBudget {

	/** About 50 MB of memory once loaded: 65,536 rows of seven columns. */
	static final int MAX_CELLS = 500_000;

	static final int MAX_STRINGS = 500_000;

	private static final List<String> STREAMS = List.of("Workbook", "WORKBOOK", "BOOK");

	private static final int FILE_PASS = 0x002F;

	private static final int SST = 0x00FC;

	private static final int MUL_RK = 0x00BD;

	private static final int MUL_BLANK = 0x00BE;

	private static final int[] CELLS = { 0x0203, 0x00FD, 0x0204, 0x027E, 0x0205, 0x0006, 0x0201 };

	private XlsBudget() {
	}

	/**
	 * @throws UnreadableFileException if the workbook holds too many cells or strings, or
	 * is encrypted
	 */
	static void check(DirectoryNode root) throws IOException {
		String name = STREAMS.stream().filter(root::hasEntry).findFirst().orElse(null);
		if (name == null) {
			return;
		}
		long cells = 0;
		try (InputStream in = root.createDocumentInputStream(name)) {
			RecordInputStream records = new RecordInputStream(in);
			byte[] scratch = new byte[8224];
			while (records.hasNextRecord()) {
				records.nextRecord();
				int sid = records.getSid() & 0xFFFF;
				if (sid == FILE_PASS) {
					throw Unreadable.encrypted();
				}
				if (sid == SST && records.remaining() >= 8) {
					records.readInt();
					long unique = records.readInt() & 0xFFFFFFFFL;
					if (unique > MAX_STRINGS) {
						throw tooBig(String.format(Locale.ROOT, "不重复的文字超过%d个", MAX_STRINGS));
					}
				}
				else if (sid == MUL_RK) {
					cells += Math.max(0, (records.remaining() - 6) / 6);
				}
				else if (sid == MUL_BLANK) {
					cells += Math.max(0, (records.remaining() - 6) / 2);
				}
				else if (isCell(sid)) {
					cells++;
				}
				if (cells > MAX_CELLS) {
					throw tooBig(String.format(Locale.ROOT, "单元格超过%d个", MAX_CELLS));
				}
				while (records.remaining() > 0) {
					records.read(scratch, 0, Math.min(scratch.length, records.remaining()));
				}
			}
		}
	}

	private static boolean isCell(int sid) {
		for (int cell : CELLS) {
			if (cell == sid) {
				return true;
			}
		}
		return false;
	}

	private static UnreadableFileException tooBig(String what) {
		return new UnreadableFileException("Excel 97-2003格式的文件过大（" + what + "），请另存为.xlsx后重新报送");
	}

}
