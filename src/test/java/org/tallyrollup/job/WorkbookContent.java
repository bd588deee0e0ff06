package org.tallyrollup.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.tallyrollup.workbook.WorkbookSheets;

/**
 * A workbook the job wrote, read back with POI into plain values: per sheet its title,
 * its header (the row whose first cell is 单位编码, 级别 or 项目) and the rows under it as header
 * → value maps, where a count is a {@link Long}, a rate (a cell formatted as a
 * percentage) a {@link Double}, text a {@link String} and a blank cell {@code null}. The
 * layout (frozen panes, autofilter, outline levels, indents, number formats) is kept
 * beside the values so that tests can look at it too.
 */
public final class WorkbookContent {

	/** The count headers, in the order the workbook shows them. */
	public static final List<String> COUNTS = List.of("党支部数", "党员数", "检视问题数", "整改措施数", "已完成整改数", "党中央关心关注问题数",
			"制约高质量发展问题数", "群众急难愁盼问题数", "防范化解重大风险问题数", "全面从严治党问题数", "其他问题数", "调研课题数", "建章立制数");

	/**
	 * The first cell of a header: 单位编码, 级别 or 项目, or 文件 on a continuation of 运行信息 that
	 * starts with its table of files or of what was passed over.
	 */
	private static final Set<String> HEADER_STARTS = Set.of("单位编码", "级别", "项目", "文件");

	private final Map<String, Sheet> sheets;

	private WorkbookContent(Map<String, Sheet> sheets) {
		this.sheets = sheets;
	}

	public static WorkbookContent read(Path file) {
		try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Map<String, Sheet> sheets = new LinkedHashMap<>();
			for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
				XSSFSheet sheet = workbook.getSheetAt(i);
				sheets.put(sheet.getSheetName(), sheet(sheet));
			}
			return new WorkbookContent(sheets);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public List<String> sheetNames() {
		return List.copyOf(this.sheets.keySet());
	}

	public Sheet sheet(String name) {
		Sheet sheet = this.sheets.get(name);
		if (sheet == null) {
			throw new IllegalArgumentException("No sheet " + name + " in " + this.sheets.keySet());
		}
		return sheet;
	}

	public List<Sheet> sheets() {
		return List.copyOf(this.sheets.values());
	}

