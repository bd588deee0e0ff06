package org.tallyrollup.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What a consolidated workbook says, sheet by sheet and row by row, each cell as its type
 * and value; the run's start and end times (运行信息) are left out, so that the workbooks of
 * two runs over the same input compare equal.
 */
final class WorkbookCells {

	private static final Set<String> TIMES = Set.of("开始时间", "结束时间");

	private WorkbookCells() {
	}

	static Map<String, List<String>> of(Path workbook) throws IOException {
		Map<String, List<String>> sheets = new LinkedHashMap<>();
		try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
			for (Sheet sheet : book) {
				List<String> rows = new ArrayList<>();
				for (Row row : sheet) {
					List<String> cells = new ArrayList<>();
					for (Cell cell : row) {
						cells.add(cell.getColumnIndex() + "=" + text(cell));
					}
					if (!cells.isEmpty() && sheet.getSheetName().equals("运行信息")
							&& TIMES.contains(row.getCell(0).getStringCellValue())) {
						continue;
					}
					rows.add(row.getRowNum() + ": " + String.join(" | ", cells));
				}
				sheets.put(sheet.getSheetName(), rows);
			}
		}
		return sheets;
	}

	private static String text(Cell cell) {
		CellType type = cell.getCellType();
		return switch (type) {
			case STRING -> "s:" + cell.getStringCellValue();
			case NUMERIC -> "n:" + cell.getNumericCellValue();
			case BOOLEAN -> "b:" + cell.getBooleanCellValue();
			case FORMULA -> "f:" + cell.getCellFormula();
			case BLANK -> "";
			default -> type.name();
		};
	}

}
