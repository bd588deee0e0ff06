package org.tallyrollup.workbook;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * {@link SXSSFWorkbook} with cheaper compression. The rows that leave the window go to
 * temporary files compressed at the fastest level, and the workbook's ZIP is written at
 * {@link #ZIP_LEVEL}: at POI's default level deflating was most of the time spent writing
 * a large workbook, for files hardly smaller. Strings are written inline, as before.
 *
 * <p>
 * The row files go beside the workbook being written, hidden and named after it
 * ({@code .rollup_<period>.xlsx.<random>.tmp}), rather than in the system's temporary
 * folder: a run killed while writing leaves them where the next run of the period deletes
 * them.
 */
final class StreamingWorkbook extends SXSSFWorkbook {

	/**
	 * Deflate level of the workbook itself: fast, and still about 90 % smaller than its
	 * XML.
	 */
	static final int ZIP_LEVEL = 1;

	/** The workbook whose row files are being made in this thread. */
	private static final ThreadLocal<Path> ROW_FILES = new ThreadLocal<>();

	private final Path rowFiles;

	/**
	 * @param rowWindow rows kept in memory per sheet
	 * @param target the workbook being written: its row files go beside it
	 */
	StreamingWorkbook(int rowWindow, Path target) {
		super(null, rowWindow, true, false);
		this.rowFiles = target;
	}

	@Override
	protected SheetDataWriter createSheetDataWriter() throws IOException {
		// the writer makes its file in its constructor, before it could be told where
		ROW_FILES.set(this.rowFiles);
		try {
			return new FastGzipSheetDataWriter();
		}
		finally {
			ROW_FILES.remove();
		}
	}

	@Override
	protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
		ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
		zip.setLevel(ZIP_LEVEL);
		return zip;
	}

	/** Temporary row files gzipped at the fastest level. */
	private static final class FastGzipSheetDataWriter extends GZIPSheetDataWriter {

		FastGzipSheetDataWriter() throws IOException {
			super(null);
		}

		@Override
		public File createTempFile() throws IOException {
			Path target = ROW_FILES.get();
			if (target == null) {
				return super.createTempFile();
			}
			return Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp").toFile();
		}

		@Override
		protected OutputStream decorateOutputStream(FileOutputStream fos) throws IOException {
			return new GZIPOutputStream(fos, 64 * 1024) {
				{
					this.def.setLevel(Deflater.BEST_SPEED);
				}
			};
		}

	}

}
