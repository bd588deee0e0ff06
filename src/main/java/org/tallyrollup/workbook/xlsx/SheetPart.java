package org.tallyrollup.workbook.xlsx;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * One sheet written apart from the workbook's ZIP, compressed into a file of its own as a
 * ZIP entry holds it, with the checksum and sizes the entry needs: so that it can be
 * written on another thread while the ZIP takes other sheets, and then be copied in as it
 * is.
 */
final class SheetPart {

	private static final int BUFFER = 1 << 16;

	private final Path file;

	private final Deflater deflater;

	private final Measured measured;

	private final Writer writer;

	private boolean finished;

	/**
	 * @param file the file to hold the compressed sheet (created here)
	 * @param level the deflate level
	 */
	SheetPart(Path file, int level) throws IOException {
		this.file = file;
		this.deflater = new Deflater(level, true);
		OutputStream compressed = new DeflaterOutputStream(
				new BufferedOutputStream(Files.newOutputStream(file), BUFFER), this.deflater, BUFFER);
		this.measured = new Measured(compressed);
		this.writer = new BufferedWriter(new OutputStreamWriter(this.measured, StandardCharsets.UTF_8), BUFFER);
	}

	/** Where the sheet's XML goes. */
	Writer writer() {
		return this.writer;
	}

	/** Ends the compressed data and closes the file. */
	void finish() throws IOException {
		if (this.finished) {
			return;
		}
		this.finished = true;
		try {
			this.writer.close();
		}
		finally {
			this.deflater.end();
		}
	}

	/** Adds the sheet to the ZIP under {@code name}, as compressed here. */
	void copyTo(ZipArchiveOutputStream zip, String name) throws IOException {
		finish();
		ZipArchiveEntry entry = new ZipArchiveEntry(name);
		entry.setMethod(ZipEntry.DEFLATED);
		entry.setCrc(this.measured.crc.getValue());
		entry.setSize(this.measured.size);
		entry.setCompressedSize(Files.size(this.file));
		try (InputStream in = Files.newInputStream(this.file)) {
			zip.addRawArchiveEntry(entry, in);
		}
	}

	/** Closes and deletes the file, whatever state it is in. */
	void delete() {
		try {
			finish();
		}
		catch (IOException ex) {
			// going anyway
		}
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			// left to the next run's clean-up of temporary files
		}
	}

	/** Counts the bytes before compression and sums them as a ZIP entry's CRC-32. */
	private static final class Measured extends FilterOutputStream {

		private final CRC32 crc = new CRC32();

		private long size;

		Measured(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
			this.crc.update(b);
			this.size++;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
			this.crc.update(bytes, offset, length);
			this.size += length;
		}

	}

}
