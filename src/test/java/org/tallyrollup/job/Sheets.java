package org.tallyrollup.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A sheet of a workbook the job wrote, read as rows of header → value (the header in row
 * 2, the data under it to the first blank row): text as a string, numbers as a Double, a
 * blank cell as {@code null}.
 */
final class Sheets {

	private Sheets() {
	}

	static XSSFWorkbook open(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Map<String, Object>> table(Path file, String sheet) {
		try (XSSFWorkbook workbook = open(file)) {
			return table(workbook.getSheet(sheet));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Map<String, Object>> table(XSSFSheet sheet) {
		return table(sheet, 1);
	}

	/** 运行信息's table of input files, one row per file. */
	static List<Map<String, Object>> inputFiles(Path file) {
		try (XSSFWorkbook workbook = open(file)) {
			XSSFSheet sheet = workbook.getSheet("运行信息");
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row != null && row.getCell(0) != null && "输入文件".equals(value(row.getCell(0)))) {
					List<Map<String, Object>> files = table(sheet, r + 1);
					return files.subList(0, files.size() - 1);
				}
			}
			throw new IllegalStateException("no table of input files");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Map<String, Object>> table(XSSFSheet sheet, int headerRow) {
		Row header = sheet.getRow(headerRow);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null || row.getCell(0) == null || value(row.getCell(0)) == null) {
				break;
			}
			Map<String, Object> values = new LinkedHashMap<>();
			for (int c = 0; c < header.getLastCellNum(); c++) {
				values.put(header.getCell(c).getStringCellValue(), value(row.getCell(c)));
			}
			rows.add(values);
		}
		return rows;
	}

	/** The 内容 of each 项目 of 运行信息's first table. */
	static Map<String, Object> facts(Path file) {
		Map<String, Object> facts = new LinkedHashMap<>();
		for (Map<String, Object> row : table(file, "运行信息")) {
			facts.put((String) row.get("项目"), row.get("内容"));
		}
		return facts;
	}

	private static Object value(Cell cell) {
		if (cell == null || cell.getCellType() == CellType.BLANK) {
			return null;
		}
		if (cell.getCellType() == CellType.NUMERIC) {
			return cell.getNumericCellValue();
		}
		String text = cell.getStringCellValue();
		return text.isEmpty() ? null : text;
	}

}
