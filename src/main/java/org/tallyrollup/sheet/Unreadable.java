package org.tallyrollup.sheet;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.tallyrollup.sheet.UnreadableFileException.Reason;

/**
 * The reasons a file cannot be read, each a {@link Reason} with its text worded for the
 * clerk who sent it. No message names the file: the caller adds it.
 */
final class Unreadable {

	static final String EXCEL_2007 = "Excel 2007及以上格式";

	static final String EXCEL_97 = "Excel 97-2003格式";

	static final String TEXT = "文本/CSV";

	private Unreadable() {
	}

	static UnreadableFileException empty() {
		return new UnreadableFileException(Reason.EMPTY, "文件为空（0字节）");
	}

	static UnreadableFileException folder() {
		return new UnreadableFileException(Reason.NOT_ACCESSIBLE, "不是文件，是文件夹");
	}

	static UnreadableFileException unsupportedType() {
		return new UnreadableFileException(Reason.UNSUPPORTED_TYPE, "不是支持的表格文件类型（支持.xlsx、.xlsm、.xls、.csv）");
	}

	static UnreadableFileException encrypted() {
		return encrypted(null);
	}

	static UnreadableFileException encrypted(Throwable cause) {
		return new UnreadableFileException(Reason.ENCRYPTED, "文件设有打开密码（已加密），无法读取，请去除密码后重新报送", cause);
	}

	static UnreadableFileException oldExcel() {
		return oldExcel(null);
	}

	static UnreadableFileException oldExcel(Throwable cause) {
		return new UnreadableFileException(Reason.OLD_EXCEL, "Excel 95及更早的格式，请另存为.xlsx后重新报送", cause);
	}

	static UnreadableFileException wrongType(String extension, String expected, String actual) {
		return wrongType(extension, expected, actual, null);
	}

	static UnreadableFileException wrongType(String extension, String expected, String actual, Throwable cause) {
		return new UnreadableFileException(Reason.WRONG_TYPE,
				String.format(Locale.ROOT, "扩展名为.%s，但文件内容不是%s（实际为：%s）", extension, expected, actual), cause);
	}

	static UnreadableFileException notText(String detail) {
		return new UnreadableFileException(Reason.NOT_TEXT, "文件内容不是文本（" + detail + "），不是CSV文件；请用Excel打开后另存为.xlsx或.csv");
	}

	static UnreadableFileException corrupt(String detail, Throwable cause) {
		return new UnreadableFileException(Reason.DAMAGED, "文件已损坏或不完整：" + detail, cause);
	}

	static UnreadableFileException zipBomb(String detail, Throwable cause) {
		return new UnreadableFileException(Reason.ZIP_BOMB, "文件解压后过大，疑似压缩炸弹（" + detail + "）", cause);
	}

	static UnreadableFileException tooLong(String what, int limit) {
		return tooLong(String.format(Locale.ROOT, "%s超过%d个字符，不是正常的统计表", what, limit));
	}

	static UnreadableFileException tooLong(String message) {
		return new UnreadableFileException(Reason.TOO_LONG, message);
	}

	static UnreadableFileException tooBig(String message) {
		return new UnreadableFileException(Reason.TOO_BIG, message);
	}

	/**
	 * Turns whatever a library threw while opening or reading into the reason a clerk
	 * reads: a password, a zip bomb, an Excel 95 file, or damage (with {@code context}
	 * saying where).
	 */
	static UnreadableFileException of(Throwable failure, String context) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 20; t = next(t), depth++) {
			if (t instanceof UnreadableFileException unreadable) {
				return unreadable;
			}
			if (t instanceof EncryptedDocumentException) {
				return encrypted(failure);
			}
			if (t instanceof OldExcelFormatException) {
				return oldExcel(failure);
			}
			if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
				return new UnreadableFileException(Reason.NOT_ACCESSIBLE, "文件不存在或无法访问", failure);
			}
			if (t instanceof AccessDeniedException) {
				return new UnreadableFileException(Reason.NOT_ACCESSIBLE, "没有读取该文件的权限", failure);
			}
			String bomb = zipBombDetail(t.getMessage());
			if (bomb != null) {
				return zipBomb(bomb, failure);
			}
			String hostile = hostileXml(t.getMessage());
			if (hostile != null) {
				return new UnreadableFileException(Reason.HOSTILE_XML, hostile, failure);
			}
		}
		return corrupt(context + location(failure), failure);
	}

	private static Throwable next(Throwable t) {
		if (t instanceof XMLStreamException xml && xml.getNestedException() != null
				&& xml.getNestedException() != t.getCause()) {
			return xml.getNestedException();
		}
		return (t.getCause() != t) ? t.getCause() : null;
	}

	/**
	 * POI's {@link ZipSecureFile} messages (and {@link InflateGuard}'s, worded as POI's):
	 * POI throws a plain {@code IOException} for a zip bomb, so its message is the only
	 * way to tell one from damage.
	 */
	private static String zipBombDetail(String message) {
		if (message == null) {
			return null;
		}
		if (message.contains("max. ratio")) {
			return String.format(Locale.ROOT, "解压后大小超过压缩大小的%d倍", Math.round(1 / ZipSecureFile.getMinInflateRatio()));
		}
		if (message.contains("max size of the expanded data")) {
			return String.format(Locale.ROOT, "单个部件解压后超过%dMB", ZipSecureFile.getMaxEntrySize() / (1024 * 1024));
		}
		if (message.contains("more internal file entries than expected")) {
			return String.format(Locale.ROOT, "压缩包内的部件超过%d个", ZipSecureFile.getMaxFileCount());
		}
		if (message.startsWith("Zip bomb detected")) {
			return "超过安全限制";
		}
		return null;
	}

	/**
	 * The parsers' messages for XML no spreadsheet program writes: a DTD or entities
	 * (XXE, entity expansion), nesting past the limit.
	 */
	private static String hostileXml(String message) {
		if (message == null) {
			return null;
		}
		if (message.contains("DOCTYPE is disallowed") || message.contains("was referenced, but not declared")
				|| message.contains("Undeclared general entity")) {
			return "文件中的XML含有文档类型（DTD）或实体声明，Excel不会写出这样的文件，出于安全原因不予读取";
		}
		if (message.contains("maxElementDepth") || message.contains("Maximum Element Depth limit")) {
			return String.format(Locale.ROOT, "文件中的XML嵌套超过%d层，不是正常的Excel文件", XlsxXml.MAX_ELEMENT_DEPTH);
		}
		if (message.contains("Text size limit") || message.contains("Attribute value length limit")
				|| message.contains("Maximum attribute size limit")) {
			return String.format(Locale.ROOT, "文件中的XML有一段文字超过%d个字符，不是正常的Excel文件", XlsxXml.MAX_PARSER_TEXT_CHARS);
		}
		return null;
	}

	private static String location(Throwable failure) {
		if (failure instanceof XMLStreamException xml && xml.getLocation() != null) {
			Location location = xml.getLocation();
			if (location.getLineNumber() > 0) {
				return String.format(Locale.ROOT, "（XML第%d行第%d列）", location.getLineNumber(),
						location.getColumnNumber());
			}
		}
		return "";
	}

}
