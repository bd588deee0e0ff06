package org.tallyrollup.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;

import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * An .xlsx that Excel encrypted with its built-in password ("VelvetSweatshop"): Excel
 * does this to a workbook whose structure or sheets are protected or that is marked
 * read-only recommended, and opens it without asking. Its package is decrypted to a
 * temporary file, which is then read like any other. One that needs another password is
 * refused.
 */
final class EncryptedPackage {

	private EncryptedPackage() {
	}

	/**
	 * The decrypted package as a temporary file, deleted when it is closed.
	 * @throws UnreadableFileException if opening the file needs a password of its own, or
	 * its encryption cannot be read
	 */
	static LocalFile decrypt(Path file) {
		try (POIFSFileSystem fs = new POIFSFileSystem(FileChannel.open(file, StandardOpenOption.READ), true, true)) {
			EncryptionInfo info = new EncryptionInfo(fs);
			Decryptor decryptor = info.getDecryptor();
			if (!decryptor.verifyPassword(Decryptor.DEFAULT_PASSWORD)) {
				throw Unreadable.encrypted();
			}
			Path temporary = Files.createTempFile("tally-", ".xlsx");
			try (InputStream in = decryptor.getDataStream(fs)) {
				// the decrypted package is no longer than the encrypted one, which the
				// file holds
				Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
				return LocalFile.temporary(temporary);
			}
			catch (IOException | RuntimeException ex) {
				Files.deleteIfExists(temporary);
				throw ex;
			}
		}
		catch (GeneralSecurityException ex) {
			throw Unreadable.encrypted(ex);
		}
		catch (IOException | RuntimeException ex) {
			UnreadableFileException reason = Unreadable.of(ex, "加密的文件无法解密");
			throw (reason.reason() == UnreadableFileException.Reason.DAMAGED) ? Unreadable.encrypted(ex) : reason;
		}
	}

}
