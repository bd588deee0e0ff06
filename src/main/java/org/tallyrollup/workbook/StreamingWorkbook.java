package org.tallyrollup.workbook;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
 */
final class StreamingWorkbook extends SXSSFWorkbook {

	/**
	 * Deflate level of the workbook itself: fast, and still about 90 % smaller than its
	 * XML.
	 */
	static final int ZIP_LEVEL = 1;

	StreamingWorkbook(int rowWindow) {
		super(null, rowWindow, true, false);
	}

	@Override
	protected SheetDataWriter createSheetDataWriter() throws IOException {
		return new FastGzipSheetDataWriter();
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
		protected OutputStream decorateOutputStream(FileOutputStream fos) throws IOException {
			return new GZIPOutputStream(fos, 64 * 1024) {
				{
					this.def.setLevel(Deflater.BEST_SPEED);
				}
			};
		}

	}

}
