package org.tallyrollup.sheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * Opens a tally file by its extension (.csv, .xlsx/.xlsm, .xls, in any case) after
 * checking that its content is what the extension says.
 *
 * <p>
 * Every failure, whatever the library underneath threw, is an
 * {@link UnreadableFileException} whose message is the reason in Chinese, without the
 * file name.
 */
public final class Spreadsheets {

	private static final Set<String> EXTENSIONS = Set.of("csv", "xlsx", "xlsm", "xls");

	/**
	 * Content types that are never text: a .csv holding one of them is reported instead
	 * of being read as garbage. (BMP is left out: its magic is just "BM", which a text
	 * file may well start with.)
	 */
	private static final Set<FileMagic> NOT_TEXT = Set.of(FileMagic.OLE2, FileMagic.OOXML, FileMagic.PDF,
			FileMagic.BIFF2, FileMagic.BIFF3, FileMagic.BIFF4, FileMagic.JPEG, FileMagic.PNG, FileMagic.GIF,
			FileMagic.TIFF);

	private Spreadsheets() {
	}

	/** Whether the file's extension is one of the spreadsheet types read here. */
	public static boolean isSpreadsheet(Path file) {
		return EXTENSIONS.contains(extension(file));
	}

	/**
	 * Opens a spreadsheet file.
	 * @throws UnreadableFileException if the file is empty, not of the type its extension
	 * says, encrypted, damaged or hostile (a zip bomb)
	 */
	public static SpreadsheetFile open(Path file) {
		String extension = extension(file);
		if (!EXTENSIONS.contains(extension)) {
			throw Unreadable.unsupportedType();
		}
		byte[] head;
		try {
			if (Files.isDirectory(file)) {
				throw Unreadable.folder();
			}
			if (Files.size(file) == 0) {
				throw Unreadable.empty();
			}
			head = FileKind.head(file);
		}
		catch (IOException ex) {
			throw Unreadable.of(ex, "无法读取文件");
		}
		if (head.length == 0) {
			throw Unreadable.empty();
		}
		FileMagic magic = FileKind.magic(head);
		return switch (extension) {
			case "csv" -> openCsv(file, magic, head);
			case "xls" -> openXls(file, magic, head);
			default -> openXlsx(file, extension, magic, head);
		};
	}

	private static SpreadsheetFile openCsv(Path file, FileMagic magic, byte[] head) {
		if (NOT_TEXT.contains(magic) || FileKind.isOldBiff(head)) {
			String actual = FileKind.describe(file, magic, head);
			if (actual == null) {
				actual = "加密的Office文件";
			}
			throw Unreadable.wrongType("csv", Unreadable.TEXT, actual);
		}
		return CsvSpreadsheet.open(file);
	}

	private static SpreadsheetFile openXls(Path file, FileMagic magic, byte[] head) {
		if (magic == FileMagic.BIFF2 || magic == FileMagic.BIFF3 || magic == FileMagic.BIFF4
				|| FileKind.isOldBiff(head)) {
			throw Unreadable.oldExcel();
		}
		if (magic != FileMagic.OLE2) {
			throw Unreadable.wrongType("xls", Unreadable.EXCEL_97, FileKind.describe(file, magic, head));
		}
		return XlsSpreadsheet.open(file);
	}

	private static SpreadsheetFile openXlsx(Path file, String extension, FileMagic magic, byte[] head) {
		if (magic == FileMagic.OLE2) {
			String actual = FileKind.describeOle2(file);
			if (actual == null) {
				return XlsxSpreadsheet.openEncrypted(file, extension);
			}
			throw Unreadable.wrongType(extension, Unreadable.EXCEL_2007, actual);
		}
		if (magic != FileMagic.OOXML) {
			throw Unreadable.wrongType(extension, Unreadable.EXCEL_2007, FileKind.describe(file, magic, head));
		}
		return XlsxSpreadsheet.open(file, extension);
	}

	static String extension(Path file) {
		Path name = file.getFileName();
		if (name == null) {
			return "";
		}
		String text = name.toString();
		int dot = text.lastIndexOf('.');
		return (dot < 0) ? "" : text.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

}
