package org.tallyrollup.sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every spreadsheet fixture in the repository (the bundled sample under {@code input/}
 * and every .xlsx, .xlsm and .xls under {@code src/test/resources}; a new one joins by
 * being there) is read by the product's format layer and by POI's usermodel, which must
 * agree cell by cell under the rendering contract of {@link RawRow}, written out here
 * again from POI's values rather than taken from the product. CSV files are left out: POI
 * has no CSV reader.
 *
 * <p>
 * Where the two differ on purpose, the file is listed in {@link #DIFFERENCES} with the
 * reason, and the product's reading of it is asserted elsewhere (QuirkFilesTests).
 */
class PoiDifferentialTests {

	/** Files on which the product and POI differ on purpose, with the reason. */
	static final Map<String, String> DIFFERENCES = Map.of("一行拆成多个row.xlsx",
			"POI keeps only the last <row> element of a number; Excel and the product merge them into one row",
			"损坏的条目.xlsx",
			"POI does not check a part's CRC-32 and reads the altered digit; the product refuses the damaged file",
			"ISO日期单元格.xlsx",
			"POI takes at most nine fractional digits in a t=\"d\" cell and no time-only value or duration; the product renders them as date cells");

	private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@TestFactory
	Stream<DynamicTest> productAndPoiAgreeCellByCell() throws IOException {
		List<Path> fixtures = fixtures();
		assertThat(fixtures).hasSizeGreaterThan(15);
		return fixtures.stream()
			.filter((file) -> !DIFFERENCES.containsKey(file.getFileName().toString()))
			.map((file) -> DynamicTest.dynamicTest(file.toString(), () -> compare(file)));
	}

	static List<Path> fixtures() throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path root : List.of(Path.of("input"), Path.of("src", "test", "resources"))) {
			try (Stream<Path> walk = Files.walk(root)) {
				walk.filter(Files::isRegularFile).filter((file) -> {
					String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
					return !name.startsWith("~$")
							&& (name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls"));
				}).sorted().forEach(files::add);
			}
		}
		return files;
	}

	private static void compare(Path file) throws IOException {
		Workbook poi;
		try {
			poi = WorkbookFactory.create(file.toFile(), null, true);
		}
		catch (Exception ex) {
			// POI cannot open it: neither may the product
			assertThat(catchUnreadable(file)).as("POI refused %s (%s); the product must too", file, ex).isNotNull();
			return;
		}
		try (poi; SpreadsheetFile product = Spreadsheets.open(file)) {
			boolean date1904 = (poi instanceof XSSFWorkbook xssf) ? xssf.isDate1904()
					: ((HSSFWorkbook) poi).getInternalWorkbook().isUsing1904DateWindowing();
			for (SheetInfo sheet : product.sheets()) {
				if (sheet.kind() != SheetInfo.Kind.WORKSHEET) {
					continue;
				}
				Sheet poiSheet = poi.getSheet(sheet.name());
				assertThat(poiSheet).as("sheet %s of %s in POI", sheet.name(), file).isNotNull();
				assertThat(productRows(product, sheet)).as("sheet %s of %s", sheet.name(), file)
					.isEqualTo(poiRows(poiSheet, date1904));
			}
		}
	}

	private static UnreadableFileException catchUnreadable(Path file) {
		try (SpreadsheetFile product = Spreadsheets.open(file)) {
			for (SheetInfo sheet : product.sheets()) {
				if (sheet.readable()) {
					productRows(product, sheet);
				}
			}
			return null;
		}
		catch (UnreadableFileException ex) {
			return ex;
		}
	}

	/** Row number → cells without trailing blanks; blank rows left out. */
	private static Map<Integer, List<String>> productRows(SpreadsheetFile product, SheetInfo sheet) {
		Map<Integer, List<String>> rows = new TreeMap<>();
		try (RowCursor cursor = product.rows(sheet)) {
			cursor.forEachRemaining((row) -> put(rows, row.number(), row.cells()));
		}
		return rows;
	}

	private static Map<Integer, List<String>> poiRows(Sheet sheet, boolean date1904) {
		Map<Integer, List<String>> rows = new TreeMap<>();
		for (Row row : sheet) {
			List<String> cells = new ArrayList<>();
			for (int column = 0; column < Math.max(row.getLastCellNum(), 0); column++) {
				Cell cell = row.getCell(column);
				cells.add((cell != null) ? render(cell, date1904) : "");
			}
			put(rows, row.getRowNum() + 1, cells);
		}
		return rows;
	}

	private static void put(Map<Integer, List<String>> rows, int number, List<String> cells) {
		int width = cells.size();
		while (width > 0 && cells.get(width - 1).isEmpty()) {
			width--;
		}
		if (width > 0) {
			rows.put(number, List.copyOf(cells.subList(0, width)));
		}
	}

	/** The rendering contract of {@link RawRow}, from POI's values. */
	private static String render(Cell cell, boolean date1904) {
		CellType type = cell.getCellType();
		if (type == CellType.FORMULA) {
			type = cell.getCachedFormulaResultType();
		}
		return switch (type) {
			case NUMERIC ->
				isDate(cell) ? date(cell.getNumericCellValue(), date1904) : number(cell.getNumericCellValue());
			case STRING -> cell.getRichStringCellValue().getString();
			case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
			case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
			default -> "";
		};
	}

	/**
	 * POI's date formats, and the built-in ones Chinese Excel shows as dates (27–36,
	 * 50–58).
	 */
	private static boolean isDate(Cell cell) {
		short format = cell.getCellStyle().getDataFormat();
		return DateUtil.isCellDateFormatted(cell) || (format >= 27 && format <= 36) || (format >= 50 && format <= 58);
	}

	private static String date(double value, boolean date1904) {
		LocalDateTime dateTime = DateUtil.getLocalDateTime(value, date1904, true);
		return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT) ? DATE.format(dateTime) : DATE_TIME.format(dateTime);
	}

	private static String number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		BigDecimal decimal = new BigDecimal(value).round(EXCEL_PRECISION).stripTrailingZeros();
		return (decimal.signum() == 0) ? "0" : decimal.toPlainString();
	}

}
