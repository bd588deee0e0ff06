package org.tallyrollup.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An input folder for whole-job tests, generated: a registry of a city,
 * {@value #DISTRICTS} districts and {@value #BRANCHES} branches in each, and one tally
 * per district (.xlsx, .csv in UTF-8 or GBK, .xls) with a title, a header, every branch's
 * row, a few broken rows, a totals row and a footer. Enough rows for many chunks, so that
 * a run can be killed part-way through a file. Modification times are fixed, so that
 * copies read the same and duplicates resolve the same way.
 */
final class GeneratedInput {

	static final String PERIOD = "2024-05";

	static final int DISTRICTS = 6;

	static final int BRANCHES = 250;

	static final String[] HEADER = { "序号", "单位编码", "单位名称", "党支部数", "党员数", "检视问题数", "整改措施数", "已完成整改数", "备注" };

	private static final Instant WRITTEN = Instant.parse("2024-05-31T08:00:00Z");

	private GeneratedInput() {
	}

	/** Writes the registry and one tally per district. */
	static Path create(Path input) throws IOException {
		Files.createDirectories(input.resolve(PERIOD));
		StringBuilder units = new StringBuilder("单位编码,单位名称,上级单位编码,单位类别\n");
		units.append("01,中共测试市委,,市委\n");
		for (int d = 1; d <= DISTRICTS; d++) {
			units.append(district(d)).append(",中共第").append(d).append("区委,01,区委\n");
			for (int b = 1; b <= BRANCHES; b++) {
				units.append(branch(d, b))
					.append(",第")
					.append(d)
					.append("区第")
					.append(b)
					.append("党支部,")
					.append(district(d))
					.append(",党支部\n");
			}
		}
		write(input.resolve("units.csv"), units.toString(), StandardCharsets.UTF_8, 0);
		for (int d = 1; d <= DISTRICTS; d++) {
			List<String[]> rows = districtRows(d);
			Path folder = input.resolve(PERIOD).resolve("第" + d + "区");
			Files.createDirectories(folder);
			switch (d % 4) {
				case 0 -> workbook(new XSSFWorkbook(), folder.resolve("第" + d + "区统计表.xlsx"), rows, d);
				case 1 -> write(folder.resolve("第" + d + "区统计表.csv"), csv(rows), StandardCharsets.UTF_8, d);
				case 2 -> workbook(new HSSFWorkbook(), folder.resolve("第" + d + "区统计表.xls"), rows, d);
				default -> write(folder.resolve("第" + d + "区统计表.csv"), csv(rows), Charset.forName("GB18030"), d);
			}
		}
		return input;
	}

	/**
	 * Adds a later submission from district 1 that supersedes 40 of its rows, with one
	 * more broken row: what a district sends after a first run.
	 */
	static Path addLateSubmission(Path input) throws IOException {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "第1区补报" });
		rows.add(HEADER);
		for (int b = 1; b <= 40; b++) {
			rows.add(row(b, branch(1, b), "第1区第" + b + "党支部", 2, 30 + b, 7, 9, 4, "补报"));
		}
		rows.add(row(41, branch(1, 41), "第1区第41党支部", 1, 20, 5, 3, 9, "已完成多于措施"));
		write(input.resolve(PERIOD).resolve("第1区").resolve("第1区补报.csv"), csv(rows), StandardCharsets.UTF_8, 50);
		return input;
	}

	/** Copies an input folder, keeping modification times. */
	static Path copy(Path from, Path to) throws IOException {
		Files.walkFileTree(from, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				Files.createDirectories(to.resolve(from.relativize(dir).toString()));
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
				return FileVisitResult.CONTINUE;
			}

		});
		return to;
	}

	static String district(int d) {
		return String.format("01%02d", d);
	}

	static String branch(int d, int b) {
		return String.format("01%02d%03d", d, b);
	}

	private static List<String[]> districtRows(int d) {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "第" + d + "区主题教育检视整改进展情况统计表" });
		rows.add(new String[] { "填报单位：第" + d + "区委组织部" });
		rows.add(HEADER);
		long[] sums = new long[5];
		for (int b = 1; b <= BRANCHES; b++) {
			int issues = (b * 7 + d) % 13;
			int measures = issues + (b % 3);
			int completed = Math.min(measures, (b * 5 + d) % 11);
			long[] counts = { 1, 10 + (b * 3 + d) % 40, issues, measures, completed };
			String[] row = row(b, branch(d, b), "第" + d + "区第" + b + "党支部", counts[0], counts[1], counts[2], counts[3],
					counts[4], "");
			if (b == 17) {
				row[6] = "十二";
			}
			else {
				for (int i = 0; i < sums.length; i++) {
					sums[i] += counts[i];
				}
			}
			rows.add(row);
			if (b == 100) {
				rows.add(new String[0]);
			}
		}
		rows.add(row(BRANCHES + 1, "99" + d, "不在名册的单位", 1, 5, 1, 1, 1, ""));
		rows.add(new String[] { "", "合计", "", Long.toString(sums[0]), Long.toString(sums[1]), Long.toString(sums[2]),
				Long.toString(sums[3]), Long.toString(sums[4]) });
		rows.add(new String[] { "填报人：张三" });
		return rows;
	}

	private static String[] row(int no, String code, String name, long branches, long members, long issues,
			long measures, long completed, String remarks) {
		return new String[] { Integer.toString(no), code, name, Long.toString(branches), Long.toString(members),
				Long.toString(issues), Long.toString(measures), Long.toString(completed), remarks };
	}

	private static String csv(List<String[]> rows) {
		StringBuilder text = new StringBuilder();
		for (String[] row : rows) {
			text.append(String.join(",", row)).append("\r\n");
		}
		return text.toString();
	}

	private static void write(Path file, String text, Charset charset, int minutes) throws IOException {
		Files.write(file, text.getBytes(charset));
		Files.setLastModifiedTime(file, FileTime.from(WRITTEN.plusSeconds(60L * minutes)));
	}

	private static void workbook(Workbook workbook, Path file, List<String[]> rows, int minutes) throws IOException {
		try (workbook) {
			Sheet sheet = workbook.createSheet("统计表");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				String[] cells = rows.get(r);
				for (int c = 0; c < cells.length; c++) {
					String value = cells[c];
					if (r > 2 && c >= 3 && c <= 7 && value.matches("\\d+")) {
						row.createCell(c).setCellValue(Long.parseLong(value));
					}
					else {
						row.createCell(c).setCellValue(value);
					}
				}
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
		Files.setLastModifiedTime(file, FileTime.from(WRITTEN.plusSeconds(60L * minutes)));
	}

}
