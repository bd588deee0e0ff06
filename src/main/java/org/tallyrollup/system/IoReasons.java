package org.tallyrollup.system;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, in a few words an administrator reads: the disk is full,
 * the file system is read-only, permission is denied…
 */
public final class IoReasons {

	private IoReasons() {
	}

	public static String describe(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			String known = known(t);
			if (known != null) {
				return known;
			}
		}
		String message = (failure.getMessage() != null) ? failure.getMessage() : "";
		return failure.getClass().getSimpleName() + (message.isEmpty() ? "" : " " + message);
	}

	private static String known(Throwable t) {
		String message = (t.getMessage() != null) ? t.getMessage() : "";
		String reason = (t instanceof FileSystemException fs && fs.getReason() != null) ? fs.getReason() : message;
		if (reason.contains("No space left on device") || reason.contains("Disk quota exceeded")) {
			return "磁盘空间不足";
		}
		if (reason.contains("Read-only file system")) {
			return "文件系统为只读";
		}
		if (t instanceof AccessDeniedException || reason.contains("Permission denied")) {
			return "没有写入权限";
		}
		if (t instanceof FileAlreadyExistsException || t instanceof NotDirectoryException
				|| reason.contains("Not a directory")) {
			return "路径上已有同名文件，不是文件夹";
		}
		if (t instanceof NoSuchFileException) {
			return "路径不存在";
		}
		return null;
	}

}
