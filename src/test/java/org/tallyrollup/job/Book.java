package org.tallyrollup.job;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A tally workbook written as Excel or WPS would: {@code .xlsx} or {@code .xls}, cells
 * given row by row as text ({@link String}), numbers ({@link Number}), formulas
 * ({@link Formula}, saved with their cached values) or {@link #BLANK} (a blank cell with
 * a border, as a formatted but empty row of a real sheet); {@code null} leaves the cell
 * out.
 */
final class Book {

	/** A blank cell that exists, with a border. */
	static final Object BLANK = new Object();

	private final Workbook workbook;

	private final CellStyle bordered;

	private Book(Workbook workbook) {
		this.workbook = workbook;
		this.bordered = workbook.createCellStyle();
		this.bordered.setBorderBottom(BorderStyle.THIN);
	}

	static Book xlsx() {
		return new Book(new XSSFWorkbook());
	}

	static Book xls() {
		return new Book(new HSSFWorkbook());
	}

	/** A new sheet, after the ones made before. */
	SheetWriter sheet(String name) {
		return new SheetWriter(this.workbook.createSheet(name));
	}

	Book hide(String sheet) {
		this.workbook.setSheetHidden(this.workbook.getSheetIndex(sheet), true);
		return this;
	}

	/** Writes the workbook (creating folders), its formulas evaluated and cached. */
	Path write(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			this.workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			try (this.workbook; OutputStream out = Files.newOutputStream(file)) {
				this.workbook.write(out);
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes the workbook encrypted with a password (agile encryption, as Excel 2010 and
	 * later do), so that it cannot be opened without it.
	 */
	Path writeEncrypted(Path file, String password) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			try (POIFSFileSystem fs = new POIFSFileSystem()) {
				Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
				encryptor.confirmPassword(password);
				try (this.workbook; OutputStream out = encryptor.getDataStream(fs)) {
					this.workbook.write(out);
				}
				try (OutputStream out = Files.newOutputStream(file)) {
					fs.writeFilesystem(out);
				}
			}
			return file;
		}
		catch (IOException | java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The workbook's bytes as a file would hold them. */
	byte[] bytes() {
		try (this.workbook; java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			this.workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A formula, e.g. {@code SUM(D7:D10)}. */
	static Formula formula(String expression) {
		return new Formula(expression);
	}

	record Formula(String expression) {
	}

	/** Writes the rows of one sheet, from row 1 down. */
	final class SheetWriter {

		private final Sheet sheet;

		private int next;

		private SheetWriter(Sheet sheet) {
			this.sheet = sheet;
		}

		/** The next row. */
		SheetWriter row(Object... cells) {
			Row row = this.sheet.createRow(this.next++);
			for (int i = 0; i < cells.length; i++) {
				Object value = cells[i];
				if (value == null) {
					continue;
				}
				Cell cell = row.createCell(i);
				if (value == BLANK) {
					cell.setCellStyle(Book.this.bordered);
				}
				else if (value instanceof String text) {
					cell.setCellValue(text);
				}
				else if (value instanceof Number number) {
					cell.setCellValue(number.doubleValue());
				}
				else if (value instanceof Formula formula) {
					cell.setCellFormula(formula.expression());
				}
				else {
					throw new IllegalArgumentException("Cannot write " + value);
				}
			}
			return this;
		}

		/** Leaves the next row out of the file altogether. */
		SheetWriter skipRow() {
			this.next++;
			return this;
		}

		/** Merges a range such as {@code A1:L1}. */
		SheetWriter merge(String range) {
			this.sheet.addMergedRegion(CellRangeAddress.valueOf(range));
			return this;
		}

		Book book() {
			return Book.this;
		}

	}

}
