package org.tallyrollup.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A consolidated workbook opened for checks: its tables as rows of cells by header. */
final class OutputWorkbook implements AutoCloseable {

	private final XSSFWorkbook workbook;

	private OutputWorkbook(XSSFWorkbook workbook) {
		this.workbook = workbook;
	}

	static OutputWorkbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new OutputWorkbook(new XSSFWorkbook(in));
		}
	}

	XSSFWorkbook workbook() {
		return this.workbook;
	}

	/** The first table of a sheet (header in row 2), up to its first blank row. */
	List<Map<String, Cell>> table(String sheet) {
		return table(this.workbook.getSheet(sheet), 1);
	}

	/**
	 * A table of 运行信息 whose header starts with {@code firstHeader}, up to 合计 or a blank
	 * row.
	 */
	List<Map<String, Cell>> runInfoTable(String firstHeader) {
		Sheet sheet = this.workbook.getSheet("运行信息");
		for (Row row : sheet) {
			Cell first = row.getCell(0);
			if (first != null && first.getCellType() == CellType.STRING
					&& first.getStringCellValue().equals(firstHeader) && row.getCell(1) != null
					&& row.getCell(1).getCellType() == CellType.STRING) {
				return table(sheet, row.getRowNum());
			}
		}
		throw new AssertionError("No table headed " + firstHeader);
	}

	private static List<Map<String, Cell>> table(Sheet sheet, int headerRow) {
		Row header = sheet.getRow(headerRow);
		List<Map<String, Cell>> rows = new ArrayList<>();
		for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null || row.getCell(0) == null || row.getCell(0).getCellType() == CellType.BLANK
					|| "合计".equals(text(row.getCell(0)))) {
				break;
			}
			Map<String, Cell> cells = new LinkedHashMap<>();
			for (Cell name : header) {
				if (name.getCellType() == CellType.STRING) {
					cells.put(name.getStringCellValue(), row.getCell(name.getColumnIndex()));
				}
			}
			rows.add(cells);
		}
		return rows;
	}

	static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		return switch (cell.getCellType()) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> Long.toString((long) cell.getNumericCellValue());
			default -> "";
		};
	}

	static long number(Cell cell) {
		return (long) cell.getNumericCellValue();
	}

	@Override
	public void close() throws IOException {
		this.workbook.close();
	}

}
