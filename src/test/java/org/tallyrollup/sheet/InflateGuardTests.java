package org.tallyrollup.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * POI's zip-bomb limits on parts read through the JDK's ZIP reader.
 */
class InflateGuardTests {

	@TempDir
	Path dir;

	@Test
	void readsAPartThatInflatesAsTextDoes() throws Exception {
		// given: 300 KB of varied text, deflated to well over 1 % of it
		StringBuilder text = new StringBuilder();
		for (int i = 0; text.length() < 300_000; i++) {
			text.append("<row r=\"").append(i).append("\"><c><v>").append(i * 7919L % 100_003).append("</v></c></row>");
		}
		Path file = zip("a.zip", text.toString().getBytes());

		// when
		byte[] read = readPart(file);

		// then
		assertThat(new String(read)).isEqualTo(text.toString());
	}

	@Test
	void refusesAPartPastPoisInflateRatio() throws Exception {
		// given: 20 MB of one byte, deflated to about 20 KB (a ratio of 0.001)
		Path file = zip("bomb.zip", new byte[20 * 1024 * 1024]);

		// when, then: refused with POI's words, which name the ratio
		assertThatIOException().isThrownBy(() -> readPart(file))
			.withMessageContaining("Zip bomb detected")
			.withMessageContaining("max. ratio");
	}

	@Test
	void refusesAPartPastPoisMaxEntrySize() throws Exception {
		// given
		Path file = zip("big.zip", new byte[300 * 1024]);
		long limit = ZipSecureFile.getMaxEntrySize();
		double ratio = ZipSecureFile.getMinInflateRatio();
		ZipSecureFile.setMaxEntrySize(200 * 1024);
		ZipSecureFile.setMinInflateRatio(0);
		try {
			// when, then
			assertThatIOException().isThrownBy(() -> readPart(file))
				.withMessageContaining("max size of the expanded data");
		}
		finally {
			ZipSecureFile.setMaxEntrySize(limit);
			ZipSecureFile.setMinInflateRatio(ratio);
		}
	}

	@Test
	void leavesASmallPartAloneWhateverItsRatio() throws Exception {
		// given: 100 KB of one byte (POI does not look at the ratio below 100 KB)
		Path file = zip("small.zip", new byte[100 * 1024]);

		// when, then
		assertThat(readPart(file)).hasSize(100 * 1024);
	}

	@Test
	void refusesAPartThatInflatesPastTheSizeTheZipDeclares() throws Exception {
		// given: 50 KB of text whose central directory says 1 KB
		byte[] content = new byte[50 * 1024];
		Arrays.fill(content, (byte) 'a');
		Path file = zip("lying.zip", content);
		byte[] bytes = Files.readAllBytes(file);
		ByteBuffer zip = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		int central = -1;
		for (int i = bytes.length - 22; i >= 0 && central < 0; i--) {
			if (zip.getInt(i) == 0x02014b50) {
				central = i;
			}
		}
		assertThat(zip.getInt(central + 24)).isEqualTo(content.length);
		zip.putInt(central + 24, 1024);
		Files.write(file, bytes);

		// when, then: the ZIP lies about the part, which is damage, not a bomb
		assertThatIOException().isThrownBy(() -> readPart(file))
			.withMessage("文件已损坏或不完整：部件part.xml解压后超过压缩包中记录的1024字节")
			.havingCause()
			.isInstanceOfSatisfying(UnreadableFileException.class,
					(cause) -> assertThat(cause.reason()).isEqualTo(UnreadableFileException.Reason.DAMAGED));
	}

	@Test
	void refusesAPartWhoseBytesDoNotMatchTheCrcTheZipDeclares() throws Exception {
		// given: one byte of the stored part changed after the ZIP was written
		byte[] content = "<sheetData><row r=\"1\"><c><v>12</v></c></row></sheetData>".getBytes(StandardCharsets.UTF_8);
		Path file = this.dir.resolve("altered.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			ZipEntry entry = new ZipEntry("part.xml");
			entry.setMethod(ZipEntry.STORED);
			entry.setSize(content.length);
			CRC32 crc = new CRC32();
			crc.update(content);
			entry.setCrc(crc.getValue());
			out.putNextEntry(entry);
			out.write(content);
			out.closeEntry();
		}
		byte[] bytes = Files.readAllBytes(file);
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		bytes[text.indexOf("<v>12") + 4] = '7';
		Files.write(file, bytes);

		// when, then: the JDK reads the altered 17 without a word; the guard does not
		assertThatIOException().isThrownBy(() -> readPart(file)).withMessage("文件已损坏或不完整：部件part.xml的校验码（CRC-32）不符");
	}

	@Test
	void readsAPartWhoseSizeAndCrcAreWhatTheZipDeclares() throws Exception {
		// given
		byte[] content = "<sheetData/>".getBytes(StandardCharsets.UTF_8);
		Path file = zip("good.zip", content);

		// when, then
		assertThat(readPart(file)).isEqualTo(content);
	}

	private Path zip(String name, byte[] content) throws IOException {
		Path file = this.dir.resolve(name);
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			out.setLevel(Deflater.BEST_COMPRESSION);
			out.putNextEntry(new ZipEntry("part.xml"));
			out.write(content);
			out.closeEntry();
		}
		return file;
	}

	private static byte[] readPart(Path file) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			ZipEntry entry = zip.getEntry("part.xml");
			try (InputStream in = InflateGuard.of(zip.getInputStream(entry), entry)) {
				return in.readAllBytes();
			}
		}
	}

}
