package org.tallyrollup.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What a file really holds, told from its content rather than its name, in words a clerk
 * understands ("Word文档(.docx)", "文本/CSV"…).
 */
final class FileKind {

	/** How many leading bytes are looked at. */
	static final int HEAD_BYTES = 4096;

	static final String EXCEL_97_FILE = "Excel 97-2003格式(.xls)";

	static final String EXCEL_2007_FILE = "Excel 2007及以上格式(.xlsx)";

	static final String OLD_EXCEL_FILE = "Excel 95及更早的格式";

	private FileKind() {
	}

	static byte[] head(Path file) throws IOException {
		try (InputStream in = java.nio.file.Files.newInputStream(file)) {
			return in.readNBytes(HEAD_BYTES);
		}
	}

	static FileMagic magic(byte[] head) {
		try {
			return FileMagic.valueOf(head);
		}
		catch (RuntimeException ex) {
			return FileMagic.UNKNOWN;
		}
	}

	/**
	 * Describes content identified by its magic; a ZIP or OLE2 container is looked into
	 * to tell an Excel file from a Word file or a plain archive.
	 */
	static String describe(Path file, FileMagic magic, byte[] head) {
		return switch (magic) {
			case OOXML -> describeZip(file);
			case OLE2 -> describeOle2(file);
			case BIFF2, BIFF3, BIFF4 -> OLD_EXCEL_FILE;
			case XML -> "XML文件（如Excel 2003 XML表格），请用Excel打开后另存为.xlsx";
			case HTML -> "网页(HTML)文件，请用Excel打开后另存为.xlsx";
			case PDF -> "PDF文档";
			case RTF -> "RTF文档";
			case WORD2, MSWRITE -> "Word文档";
			case JPEG, GIF, PNG, TIFF, BMP, WMF, EMF -> "图片";
			default -> isOldBiff(head) ? OLD_EXCEL_FILE : isText(head) ? Unreadable.TEXT : "无法识别的内容";
		};
	}

	/**
	 * Whether the leading bytes look like text: a byte order mark, or no NUL and hardly
	 * any other control character.
	 */
	static boolean isText(byte[] head) {
		if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
				|| (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
			return true;
		}
		int control = 0;
		for (byte b : head) {
			int c = b & 0xFF;
			if (c == 0) {
				return false;
			}
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
				control++;
			}
		}
		return control * 100 <= head.length;
	}

	static String describeZip(Path file) {
		try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
			return describeZip(zip);
		}
		catch (IOException | RuntimeException ex) {
			return "已损坏的ZIP压缩文件";
		}
	}

	static String describeZip(ZipFile zip) {
		Set<String> names = new TreeSet<>();
		Enumeration<ZipArchiveEntry> entries = zip.getEntries();
		for (int i = 0; entries.hasMoreElements() && i < 10_000; i++) {
			names.add(entries.nextElement().getName().toLowerCase(Locale.ROOT));
		}
		if (names.contains("xl/workbook.bin")) {
			return "Excel二进制工作簿(.xlsb)";
		}
		if (names.contains("xl/workbook.xml")) {
			return EXCEL_2007_FILE;
		}
		if (names.contains("word/document.xml")) {
			return "Word文档(.docx)";
		}
		if (names.contains("ppt/presentation.xml")) {
			return "PowerPoint演示文稿(.pptx)";
		}
		if (names.contains("mimetype")) {
			String mimeType = readMimeType(zip);
			if (mimeType.contains("opendocument.spreadsheet")) {
				return "OpenDocument表格(.ods)，请另存为.xlsx";
			}
			if (mimeType.contains("opendocument")) {
				return "OpenDocument文档";
			}
		}
		return "ZIP压缩包";
	}

	private static String readMimeType(ZipFile zip) {
		ZipArchiveEntry entry = zip.getEntry("mimetype");
		if (entry == null) {
			return "";
		}
		try (InputStream in = zip.getInputStream(entry)) {
			return new String(in.readNBytes(200), StandardCharsets.US_ASCII);
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	/**
	 * Describes an OLE2 container; {@code null} when it is an encrypted Office 2007+ file
	 * (an OLE2 container holding {@code EncryptionInfo}).
	 */
	static String describeOle2(Path file) {
		try (POIFSFileSystem fs = new POIFSFileSystem(FileChannel.open(file, StandardOpenOption.READ), true, true)) {
			return describeOle2(fs.getRoot());
		}
		catch (IOException | RuntimeException ex) {
			return "已损坏的Office 97-2003文件";
		}
	}

	static String describeOle2(DirectoryNode root) {
		// stream names are case-insensitive (writers spell Workbook as WORKBOOK,
		// WorkBook…)
		Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		names.addAll(root.getEntryNames());
		if (names.contains("EncryptionInfo") || names.contains("EncryptedPackage")) {
			return null;
		}
		if (workbookStream(root) != null) {
			return EXCEL_97_FILE;
		}
		if (names.contains("Book")) {
			return OLD_EXCEL_FILE;
		}
		if (names.contains("WordDocument")) {
			return "Word 97-2003文档(.doc)";
		}
		if (names.contains("PowerPoint Document")) {
			return "PowerPoint 97-2003演示文稿(.ppt)";
		}
		return "其他Office 97-2003文件";
	}

	/**
	 * The name of the Excel 97-2003 workbook stream of an OLE2 container, as it is
	 * spelled there (BIFF8 says {@code Workbook}; other writers use {@code WORKBOOK},
	 * {@code WorkBook} or {@code BOOK}), or {@code null}.
	 */
	static String workbookStream(DirectoryNode root) {
		String book = null;
		for (String name : root.getEntryNames()) {
			if (name.equalsIgnoreCase("Workbook")) {
				return name;
			}
			if (name.equals("BOOK")) {
				book = name;
			}
		}
		return book;
	}

	/**
	 * Whether the leading bytes are those of an Excel 2.x, 3.0 or 4.0 file: a bare BIFF
	 * stream (no OLE2 container) starting with its BOF record, whatever version and
	 * document type the record states.
	 */
	static boolean isOldBiff(byte[] head) {
		if (head.length < 8 || head[0] != 0x09 || head[3] != 0) {
			return false;
		}
		int version = head[1];
		int length = head[2] & 0xFF;
		return (version == 0x00 || version == 0x02 || version == 0x04) && length >= 4 && length <= 16;
	}

}
