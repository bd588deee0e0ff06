package org.tallyrollup.sheet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The entries of an .xlsx file for POI's package reader, with the parts POI parses into a
 * whole document in memory — content types, relationships, document properties — held to
 * {@value #MAX_DOCUMENT_PART_BYTES} bytes once inflated. The parts this program streams
 * (sheets, shared strings, styles) are bounded by {@link ZipSecureFile}'s limits and by
 * the readers.
 *
 * <p>
 * POI takes a relationships part it cannot read for an absent one; the reason a part was
 * refused (too big, or a zip bomb to {@link ZipSecureFile}) is kept, so that the file is
 * reported for what it is rather than as missing its workbook.
 */
final class BoundedPartsSource implements ZipEntrySource {

	/** Real relationship and content-type parts take a few kilobytes. */
	static final int MAX_DOCUMENT_PART_BYTES = 4 * 1024 * 1024;

	private final ZipFileZipEntrySource source;

	private volatile UnreadableFileException refusal;

	BoundedPartsSource(ZipSecureFile zip) {
		this.source = new ZipFileZipEntrySource(zip);
	}

	@Override
	public Enumeration<? extends ZipArchiveEntry> getEntries() {
		return this.source.getEntries();
	}

	@Override
	public ZipArchiveEntry getEntry(String name) {
		return this.source.getEntry(name);
	}

	@Override
	public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
		InputStream in = this.source.getInputStream(entry);
		return new Limited(in, entry.getName(),
				isDocumentPart(entry.getName()) ? MAX_DOCUMENT_PART_BYTES : Long.MAX_VALUE, this::refuse);
	}

	/**
	 * A part's stream held to the limit of its kind, for a reader that follows the parts
	 * itself.
	 */
	static InputStream limited(InputStream in, String name) {
		return isDocumentPart(name.startsWith("/") ? name.substring(1) : name)
				? new Limited(in, name, MAX_DOCUMENT_PART_BYTES, (refused) -> {
				}) : in;
	}

	static boolean isDocumentPart(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".rels") || lower.equals("[content_types].xml") || lower.startsWith("docprops/");
	}

	/** Why a part was refused, or {@code null}. */
	UnreadableFileException refusal() {
		return this.refusal;
	}

	private void refuse(UnreadableFileException refused) {
		if (this.refusal == null) {
			this.refusal = refused;
		}
	}

	@Override
	public void close() throws IOException {
		this.source.close();
	}

	@Override
	public boolean isClosed() {
		return this.source.isClosed();
	}

	/**
	 * Refuses to give more than its limit, and tells of a zip bomb refused underneath.
	 */
	private static final class Limited extends FilterInputStream {

		private final String name;

		private final long limit;

		private final Consumer<UnreadableFileException> refusals;

		private long count;

		Limited(InputStream in, String name, long limit, Consumer<UnreadableFileException> refusals) {
			super(in);
			this.name = name;
			this.limit = limit;
			this.refusals = refusals;
		}

		@Override
		public int read() throws IOException {
			int b;
			try {
				b = super.read();
			}
			catch (IOException | RuntimeException ex) {
				note(ex);
				throw ex;
			}
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n;
			try {
				n = super.read(buffer, offset, length);
			}
			catch (IOException | RuntimeException ex) {
				note(ex);
				throw ex;
			}
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void note(Exception failure) {
			UnreadableFileException reason = Unreadable.of(failure, "");
			if (reason.reason() == UnreadableFileException.Reason.ZIP_BOMB) {
				this.refusals.accept(reason);
			}
		}

		private void counted(int n) {
			this.count += n;
			if (this.count > this.limit) {
				UnreadableFileException refused = Unreadable
					.zipBomb("部件" + this.name + "解压后超过" + (this.limit / (1024 * 1024)) + "MB", null);
				this.refusals.accept(refused);
				throw refused;
			}
		}

	}

}