	/** A sheet and its continuations ({@code 明细}, {@code 明细(2)}…), in order. */
	public List<Sheet> parts(String series) {
		List<Sheet> parts = new ArrayList<>();
		for (int part = 1; this.sheets.containsKey(WorkbookSheets.partName(series, part)); part++) {
			parts.add(this.sheets.get(WorkbookSheets.partName(series, part)));
		}
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("No sheet " + series + " in " + this.sheets.keySet());
		}
		return parts;
	}

	/** The data rows of a sheet and its continuations. */
	public List<Row> rows(String series) {
		List<Row> rows = new ArrayList<>();
		parts(series).forEach((sheet) -> rows.addAll(sheet.rows()));
		return rows;
	}

	/** The row of a unit on a sheet (and its continuations). */
	public Row unit(String series, String code) {
		List<Row> found = rows(series).stream().filter((row) -> code.equals(row.get("单位编码"))).toList();
		if (found.size() != 1) {
			throw new AssertionError(found.size() + " rows of unit " + code + " on " + series);
		}
		return found.get(0);
	}

	/** The 单位编码 column of a sheet (and its continuations), in order. */
	public List<String> codes(String series) {
		return rows(series).stream().map((row) -> (String) row.get("单位编码")).toList();
	}

	public RunInfo runInfo() {
		return RunInfo.parse(parts(WorkbookSheets.RUN_INFO));
	}

	/** Every sheet's cells as values, where {@code keep} says which rows to compare. */
	public Map<String, List<List<Object>>> cells(Predicate<List<Object>> keep) {
		Map<String, List<List<Object>>> cells = new LinkedHashMap<>();
		this.sheets.forEach((name, sheet) -> cells.put(name, sheet.cells().stream().filter(keep).toList()));
		return cells;
	}

	private static Sheet sheet(XSSFSheet sheet) {
		List<List<Object>> cells = new ArrayList<>();
		List<List<String>> formats = new ArrayList<>();
		for (int r = 0; r <= sheet.getLastRowNum(); r++) {
			XSSFRow row = sheet.getRow(r);
			List<Object> values = new ArrayList<>();
			List<String> rowFormats = new ArrayList<>();
			if (row != null) {
				for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
					Cell cell = row.getCell(c);
					values.add(value(cell));
					rowFormats.add((cell != null) ? cell.getCellStyle().getDataFormatString() : null);
				}
			}
			cells.add(values);
			formats.add(rowFormats);
		}
		int headerIndex = -1;
		for (int r = 0; r < Math.min(5, cells.size()); r++) {
			List<Object> values = cells.get(r);
			if (!values.isEmpty() && HEADER_STARTS.contains(values.get(0))) {
				headerIndex = r;
				break;
			}
		}
		List<String> headers = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		if (headerIndex >= 0) {
			cells.get(headerIndex).forEach((h) -> headers.add((String) h));
			int nameColumn = headers.indexOf("单位名称");
			for (int r = headerIndex + 1; r < cells.size(); r++) {
				XSSFRow row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				Map<String, Object> values = new LinkedHashMap<>();
				Map<String, String> rowFormats = new LinkedHashMap<>();
				for (int c = 0; c < headers.size(); c++) {
					String header = headers.get(c);
					if (header == null || values.containsKey(header)) {
						continue;
					}
					values.put(header, (c < cells.get(r).size()) ? cells.get(r).get(c) : null);
					rowFormats.put(header, (c < formats.get(r).size()) ? formats.get(r).get(c) : null);
				}
				Cell name = (nameColumn >= 0) ? row.getCell(nameColumn) : null;
				rows.add(new Row(sheet.getSheetName(), r + 1, Collections.unmodifiableMap(values),
						Collections.unmodifiableMap(rowFormats), row.getOutlineLevel(),
						(name != null) ? name.getCellStyle().getIndention() : 0));
			}
		}
		PaneInformation pane = sheet.getPaneInformation();
		String filter = sheet.getCTWorksheet().isSetAutoFilter() ? sheet.getCTWorksheet().getAutoFilter().getRef()
				: null;
		List<Object> title = cells.isEmpty() ? List.of() : cells.get(0);
		return new Sheet(sheet.getSheetName(), title.isEmpty() ? null : (String) title.get(0), headerIndex + 1,
				Collections.unmodifiableList(headers), List.copyOf(rows), cells, (pane != null && pane.isFreezePane()),
				(pane != null) ? pane.getHorizontalSplitPosition() : 0, filter, sheet.getRowSumsBelow());
	}

	private static Object value(Cell cell) {
		if (cell == null) {
			return null;
		}
		CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
				: cell.getCellType();
		return switch (type) {
			case STRING -> cell.getStringCellValue().isEmpty() ? null : cell.getStringCellValue();
			case NUMERIC -> number(cell.getNumericCellValue(), cell.getCellStyle().getDataFormatString());
			case BOOLEAN -> cell.getBooleanCellValue();
			default -> null;
		};
	}

	private static Object number(double value, String format) {
		if (format != null && format.contains("%")) {
			return value;
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return (long) value;
		}
		return value;
	}

	/**
	 * A sheet as read.
	 *
	 * @param name the sheet name
	 * @param title the text of row 1
	 * @param headerRow the 1-based row of the header (0 when none was found)
	 * @param headers the header texts
	 * @param rows the rows under the header
	 * @param cells every row's cell values from row 1, for comparing whole sheets
	 * @param frozen whether panes are frozen
	 * @param frozenRows how many rows stay put when scrolling
	 * @param autoFilter the autofilter's range, {@code null} for none
	 * @param rowSumsBelow whether an outline's summary row is below its group
	 */
	public record Sheet(String name, String title, int headerRow, List<String> headers, List<Row> rows,
			List<List<Object>> cells, boolean frozen, int frozenRows, String autoFilter, boolean rowSumsBelow) {

	}

	/**
	 * A row under a sheet's header.
	 *
	 * @param sheet the sheet it is on
	 * @param number its 1-based row number
	 * @param values header → value
	 * @param formats header → the cell's number format
	 * @param outlineLevel the row's outline (grouping) level
	 * @param indent the indent of its 单位名称 cell
	 */
	public record Row(String sheet, int number, Map<String, Object> values, Map<String, String> formats,
			int outlineLevel, int indent) {

		public Object get(String header) {
			if (!this.values.containsKey(header)) {
				throw new IllegalArgumentException("No column " + header + " in " + this.values.keySet());
			}
			return this.values.get(header);
		}

		public String text(String header) {
			return (String) get(header);
		}

		/** A count: must be a number cell. */
		public long count(String header) {
			Object value = get(header);
			if (!(value instanceof Long count)) {
				throw new AssertionError(header + " on " + this.sheet + " row " + this.number + " is not a count: "
						+ ((value != null) ? value.getClass().getSimpleName() + " " + value : null));
			}
			return count;
		}

		/** A rate, {@code null} where the cell is blank. */
		public Double rate(String header) {
			Object value = get(header);
			if (value != null && !(value instanceof Double)) {
				throw new AssertionError(
						header + " on " + this.sheet + " row " + this.number + " is not a rate: " + value);
			}
			return (Double) value;
		}

		/** The counts of {@link #COUNTS}, in that order. */
		public List<Long> counts() {
			return COUNTS.stream().map(this::count).toList();
		}

		/** The named counts, as header → value, in the order given. */
		public Map<String, Long> counts(String... headers) {
			Map<String, Long> counts = new LinkedHashMap<>();
			for (String header : headers) {
				counts.put(header, count(header));
			}
			return counts;
		}

	}

	/**
	 * The 运行信息 sheet (and its continuations) as facts, input files and skipped items.
	 *
	 * @param facts 项目 → 内容 of the facts table
	 * @param files the input files, in the order listed
	 * @param filesTotal the 合计 line under the input files
	 * @param skipped the skipped files and sheets, in the order listed
	 */
	public record RunInfo(Map<String, Object> facts, List<InputFile> files, InputFile filesTotal,
			List<Skipped> skipped) {

		public Object fact(String item) {
			if (!this.facts.containsKey(item)) {
				throw new IllegalArgumentException("No fact " + item + " in " + this.facts.keySet());
			}
			return this.facts.get(item);
		}

		public InputFile file(String path) {
			return this.files.stream()
				.filter((f) -> f.path().equals(path))
				.findFirst()
				.orElseThrow(() -> new AssertionError(
						"No input file " + path + " in " + this.files.stream().map(InputFile::path).toList()));
		}

		static RunInfo parse(List<Sheet> parts) {
			Map<String, Object> facts = new LinkedHashMap<>();
			List<InputFile> files = new ArrayList<>();
			List<Skipped> skipped = new ArrayList<>();
			InputFile total = null;
			String table = "facts";
			for (Sheet part : parts) {
				List<List<Object>> cells = part.cells();
				for (int r = 1; r < cells.size(); r++) {
					List<Object> row = cells.get(r);
					Object first = cell(row, 0);
					Object second = cell(row, 1);
					if (first == null && second == null) {
						continue;
					}
					if ("项目".equals(first) && "内容".equals(second)) {
						table = "facts";
					}
					else if ("文件".equals(first) && "大小（字节）".equals(second)) {
						table = "files";
					}
					else if ("文件".equals(first) && "工作表".equals(second)) {
						table = "skipped";
					}
					else if (second == null && ("输入文件".equals(first) || "跳过的文件和工作表".equals(first))) {
						continue;
					}
					else if (table.equals("facts")) {
						facts.put((String) first, second);
					}
					else if (table.equals("files")) {
						InputFile file = new InputFile((String) first, (Long) second, (String) cell(row, 2),
								(String) cell(row, 3), (Long) cell(row, 4), (Long) cell(row, 5), (Long) cell(row, 6),
								(Long) cell(row, 7), (Long) cell(row, 8), (String) cell(row, 9));
						if ("合计".equals(first)) {
							total = file;
						}
						else {
							files.add(file);
						}
					}
					else {
						skipped.add(new Skipped((String) first, (String) second, (String) cell(row, 2)));
					}
				}
			}
			return new RunInfo(facts, files, total, skipped);
		}

		private static Object cell(List<Object> row, int index) {
			return (index < row.size()) ? row.get(index) : null;
		}

	}

	/**
	 * An input file as 运行信息 lists it.
	 *
	 * @param path relative to the period folder
	 * @param size its size in bytes
	 * @param sha256 its SHA-256, hex
	 * @param modified its modification time as shown
	 * @param read rows read
	 * @param accepted rows accepted
	 * @param rejected rows rejected
	 * @param superseded rows superseded
	 * @param skipped rows skipped
	 * @param status 已读取 or why it could not be read
	 */
	public record InputFile(String path, Long size, String sha256, String modified, Long read, Long accepted,
			Long rejected, Long superseded, Long skipped, String status) {

		/** accepted, rejected, superseded, skipped. */
		public List<Long> states() {
			return List.of(this.accepted, this.rejected, this.superseded, this.skipped);
		}

		public boolean balances() {
			return Objects.equals(this.read, this.accepted + this.rejected + this.superseded + this.skipped);
		}

	}

	/**
	 * A file or sheet passed over, as 运行信息 lists it.
	 *
	 * @param file the file (or hidden folder) relative to the period folder
	 * @param sheet the sheet, {@code null} for a whole file
	 * @param reason why
	 */
	public record Skipped(String file, String sheet, String reason) {

	}

}
