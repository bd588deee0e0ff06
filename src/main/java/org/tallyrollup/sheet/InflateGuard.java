package org.tallyrollup.sheet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * POI's zip-bomb limits on a part read through the JDK's {@link java.util.zip.ZipFile}:
 * the same settings ({@link ZipSecureFile#getMaxEntrySize()},
 * {@link ZipSecureFile#getMinInflateRatio()}) and POI's messages, so that a refusal reads
 * the same whichever ZIP reader opened the file. POI checks the ratio of the compressed
 * bytes read so far to the bytes inflated so far, which the JDK does not tell; instead a
 * part is refused before it is read when the sizes the ZIP declares for it break the
 * limits, and while it is read when it inflates past the largest entry allowed or past
 * the ratio for its whole compressed size.
 *
 * <p>
 * A part that inflates to other than the size the ZIP declares for it, or whose bytes do
 * not match the CRC-32 the ZIP declares, is damaged (the JDK's {@code ZipFile} checks
 * neither): reading it would give altered figures, so it is refused as damaged, not as a
 * zip bomb.
 */
final class InflateGuard extends FilterInputStream {

	/** Below this, POI does not look at the ratio (its {@code GRACE_ENTRY_SIZE}). */
	static final long GRACE_BYTES = 100 * 1024;

	private final String name;

	private final long declaredSize;

	private final long compressedSize;

	private final long declaredCrc;

	private final CRC32 crc = new CRC32();

	private long inflated;

	private boolean ended;

	private InflateGuard(InputStream in, ZipEntry entry) {
		super(in);
		this.name = entry.getName();
		this.declaredSize = entry.getSize();
		this.compressedSize = Math.max(entry.getCompressedSize(), 0);
		this.declaredCrc = entry.getCrc();
	}

	/**
	 * The part's stream, or a refusal when its declared sizes already break the limits.
	 */
	static InputStream of(InputStream in, ZipEntry entry) throws IOException {
		InflateGuard guard = new InflateGuard(in, entry);
		try {
			if (guard.declaredSize >= 0) {
				guard.check(guard.declaredSize);
			}
		}
		catch (IOException ex) {
			in.close();
			throw ex;
		}
		return guard;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			this.crc.update(b);
			counted(1);
		}
		else {
			ended();
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			this.crc.update(buffer, offset, n);
			counted(n);
		}
		else if (n < 0) {
			ended();
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		// read, not skipped, so that the CRC covers every byte
		byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
		int read = (buffer.length == 0) ? 0 : read(buffer, 0, buffer.length);
		return Math.max(read, 0);
	}

	private void counted(long n) throws IOException {
		this.inflated += n;
		if (this.declaredSize >= 0 && this.inflated > this.declaredSize) {
			throw damaged(String.format(Locale.ROOT, "部件%s解压后超过压缩包中记录的%d字节", this.name, this.declaredSize));
		}
		check(this.inflated);
		if (this.inflated == this.declaredSize) {
			// a parser stops at the end of its document and may never read the end of the
			// stream: the CRC is checked as the last byte is read
			checkCrc();
		}
	}

	/** At the end of the part: its size and CRC must be what the ZIP declares. */
	private void ended() throws IOException {
		if (this.ended) {
			return;
		}
		this.ended = true;
		if (this.declaredSize >= 0 && this.inflated != this.declaredSize) {
			throw damaged(String.format(Locale.ROOT, "部件%s解压后只有%d字节，压缩包中记录的是%d字节", this.name, this.inflated,
					this.declaredSize));
		}
		checkCrc();
	}

	private void checkCrc() throws IOException {
		if (this.declaredCrc >= 0 && this.crc.getValue() != this.declaredCrc) {
			this.ended = true;
			throw damaged("部件" + this.name + "的校验码（CRC-32）不符");
		}
	}

	private static IOException damaged(String detail) {
		UnreadableFileException damaged = Unreadable.corrupt(detail, null);
		return new IOException(damaged.getMessage(), damaged);
	}

	private void check(long size) throws IOException {
		if (size > ZipSecureFile.getMaxEntrySize()) {
			throw new IOException(String.format(Locale.ROOT,
					"Zip bomb detected! The file would exceed the max size of the expanded data in the zip-file.%n"
							+ "Limits: MAX_ENTRY_SIZE: %d, Entry: %s",
					ZipSecureFile.getMaxEntrySize(), this.name));
		}
		if (size <= GRACE_BYTES) {
			return;
		}
		double ratio = this.compressedSize / (double) size;
		if (ratio < ZipSecureFile.getMinInflateRatio()) {
			throw new IOException(String.format(Locale.ROOT,
					"Zip bomb detected! The file would exceed the max. ratio of compressed file size to the size of the expanded data.%n"
							+ "Uncompressed size: %d, Raw/compressed size: %d, ratio: %f%n"
							+ "Limits: MIN_INFLATE_RATIO: %f, Entry: %s",
					size, this.compressedSize, ratio, ZipSecureFile.getMinInflateRatio(), this.name));
		}
	}

}
