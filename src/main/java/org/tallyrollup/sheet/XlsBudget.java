package org.tallyrollup.sheet;

import java.io.IOException;
import java.util.Locale;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentInputStream;

/**
 * Looks through the records of an .xls file before it is read whole: a workbook with more
 * cells or distinct strings than {@value #MAX_CELLS} and {@value #MAX_STRINGS} would need
 * more memory than a tally may take (about a hundred bytes a cell), and is refused.
 *
 * <p>
 * Only the four-byte header of each record is read, and the body skipped, except for the
 * few bytes that say how many cells or strings a record holds: a pass over the records
 * this way costs a small fraction of loading them (measured in BENCHMARKS.md, "Reading
 * .xls"). Record headers are never encrypted, so the cells of a workbook encrypted with
 * Excel's built-in password are counted too; its count of distinct strings is encrypted,
 * and the cell count bounds them instead.
 */
final class XlsBudget {

	/** About 50 MB of memory once loaded: 65,536 rows of seven columns. */
	static final int MAX_CELLS = 500_000;

	static final int MAX_STRINGS = 500_000;

	private static final int FILE_PASS = 0x002F;

	private static final int SST = 0x00FC;

	private static final int MUL_RK = 0x00BD;

	private static final int MUL_BLANK = 0x00BE;

	private XlsBudget() {
	}

	/**
	 * @param stream the workbook stream's name, as {@link FileKind#workbookStream} gives
	 * it
	 * @return whether the workbook is encrypted (it has a FILEPASS record)
	 * @throws UnreadableFileException if the workbook holds too many cells or strings
	 */
	static boolean check(DirectoryNode root, String stream) throws IOException {
		long cells = 0;
		boolean encrypted = false;
		try (DocumentInputStream in = root.createDocumentInputStream(stream)) {
			while (in.available() >= 4) {
				int sid = in.readUShort();
				int length = in.readUShort();
				int body = Math.min(length, in.available());
				if (sid == FILE_PASS) {
					encrypted = true;
				}
				else if (sid == SST && !encrypted && body >= 8) {
					in.readInt();
					long unique = in.readInt() & 0xFFFFFFFFL;
					body -= 8;
					if (unique > MAX_STRINGS) {
						throw tooBig(String.format(Locale.ROOT, "不重复的文字超过%d个", MAX_STRINGS));
					}
				}
				else if (sid == MUL_RK) {
					cells += Math.max(0, (length - 6) / 6);
				}
				else if (sid == MUL_BLANK) {
					cells += Math.max(0, (length - 6) / 2);
				}
				else if (isCell(sid)) {
					cells++;
				}
				if (cells > MAX_CELLS) {
					throw tooBig(String.format(Locale.ROOT, "单元格超过%d个", MAX_CELLS));
				}
				in.skipNBytes(body);
			}
		}
		return encrypted;
	}

	/**
	 * LABELSST, NUMBER, LABEL, BOOLERR, RK, FORMULA, BLANK, RSTRING, BIFF2-style FORMULA.
	 */
	private static boolean isCell(int sid) {
		return switch (sid) {
			case 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E, 0x0006, 0x0406, 0x0201, 0x00D6 -> true;
			default -> false;
		};
	}

	private static UnreadableFileException tooBig(String what) {
		return Unreadable.tooBig("Excel 97-2003格式的文件过大（" + what + "），请另存为.xlsx后重新报送");
	}

}
