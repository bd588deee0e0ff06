package org.tallyrollup.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.tallyrollup.sheet.Header;
import org.tallyrollup.sheet.HeaderDetector;
import org.tallyrollup.sheet.RawRow;
import org.tallyrollup.sheet.RowCursor;
import org.tallyrollup.sheet.SheetInfo;
import org.tallyrollup.sheet.SpreadsheetFile;
import org.tallyrollup.sheet.TextNormalizer;

/**
 * Reads the units of a registry file: the first visible sheet with a header, rows in file
 * order. Problems of single rows (blank code or name, an unreadable 需报送) are collected,
 * not thrown, so that every problem can be listed at once.
 */
final class RegistryReader {

	private RegistryReader() {
	}

	static Result read(SpreadsheetFile file) {
		for (SheetInfo sheet : file.sheets()) {
			if (!sheet.readable()) {
				continue;
			}
			try (RowCursor cursor = file.rows(sheet)) {
				List<RawRow> leading = new ArrayList<>();
				while (leading.size() < HeaderDetector.ROWS_NEEDED && cursor.hasNext()) {
					leading.add(cursor.next());
				}
				Optional<Header<UnitColumn>> header = HeaderDetector.detect(leading, UnitColumn.HEADER);
				if (header.isPresent()) {
					return readRows(header.get(), leading, cursor);
				}
			}
		}
		return new Result(List.of(), List.of("找不到表头：需要“单位编码”和“单位名称”两列"));
	}

	private static Result readRows(Header<UnitColumn> header, List<RawRow> leading, RowCursor cursor) {
		List<Unit> units = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (RawRow row : leading) {
			if (row.number() > header.lastRow()) {
				readRow(header.columns(), row, units, problems);
			}
		}
		while (cursor.hasNext()) {
			readRow(header.columns(), cursor.next(), units, problems);
		}
		return new Result(units, problems);
	}

	private static void readRow(Map<Integer, UnitColumn> columns, RawRow row, List<Unit> units, List<String> problems) {
		if (row.isBlank()) {
			return;
		}
		String code = "";
		String name = "";
		String parent = "";
		String type = "";
		String reports = "";
		for (Map.Entry<Integer, UnitColumn> entry : columns.entrySet()) {
			String value = TextNormalizer.trim(row.cell(entry.getKey()));
			switch (entry.getValue()) {
				case CODE -> code = value;
				case NAME -> name = value;
				case PARENT -> parent = value;
				case TYPE -> type = value;
				case REPORTS -> reports = value;
			}
		}
		if (code.isEmpty() && name.isEmpty()) {
			return;
		}
		int before = problems.size();
		if (code.isEmpty()) {
			problems.add("第" + row.number() + "行：单位编码为空（单位名称“" + name + "”）");
		}
		if (name.isEmpty()) {
			problems.add("第" + row.number() + "行：单位编码 " + code + " 的单位名称为空");
		}
		if (code.length() > Unit.MAX_CODE_LENGTH) {
			problems.add("第" + row.number() + "行：单位编码超过" + Unit.MAX_CODE_LENGTH + "个字符");
		}
		if (name.length() > Unit.MAX_NAME_LENGTH) {
			problems.add("第" + row.number() + "行：单位名称超过" + Unit.MAX_NAME_LENGTH + "个字符");
		}
		Boolean reportsFlag = parseReports(reports);
		if (!reports.isEmpty() && reportsFlag == null) {
			problems.add("第" + row.number() + "行：需报送“" + reports + "”无法识别（应填 是/否）");
		}
		if (problems.size() == before) {
			units.add(new Unit(code, name, parent.isEmpty() ? null : parent, type, reportsFlag, row.number()));
		}
	}

	/** 是/否, Y/N, yes/no, true/false, 1/0; {@code null} for blank or anything else. */
	static Boolean parseReports(String text) {
		String value = TextNormalizer.halfWidth(text).trim().toLowerCase(Locale.ROOT);
		return switch (value) {
			case "是", "y", "yes", "true", "1", "√", "需报送", "报送" -> Boolean.TRUE;
			case "否", "n", "no", "false", "0", "×", "不报送" -> Boolean.FALSE;
			default -> null;
		};
	}

	record Result(List<Unit> units, List<String> problems) {
	}

}
