package org.tallyrollup.sample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLProperties.CoreProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.CodePageUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the sample input: a unit registry of a small city (江州市, 104 units, five levels)
 * and one period folder with the tallies its districts and bureaus send in, written the
 * way they really arrive: a two-row header under a merged title, a legacy .xls with other
 * column names and numbers typed as text, a GBK CSV, a tab-separated CSV, nested folders,
 * Chinese file names, a lock file, a notice in Word and a file that broke in transit. A
 * few mistakes are planted on purpose so that a first run shows every kind of finding;
 * docs/sample.md lists them.
 *
 * <p>
 * The output is deterministic: the CSV files, the Word file and the lock file are the
 * same byte for byte on every run; the workbooks too, as long as the zlib that deflates
 * their entries is the same.
 *
 * <p>
 * Run with the target folder as the only argument (default {@code input}); files there
 * are overwritten, other files are left alone.
 */
public final class SampleInputGenerator {

	/** The period folder the sample holds. */
	public static final String PERIOD = "2023-11";

	private static final LocalDateTime WRITTEN = LocalDateTime.of(2023, 11, 30, 9, 0);

	private static final Charset GBK = Charset.forName("GB18030");

	private static final String CRLF = "\r\n";

	private final Path target;

	private final Map<String, Unit> units = new LinkedHashMap<>();

	private final List<String> written = new ArrayList<>();

	public SampleInputGenerator(Path target) {
		this.target = target;
		for (Unit unit : registry()) {
			this.units.put(unit.code(), unit);
		}
	}

	public static void main(String[] args) throws IOException {
		Path target = Path.of((args.length > 0) ? args[0] : "input");
		List<String> files = new SampleInputGenerator(target).generate();
		for (String file : files) {
			System.out.println(target.resolve(file));
		}
	}

	/**
	 * Writes every file of the sample.
	 * @return the files written, relative to the target folder, with {@code /}
	 */
	public List<String> generate() throws IOException {
		this.written.clear();
		writeRegistry();
		writeNotice();
		writeChengdong();
		writeChengdongLockFile();
		writeChengxi();
		writeGaoxin();
		writeBinjiang();
		writeShizhi();
		writeBrokenShizhi();
		return List.copyOf(this.written);
	}

	// ---------------------------------------------------------------------------------
	// 单位名册

	/** The registry, in display order. */
	static List<Unit> registry() {
		List<Unit> units = new ArrayList<>();
		units.add(new Unit("01", "中共江州市委", "", "市委", ""));

		units.add(new Unit("0101", "中共城东区委", "01", "区委", "是"));
		units.add(new Unit("010101", "中共东湖街道工委", "0101", "街道党工委", ""));
		units.add(new Unit("01010101", "东湖社区党总支", "010101", "党总支", ""));
		units.add(new Unit("0101010101", "东湖社区第一党支部", "01010101", "党支部", ""));
		units.add(new Unit("0101010102", "东湖社区第二党支部", "01010101", "党支部", ""));
		units.add(new Unit("01010102", "桂花社区党总支", "010101", "党总支", ""));
		units.add(new Unit("0101010201", "桂花社区第一党支部", "01010102", "党支部", ""));
		units.add(new Unit("0101010202", "桂花社区第二党支部", "01010102", "党支部", ""));
		units.add(new Unit("0101010203", "桂花社区离退休党员党支部", "01010102", "党支部", ""));
		units.add(new Unit("010102", "中共南门街道工委", "0101", "街道党工委", "是"));
		units.add(new Unit("01010201", "南门社区党总支", "010102", "党总支", ""));
		units.add(new Unit("0101020101", "南门社区第一党支部", "01010201", "党支部", ""));
		units.add(new Unit("0101020102", "南门社区第二党支部", "01010201", "党支部", ""));
		units.add(new Unit("01010202", "南门街道机关党总支", "010102", "党总支", ""));
		units.add(new Unit("0101020201", "南门街道机关第一党支部", "01010202", "党支部", ""));
		units.add(new Unit("0101020202", "南门街道机关第二党支部", "01010202", "党支部", ""));
		units.add(new Unit("010103", "中共城东区教育局委员会", "0101", "党委", ""));
		units.add(new Unit("01010301", "城东区第一中学党总支", "010103", "党总支", ""));
		units.add(new Unit("0101030101", "城东区第一中学教工第一党支部", "01010301", "党支部", ""));
		units.add(new Unit("0101030102", "城东区第一中学教工第二党支部", "01010301", "党支部", ""));
		units.add(new Unit("01010302", "城东区实验小学党总支", "010103", "党总支", ""));
		units.add(new Unit("0101030201", "城东区实验小学教工党支部", "01010302", "党支部", ""));
		units.add(new Unit("0101030202", "城东区实验小学退休教师党支部", "01010302", "党支部", ""));

		units.add(new Unit("0102", "中共城西区委", "01", "区委", ""));
		units.add(new Unit("010201", "中共西关街道工委", "0102", "街道党工委", ""));
		units.add(new Unit("01020101", "西关社区党总支", "010201", "党总支", ""));
		units.add(new Unit("0102010101", "西关社区第一党支部", "01020101", "党支部", ""));
		units.add(new Unit("0102010102", "西关社区第二党支部", "01020101", "党支部", ""));
		units.add(new Unit("01020102", "清水社区党总支", "010201", "党总支", ""));
		units.add(new Unit("0102010201", "清水社区第一党支部", "01020102", "党支部", ""));
		units.add(new Unit("0102010202", "清水社区第二党支部", "01020102", "党支部", ""));
		units.add(new Unit("010202", "中共城西区卫生健康局委员会", "0102", "党委", ""));
		units.add(new Unit("01020201", "城西区人民医院党总支", "010202", "党总支", ""));
		units.add(new Unit("0102020101", "城西区人民医院内科党支部", "01020201", "党支部", ""));
		units.add(new Unit("0102020102", "城西区人民医院外科党支部", "01020201", "党支部", ""));
		units.add(new Unit("0102020103", "城西区人民医院行政后勤党支部", "01020201", "党支部", ""));
		units.add(new Unit("01020202", "城西区疾控中心党支部", "010202", "党支部", ""));
		// The education system keeps the school codes it has always used; they have no
		// leading zero, so the district's .xls holds them as numbers.
		units.add(new Unit("010203", "中共城西区教育局委员会", "0102", "党委", ""));
		units.add(new Unit("6102001", "城西中学党总支", "010203", "党总支", ""));
		units.add(new Unit("6102011", "城西中学教工第一党支部", "6102001", "党支部", ""));
		units.add(new Unit("6102012", "城西中学教工第二党支部", "6102001", "党支部", ""));
		units.add(new Unit("6102002", "城西区第二小学党总支", "010203", "党总支", ""));
		units.add(new Unit("6102021", "城西区第二小学教工党支部", "6102002", "党支部", ""));
		units.add(new Unit("6102022", "城西区第二小学退休教师党支部", "6102002", "党支部", ""));
		units.add(new Unit("010204", "城西区非公企业和社会组织综合党委", "0102", "党委", ""));

		units.add(new Unit("0103", "中共江州高新区工委", "01", "党工委", ""));
		units.add(new Unit("010301", "高新区机关党委", "0103", "机关党委", ""));
		units.add(new Unit("01030101", "高新区管委会机关党总支", "010301", "党总支", ""));
		units.add(new Unit("0103010101", "高新区经济发展局党支部", "01030101", "党支部", ""));
		units.add(new Unit("0103010102", "高新区科技创新局党支部", "01030101", "党支部", ""));
		units.add(new Unit("0103010103", "高新区规划建设局党支部", "01030101", "党支部", ""));
		units.add(new Unit("01030102", "高新区政务服务中心党总支", "010301", "党总支", ""));
		units.add(new Unit("0103010201", "高新区政务服务中心第一党支部", "01030102", "党支部", ""));
		units.add(new Unit("0103010202", "高新区政务服务中心第二党支部", "01030102", "党支部", ""));
		units.add(new Unit("010302", "高新区非公企业综合党委", "0103", "党委", ""));
		units.add(new Unit("01030201", "江州光电科技有限公司党总支", "010302", "党总支", ""));
		units.add(new Unit("0103020101", "江州光电科技有限公司研发党支部", "01030201", "党支部", ""));
		units.add(new Unit("0103020102", "江州光电科技有限公司生产党支部", "01030201", "党支部", ""));
		units.add(new Unit("01030202", "智造产业园党总支", "010302", "党总支", ""));
		units.add(new Unit("0103020201", "智造产业园第一联合党支部", "01030202", "党支部", ""));
		units.add(new Unit("0103020202", "智造产业园第二联合党支部", "01030202", "党支部", ""));
		units.add(new Unit("010303", "中共星湖街道工委", "0103", "街道党工委", ""));
		units.add(new Unit("01030301", "星湖社区党总支", "010303", "党总支", ""));
		units.add(new Unit("0103030101", "星湖社区第一党支部", "01030301", "党支部", ""));
		units.add(new Unit("0103030102", "星湖社区第二党支部", "01030301", "党支部", ""));

		units.add(new Unit("0104", "中共滨江县委", "01", "县委", ""));
		units.add(new Unit("010401", "中共城关镇委", "0104", "镇党委", "是"));
		units.add(new Unit("01040101", "城关镇机关党总支", "010401", "党总支", ""));
		units.add(new Unit("0104010101", "城关镇机关第一党支部", "01040101", "党支部", ""));
		units.add(new Unit("0104010102", "城关镇机关第二党支部", "01040101", "党支部", ""));
		units.add(new Unit("01040102", "河西村党总支", "010401", "党总支", ""));
		units.add(new Unit("0104010201", "河西村第一党支部", "01040102", "党支部", ""));
		units.add(new Unit("0104010202", "河西村第二党支部", "01040102", "党支部", ""));
		units.add(new Unit("010402", "中共柳林镇委", "0104", "镇党委", ""));
		units.add(new Unit("01040201", "柳林镇机关党总支", "010402", "党总支", ""));
		units.add(new Unit("0104020101", "柳林镇机关党支部", "01040201", "党支部", ""));
		units.add(new Unit("0104020102", "柳林镇便民服务中心党支部", "01040201", "党支部", ""));
		units.add(new Unit("01040202", "柳林村党总支", "010402", "党总支", ""));
		units.add(new Unit("0104020201", "柳林村第一党支部", "01040202", "党支部", ""));
		units.add(new Unit("0104020202", "柳林村第二党支部", "01040202", "党支部", ""));
		units.add(new Unit("010403", "滨江县农业农村局机关党委", "0104", "机关党委", ""));
		units.add(new Unit("01040301", "滨江县农业农村局机关党支部", "010403", "党支部", ""));
		units.add(new Unit("01040302", "滨江县农业技术推广中心党支部", "010403", "党支部", ""));
		// A temporary branch: it has no children, yet it does not report.
		units.add(new Unit("010404", "滨江县主题教育巡回指导组临时党支部", "0104", "临时党支部", "否"));

		units.add(new Unit("0105", "中共江州市直机关工委", "01", "机关工委", "是"));
		units.add(new Unit("010501", "市财政局机关党委", "0105", "机关党委", ""));
		units.add(new Unit("01050101", "市财政局办公室党支部", "010501", "党支部", ""));
		units.add(new Unit("01050102", "市财政局预算处党支部", "010501", "党支部", ""));
		units.add(new Unit("01050103", "市财政局国库处党支部", "010501", "党支部", ""));
		units.add(new Unit("010502", "市教育局机关党委", "0105", "机关党委", ""));
		units.add(new Unit("01050201", "市教育局机关第一党支部", "010502", "党支部", ""));
		units.add(new Unit("01050202", "市教育局机关第二党支部", "010502", "党支部", ""));
		units.add(new Unit("010503", "市卫生健康委机关党委", "0105", "机关党委", ""));
		units.add(new Unit("01050301", "市卫生健康委机关党总支", "010503", "党总支", ""));
		units.add(new Unit("0105030101", "市卫生健康委办公室党支部", "01050301", "党支部", ""));
		units.add(new Unit("0105030102", "市卫生健康委医政医管处党支部", "01050301", "党支部", ""));
		units.add(new Unit("01050302", "市卫生健康委离退休干部党支部", "010503", "党支部", ""));
		units.add(new Unit("010504", "市审计局机关党支部", "0105", "党支部", ""));
		units.add(new Unit("010505", "市统计局机关党支部", "0105", "党支部", ""));
		units.add(new Unit("010506", "市住房城乡建设局机关党委", "0105", "机关党委", ""));
		units.add(new Unit("01050601", "市住房城乡建设局机关第一党支部", "010506", "党支部", ""));
		units.add(new Unit("01050602", "市住房城乡建设局机关第二党支部", "010506", "党支部", ""));
		units.add(new Unit("01050603", "市住房城乡建设局离退休党支部", "010506", "党支部", ""));
		return units;
	}

	/** UTF-8 with a BOM and CRLF line ends, as Excel saves "CSV UTF-8". */
	private void writeRegistry() throws IOException {
		List<List<String>> lines = new ArrayList<>();
		lines.add(List.of("单位编码", "单位名称", "上级单位编码", "单位类别", "需报送"));
		for (Unit unit : this.units.values()) {
			lines.add(List.of(unit.code(), unit.name(), unit.parent(), unit.type(), unit.reports()));
		}
		writeCsv("units.csv", lines, ',', StandardCharsets.UTF_8, true, CRLF);
	}

	// ---------------------------------------------------------------------------------
	// 城东区: .xlsx, merged title, two-row header, 栏次 row, 合计 with formulas, footer

	private void writeChengdong() throws IOException {
		String[] upper = { "序号", "单位编码", "单位名称", "党支部数（个）", "党员数（人）", "检视问题", "", "", "", "", "", "", "调研", "",
				"整改措施数（条）", "已完成整改数（条）", "建章立制数（项）", "备注" };
		String[] lower = { "", "", "", "", "", "检视问题数", "党中央关心关注问题数", "制约高质量发展问题数", "群众急难愁盼问题数", "防范化解重大风险问题数",
				"全面从严治党问题数", "其他问题数", "课题数", "调研报告数（篇）", "", "", "", "" };
		int columns = upper.length;
		// code, 党支部数, 党员数, 检视问题数, six categories, 课题数, 调研报告数, 整改措施数, 已完成整改数, 建章立制数, 备注
		Object[][] rows = { { "0101", 0, null, 12, 3, 3, 3, 1, 2, 0, 6, 5, 18, 9, 4, "区委本级" },
				{ "010102", 0, null, 6, 1, 2, 2, 0, 1, 0, 2, 2, 9, 5, 2, "街道工委本级" },
				{ "0101010101", 1, 32, 5, 1, 1, 2, 0, 1, 0, 1, 1, 7, 4, 1, null },
				{ "0101010102", 1, 27, 4, 0, 1, 2, 0, 1, 0, 1, 0, 6, 3, 1, null },
				{ "0101010201", 1, 35, 6, 1, 1, 3, 0, 1, 0, 1, 1, 8, 5, 2, null },
				{ "0101010202", 1, 24, 3, 0, 0, 2, 0, 1, 0, 0, 0, 4, 4, 0, null },
				{ "0101020101", 1, 41, 7, 1, 2, 3, 0, 1, 0, 1, 1, 10, 6, 1, null },
				{ "0101020102", 1, 29, 4, 0, 1, 2, 0, 1, 0, 1, 0, 5, 2, 1, null },
				{ "0101020201", 1, 18, 5, 1, 2, 1, 0, 1, 0, 1, 1, 7, 4, 2, null },
				{ "0101020202", 1, 16, 4, 1, 1, 1, 0, 1, 0, 1, 1, 6, 3, 1, null },
				{ "0101030101", 1, 38, 6, 1, 2, 1, 1, 1, 0, 2, 1, 9, 5, 2, null },
				{ "0101030102", 1, 33, 5, 0, 2, 1, 0, 1, 1, 1, 1, 7, 4, 1, null },
				{ "0101030201", 1, 26, 4, 0, 1, 2, 0, 1, 0, 1, 0, 6, 3, 1, null },
				{ "0101030202", 1, 22, 3, 0, 0, 1, 0, 1, 1, 0, 0, 3, 2, 0, "退休教师党员较多，集中学习安排在月末" } };
		for (Object[] row : rows) {
			checkConsistent(row[0], (int) row[3], Arrays.copyOfRange(row, 4, 10), (int) row[12], (int) row[13]);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			describe(workbook, "城东区主题教育检视整改进展情况统计表", "中共城东区委组织部");
			Styles styles = new Styles(workbook);
			Sheet sheet = workbook.createSheet("Sheet1");
			int r = 0;
			titleRow(sheet, r++, "城东区主题教育检视整改进展情况统计表", columns, styles);
			textRow(sheet, r++, 0, "填报单位：中共城东区委组织部    填报日期：2023年11月30日", styles.plain);
			textRow(sheet, r++, columns - 1, "单位：个", styles.right);
			Row upperRow = sheet.createRow(r);
			Row lowerRow = sheet.createRow(r + 1);
			upperRow.setHeightInPoints(24);
			lowerRow.setHeightInPoints(48);
			for (int c = 0; c < columns; c++) {
				text(upperRow, c, upper[c], styles.header);
				text(lowerRow, c, lower[c], styles.header);
				if (lower[c].isEmpty() && !upper[c].isEmpty()) {
					sheet.addMergedRegion(new CellRangeAddress(r, r + 1, c, c));
				}
			}
			sheet.addMergedRegion(new CellRangeAddress(r, r, 5, 11));
			sheet.addMergedRegion(new CellRangeAddress(r, r, 12, 13));
			r += 2;
			Row numbers = sheet.createRow(r++);
			text(numbers, 0, "甲", styles.header);
			text(numbers, 1, "乙", styles.header);
			text(numbers, 2, "丙", styles.header);
			for (int c = 3; c < columns - 1; c++) {
				number(numbers, c, c - 2, styles.header);
			}
			text(numbers, columns - 1, "", styles.header);
			int firstData = r;
			for (int i = 0; i < rows.length; i++) {
				Object[] values = rows[i];
				Row row = sheet.createRow(r++);
				number(row, 0, i + 1, styles.center);
				text(row, 1, (String) values[0], styles.code);
				text(row, 2, name(values[0]), styles.text);
				for (int c = 3; c < columns - 1; c++) {
					cell(row, c, values[c - 2], styles);
				}
				text(row, columns - 1, (String) values[values.length - 1], styles.text);
			}
			int lastData = r - 1;
			Row total = sheet.createRow(r);
			text(total, 0, "合计", styles.header);
			text(total, 1, "", styles.header);
			text(total, 2, "", styles.header);
			sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 2));
			for (int c = 3; c < columns - 1; c++) {
				String column = CellReference.convertNumToColString(c);
				Cell cell = total.createCell(c);
				cell.setCellFormula("SUM(" + column + (firstData + 1) + ":" + column + (lastData + 1) + ")");
				cell.setCellStyle(styles.totalNumber);
			}
			text(total, columns - 1, "", styles.header);
			r++;
			textRow(sheet, r++, 0, "填报人：张三    联系电话：13812345678", styles.plain);
			textRow(sheet, r, 0, "审核人：李四", styles.plain);
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			sheet.setColumnWidth(0, 6 * 256);
			sheet.setColumnWidth(1, 13 * 256);
			sheet.setColumnWidth(2, 30 * 256);
			for (int c = 3; c < columns - 1; c++) {
				sheet.setColumnWidth(c, 10 * 256);
			}
			sheet.setColumnWidth(columns - 1, 30 * 256);
			save(workbook, PERIOD + "/城东区/城东区主题教育检视整改进展统计表.xlsx");
		}
	}

	/**
	 * The owner file Excel leaves next to a workbook someone has open: the user name in a
	 * fixed-length record, once as ANSI and once as UTF-16.
	 */
	private void writeChengdongLockFile() throws IOException {
		byte[] bytes = new byte[165];
		byte[] user = "zhangsan".getBytes(StandardCharsets.US_ASCII);
		bytes[0] = (byte) user.length;
		System.arraycopy(user, 0, bytes, 1, user.length);
		Arrays.fill(bytes, 1 + user.length, 54, (byte) ' ');
		bytes[54] = (byte) user.length;
		byte[] wide = "zhangsan".getBytes(StandardCharsets.UTF_16LE);
		System.arraycopy(wide, 0, bytes, 56, wide.length);
		write(PERIOD + "/城东区/~$城东区主题教育检视整改进展统计表.xlsx", bytes);
	}

	// ---------------------------------------------------------------------------------
	// 城西区: .xls, one-row header with other names, numbers typed as text, numeric codes,
	// a hidden sheet with last month's figures, a sheet of instructions

	private void writeChengxi() throws IOException {
		String[] header = { "序号", "编码", "名称", "支部数", "党员人数", "查摆问题数", "措施数", "已完成数", "备注" };
		// 编码, 支部数, 党员人数, 查摆问题数, 措施数, 已完成数, 备注: a String is typed text, a
		// number a numeric cell, null a blank cell
		Object[][] rows = { { "0102010101", 1, 34, 5, 7, 4, null }, { "0102010102", 1, 28, "4个", "6条", 3, null },
				{ "0102010201", 1, 31, 6, 8, "５", null }, { "0102010202", 1, "-", 3, 4, "无", "党员人数待核实" },
				{ "0102020101", 1, 45, "１２", 15, 9, null }, { "0102020102", 1, 39, 7, "10 条", 6, null },
				{ "0102020103", 1, 26, 5, 6, 6, null }, { "01020202", 1, null, 4, 5, 2, null },
				{ 6102011, 1, 30, 5, 7, 3, null }, { 6102012, 1, 27, 4, 5, 2, null }, { 6102021, 1, 23, 3, 5, 3, null },
				{ 6102022, 1, 19, 2, 3, 1, null },
				{ "010204", 28, "1,086", "46个", "63条", 40, "所属28个党支部未单独列入名册，数据由综合党委汇总填报" } };
		Object[][] lastMonth = { { "0102010101", 1, 34, 3, 4, 1, null }, { "0102010102", 1, 28, 2, 3, 0, null },
				{ "0102010201", 1, 31, 4, 5, 2, null }, { "0102010202", 1, null, 2, 2, 0, null },
				{ "0102020101", 1, 45, 8, 9, 3, null } };
		try (HSSFWorkbook workbook = new HSSFWorkbook()) {
			workbook.createInformationProperties();
			workbook.getSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_GBK);
			workbook.getDocumentSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_GBK);
			workbook.getSummaryInformation().setAuthor("城西区委组织部");
			Styles styles = new Styles(workbook);
			writeChengxiSheet(workbook.createSheet("11月"), "城西区主题教育检视整改情况统计表（11月）", header, rows, styles);
			Row footer = workbook.getSheetAt(0).createRow(rows.length + 2);
			text(footer, 0, "填表人：陈红　　联系电话：13912345678", styles.plain);
			writeChengxiSheet(workbook.createSheet("10月"), "城西区主题教育检视整改情况统计表（10月）", header, lastMonth, styles);
			workbook.setSheetHidden(1, true);
			Sheet notes = workbook.createSheet("填表说明");
			String[] lines = { "填表说明", "一、本表按党支部填写本支部（本级）的数据，不含下级党组织。", "二、编码按区委组织部下发的单位名册填写，教育系统沿用学校党组织编码。",
					"三、每月最后一个工作日前报区委组织部组织科。", "四、已完成数指本报告期末已完成整改的措施数。" };
			for (int i = 0; i < lines.length; i++) {
				text(notes.createRow(i), 0, lines[i], styles.plain);
			}
			notes.setColumnWidth(0, 80 * 256);
			workbook.setActiveSheet(0);
			save(workbook, PERIOD + "/城西区/城西区统计表.xls");
		}
	}

	private void writeChengxiSheet(Sheet sheet, String title, String[] header, Object[][] rows, Styles styles) {
		titleRow(sheet, 0, title, header.length, styles);
		Row headerRow = sheet.createRow(1);
		for (int c = 0; c < header.length; c++) {
			text(headerRow, c, header[c], styles.header);
		}
		for (int i = 0; i < rows.length; i++) {
			Object[] values = rows[i];
			Row row = sheet.createRow(2 + i);
			number(row, 0, i + 1, styles.center);
			if (values[0] instanceof String code) {
				text(row, 1, code, styles.code);
			}
			else {
				number(row, 1, (int) values[0], styles.center);
			}
			text(row, 2, name(values[0]), styles.text);
			for (int c = 3; c < header.length - 1; c++) {
				cell(row, c, values[c - 2], styles);
			}
			text(row, header.length - 1, (String) values[values.length - 1], styles.text);
		}
		sheet.setColumnWidth(0, 6 * 256);
		sheet.setColumnWidth(1, 13 * 256);
		sheet.setColumnWidth(2, 32 * 256);
		for (int c = 3; c < header.length - 1; c++) {
			sheet.setColumnWidth(c, 10 * 256);
		}
		sheet.setColumnWidth(header.length - 1, 40 * 256);
	}

	// ---------------------------------------------------------------------------------
	// 高新区: GBK CSV as Excel on a Chinese Windows saves it, title lines, a stale 合计

	private void writeGaoxin() throws IOException {
		List<List<String>> lines = new ArrayList<>();
		lines.add(padded(10, "江州高新区主题教育检视整改进展统计表（2023年11月）"));
		lines.add(padded(10, "填报单位：高新区党工委党群工作部"));
		lines.add(List.of("序号", "单位编码", "单位名称", "党支部数", "党员数", "检视问题数", "整改措施数", "已完成整改数", "建章立制数", "备注"));
		// code, 党支部数, 党员数, 检视问题数, 整改措施数, 已完成整改数, 建章立制数
		int[][] rows = { { 103010101, 1, 21, 5, 7, 4, 1 }, { 103010102, 1, 18, 4, 6, 3, 1 },
				{ 103010103, 1, 24, 6, 8, 5, 2 }, { 103010201, 1, 15, 4, 5, 3, 1 }, { 103010202, 1, 13, 3, 4, 2, 0 },
				{ 103020101, 1, 36, 5, 6, 3, 1 }, { 103020102, 1, 42, 6, 9, 5, 2 }, { 103020201, 1, 25, 4, 5, 2, 0 },
				{ 103020202, 1, 19, 3, 4, 2, 1 }, { 103030101, 1, 37, 6, 8, 6, 1 }, { 103030102, 1, 30, 5, 7, 4, 1 } };
		int[] sums = new int[6];
		for (int i = 0; i < rows.length; i++) {
			String code = "0" + rows[i][0];
			List<String> line = new ArrayList<>(List.of(String.valueOf(i + 1), code, name(code)));
			for (int c = 1; c < 7; c++) {
				line.add(String.valueOf(rows[i][c]));
				sums[c - 1] += rows[i][c];
			}
			line.add("");
			lines.add(line);
		}
		// The clerk typed the totals before 星湖社区第一党支部 corrected its 已完成整改数 from 8
		// to 6: the 合计 says 41 where the rows add up to 39.
		sums[4] += 2;
		List<String> total = new ArrayList<>(List.of("合计", "", ""));
		for (int sum : sums) {
			total.add(String.valueOf(sum));
		}
		total.add("");
		lines.add(total);
		lines.add(padded(10, "填报人：王芳　审核人：刘强　联系电话：13700000000"));
		writeCsv(PERIOD + "/高新区/高新区.csv", lines, ',', GBK, false, CRLF);
	}

	// ---------------------------------------------------------------------------------
	// 滨江县: UTF-8 tab-separated export with a 报告期 column, a late correction further down

	private void writeBinjiang() throws IOException {
		List<List<String>> lines = new ArrayList<>();
		lines.add(List.of("报告期", "单位编码", "单位名称", "党支部数", "党员数", "检视问题数", "整改措施数", "已完成整改数", "调研课题数", "备注"));
		// 报告期, code, 党支部数, 党员数, 检视问题数, 整改措施数, 已完成整改数, 调研课题数, 备注
		String[][] rows = { { PERIOD, "010401", "0", "", "6", "9", "4", "2", "镇党委本级" },
				{ PERIOD, "0104010101", "1", "22", "4", "6", "3", "1", "" },
				{ PERIOD, "0104010102", "1", "19", "3", "5", "3", "1", "" },
				{ PERIOD, "0104010201", "1", "33", "5", "6", "2", "0", "" },
				// last month's row, sent again by mistake: R6
				{ "2023-10", "0104010202", "1", "28", "4", "5", "1", "0", "" },
				{ PERIOD, "0104020101", "1", "17", "4", "5", "4", "1", "" },
				{ PERIOD, "0104020102", "1", "9", "2", "3", "2", "0", "" },
				// corrected further down: W3
				{ PERIOD, "0104020201", "1", "40", "6", "7", "3", "1", "" },
				{ PERIOD, "0104020202", "1", "35", "5", "6", "2", "0", "" },
				// a blank 报告期 is not checked
				{ "", "01040301", "1", "26", "5", "7", "5", "2", "" },
				{ PERIOD, "01040302", "1", "21", "4", "6", "3", "1", "" },
				{ PERIOD, "0104020201", "1", "40", "7", "9", "4", "1", "更正：补报1个问题、2条措施" } };
		for (String[] row : rows) {
			List<String> line = new ArrayList<>(List.of(row[0], row[1], name(row[1])));
			line.addAll(Arrays.asList(row).subList(2, row.length));
			lines.add(line);
		}
		writeCsv(PERIOD + "/滨江县/滨江县_补报.csv", lines, '\t', StandardCharsets.UTF_8, false, "\n");
	}

	// ---------------------------------------------------------------------------------
	// 市直机关: .xlsx with a 说明 sheet first and a data sheet with planted mistakes

	private static final String[] SHIZHI_HEADER = { "序号", "单位编码", "单位名称", "党支部数", "党员数", "检视问题数", "党中央关心关注的问题",
			"影响制约高质量发展的问题", "人民群众急难愁盼的问题", "防范化解重大风险中的问题", "全面从严治党中的问题", "其他问题", "整改措施数", "已完成整改数", "调研课题", "建章立制",
			"备注" };

	/**
	 * The rows of 市直机关工委.xlsx from Excel row 4: code, name (null: the registry's), 党支部数,
	 * 党员数, 检视问题数, six categories, 整改措施数, 已完成整改数, 调研课题, 建章立制, 备注.
	 */
	private Object[][] shizhiRows() {
		return new Object[][] { { "0105", null, 0, null, 8, 2, 2, 2, 1, 1, 0, 12, 7, 4, 3, "工委本级" },
				{ "01050101", null, 1, 15, 4, 1, 1, 1, 0, 1, 0, 6, 4, 1, 1, null },
				{ "01050102", null, 1, 12, 5, 1, 2, 1, 0, 1, 0, 7, 4, 1, 1, null },
				// row 7, R3: 党员数 written in Chinese numerals
				{ "01050103", null, 1, "十二", 3, 0, 1, 1, 0, 1, 0, 4, 2, 0, 1, null },
				// row 8, R1: a new branch whose code the clerk did not know
				{ "", "市财政局绩效评价处党支部", 1, 9, 3, 0, 1, 1, 0, 1, 0, 4, 1, 1, 0, "新成立，编码待定" },
				{ "01050201", null, 1, 23, 5, 1, 1, 2, 0, 1, 0, 7, 5, 1, 1, null },
				// row 10, R4: 已完成整改数 6 > 整改措施数 5
				{ "01050202", null, 1, 20, 4, 1, 1, 1, 0, 1, 0, 5, 6, 1, 1, null },
				// row 11, R2: a branch set up in October, not yet in the registry
				{ "01050203", "市教育局机关第三党支部", 1, 11, 3, 0, 1, 1, 0, 1, 0, 4, 2, 0, 0, "10月新成立" },
				{ "0105030101", null, 1, 14, 4, 1, 1, 1, 0, 1, 0, 6, 3, 1, 1, null },
				// row 13, R5: the categories add up to 5, not 6
				{ "0105030102", null, 1, 16, 6, 1, 1, 2, 0, 1, 0, 8, 4, 1, 1, null },
				// row 14, W2: issues found, no measures yet
				{ "01050302", null, 1, 31, 3, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, "整改措施待支部党员大会讨论后报送" },
				{ "010505", null, 1, 25, 4, 1, 1, 1, 0, 1, 0, 6, 3, 1, 1, null },
				// row 16, W1: the bureau's short name instead of the registry's
				{ "01050601", "市住建局机关第一党支部", 1, 27, 5, 1, 2, 1, 0, 1, 0, 7, 4, 1, 1, null },
				{ "01050602", null, 1, 24, 4, 0, 2, 1, 0, 1, 0, 6, 3, 1, 1, null },
				{ "01050603", null, 1, 35, 2, 0, 0, 1, 0, 1, 0, 3, 2, 0, 0, null } };
	}

	private void writeShizhi() throws IOException {
		save(shizhiWorkbook(), PERIOD + "/市直机关/市直机关工委.xlsx");
	}

	/** A copy of the bureau's workbook cut off half-way, as when an upload breaks. */
	private void writeBrokenShizhi() throws IOException {
		byte[] whole = bytes(shizhiWorkbook());
		write(PERIOD + "/市直机关/损坏的文件.xlsx", Arrays.copyOf(whole, whole.length / 2));
	}

	private XSSFWorkbook shizhiWorkbook() {
		XSSFWorkbook workbook = new XSSFWorkbook();
		describe(workbook, "江州市直机关主题教育检视整改进展统计表", "市直机关工委组织部");
		Styles styles = new Styles(workbook);
		Sheet notes = workbook.createSheet("说明");
		String[] lines = { "说明", "1. 各部门机关党委（党总支、党支部）填写本级数据，不含下级党组织。", "2. 单位编码以市直机关工委下发的单位名册为准，新成立的党组织请先报工委备案。",
				"3. 六类问题之和应等于检视问题数；已完成整改数不得大于整改措施数。", "4. 请于11月30日前将本表报送市直机关工委组织部。" };
		for (int i = 0; i < lines.length; i++) {
			text(notes.createRow(i), 0, lines[i], styles.plain);
		}
		notes.setColumnWidth(0, 80 * 256);
		Sheet sheet = workbook.createSheet("统计表");
		int columns = SHIZHI_HEADER.length;
		titleRow(sheet, 0, "江州市直机关主题教育检视整改进展统计表", columns, styles);
		textRow(sheet, 1, 0, "填报单位：中共江州市直机关工委组织部　　填报日期：2023年11月30日", styles.plain);
		Row header = sheet.createRow(2);
		header.setHeightInPoints(48);
		for (int c = 0; c < columns; c++) {
			text(header, c, SHIZHI_HEADER[c], styles.header);
		}
		Object[][] rows = shizhiRows();
		int r = 3;
		for (int i = 0; i < rows.length; i++) {
			Object[] values = rows[i];
			Row row = sheet.createRow(r++);
			number(row, 0, i + 1, styles.center);
			text(row, 1, (String) values[0], styles.code);
			text(row, 2, (values[1] != null) ? (String) values[1] : name(values[0]), styles.text);
			for (int c = 3; c < columns - 1; c++) {
				cell(row, c, values[c - 1], styles);
			}
			text(row, columns - 1, (String) values[values.length - 1], styles.text);
		}
		// one row left empty before the footer
		r++;
		textRow(sheet, r++, 0, "填报人：孙丽　　联系电话：13912345678", styles.plain);
		textRow(sheet, r, 0, "审核人：周明", styles.plain);
		sheet.setColumnWidth(0, 6 * 256);
		sheet.setColumnWidth(1, 13 * 256);
		sheet.setColumnWidth(2, 32 * 256);
		for (int c = 3; c < columns - 1; c++) {
			sheet.setColumnWidth(c, 11 * 256);
		}
		sheet.setColumnWidth(columns - 1, 36 * 256);
		workbook.setActiveSheet(1);
		return workbook;
	}

	// ---------------------------------------------------------------------------------
	// 填报通知.docx: the notice the city sent out, saved in the period folder by habit

	private void writeNotice() throws IOException {
		String[] paragraphs = { "关于报送2023年11月主题教育检视整改进展统计表的通知", "各区（县）委组织部，市直机关工委：",
				"请于2023年11月30日前，将本地区、本系统各党组织的检视整改进展统计表（Excel或CSV格式）报送市委组织部。单位编码以市委组织部下发的单位名册为准。", "中共江州市委组织部",
				"2023年11月20日" };
		StringBuilder body = new StringBuilder();
		for (String paragraph : paragraphs) {
			body.append("<w:p><w:r><w:t>").append(paragraph).append("</w:t></w:r></w:p>");
		}
		String contentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
				+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
				+ "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
				+ "</Types>";
		String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
				+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
				+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
				+ "</Relationships>";
		String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
				+ "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body
				+ "</w:body></w:document>";
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			storedEntry(zip, "[Content_Types].xml", contentTypes);
			storedEntry(zip, "_rels/.rels", rels);
			storedEntry(zip, "word/document.xml", document);
		}
		write(PERIOD + "/填报通知.docx", bytes.toByteArray());
	}

	/** Stored, not deflated, with a fixed time: the same bytes on every machine. */
	private static void storedEntry(ZipOutputStream zip, String name, String content) throws IOException {
		byte[] data = content.getBytes(StandardCharsets.UTF_8);
		CRC32 crc = new CRC32();
		crc.update(data);
		ZipEntry entry = new ZipEntry(name);
		entry.setMethod(ZipEntry.STORED);
		entry.setSize(data.length);
		entry.setCompressedSize(data.length);
		entry.setCrc(crc.getValue());
		entry.setTimeLocal(WRITTEN);
		zip.putNextEntry(entry);
		zip.write(data);
		zip.closeEntry();
	}

	// ---------------------------------------------------------------------------------
	// helpers

	private String name(Object code) {
		Unit unit = this.units.get(String.valueOf(code));
		if (unit == null) {
			throw new IllegalStateException("Sample data names a code missing from the registry: " + code);
		}
		return unit.name();
	}

	/** Guards the rows meant to pass against an edit that breaks them by accident. */
	private static void checkConsistent(Object code, int issues, Object[] categories, int measures, int completed) {
		int sum = 0;
		for (Object category : categories) {
			sum += (int) category;
		}
		if (sum != issues || completed > measures) {
			throw new IllegalStateException("Sample row for " + code + " would not pass the checks");
		}
	}

	private static List<String> padded(int width, String first) {
		List<String> line = new ArrayList<>();
		line.add(first);
		while (line.size() < width) {
			line.add("");
		}
		return line;
	}

	private void writeCsv(String file, List<List<String>> lines, char separator, Charset charset, boolean bom,
			String lineEnd) throws IOException {
		StringBuilder text = new StringBuilder();
		if (bom) {
			text.append('\ufeff');
		}
		for (List<String> line : lines) {
			for (int i = 0; i < line.size(); i++) {
				if (i > 0) {
					text.append(separator);
				}
				text.append(quoted(line.get(i), separator));
			}
			text.append(lineEnd);
		}
		write(file, text.toString().getBytes(charset));
	}

	private static String quoted(String field, char separator) {
		if (field.indexOf(separator) < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
				&& field.indexOf('\r') < 0) {
			return field;
		}
		return "\"" + field.replace("\"", "\"\"") + "\"";
	}

	private void save(Workbook workbook, String file) throws IOException {
		write(file, bytes(workbook));
	}

	/** The bytes of a workbook, which is closed. */
	private static byte[] bytes(Workbook workbook) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (workbook) {
			workbook.write(bytes);
		}
		return (workbook instanceof XSSFWorkbook) ? withFixedTimes(bytes.toByteArray()) : bytes.toByteArray();
	}

	/**
	 * An .xlsx zipped again with a fixed time on every entry, so that writing the sample
	 * again does not change the files for nothing. (Deflated bytes may still differ
	 * between zlib versions, which is why the test compares workbooks by name.)
	 */
	private static byte[] withFixedTimes(byte[] xlsx) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				ZipEntry copy = new ZipEntry(entry.getName());
				copy.setTimeLocal(WRITTEN);
				out.putNextEntry(copy);
				in.transferTo(out);
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private void write(String file, byte[] bytes) throws IOException {
		Path path = this.target.resolve(file);
		Files.createDirectories(path.getParent());
		try (OutputStream out = Files.newOutputStream(path)) {
			out.write(bytes);
		}
		this.written.add(file);
	}

	private static void describe(XSSFWorkbook workbook, String title, String creator) {
		CoreProperties core = workbook.getProperties().getCoreProperties();
		core.setTitle(title);
		core.setCreator(creator);
		core.setCreated(Optional.of(Date.from(WRITTEN.atZone(ZoneId.of("Asia/Shanghai")).toInstant())));
	}

	private static void titleRow(Sheet sheet, int index, String title, int columns, Styles styles) {
		Row row = sheet.createRow(index);
		row.setHeightInPoints(30);
		text(row, 0, title, styles.title);
		sheet.addMergedRegion(new CellRangeAddress(index, index, 0, columns - 1));
	}

	private static void textRow(Sheet sheet, int index, int column, String text, CellStyle style) {
		text(sheet.createRow(index), column, text, style);
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		if (value != null && !value.isEmpty()) {
			cell.setCellValue(value);
		}
		cell.setCellStyle(style);
	}

	private static void number(Row row, int column, int value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	/** A count cell: a number, text typed by a clerk, or blank. */
	private static void cell(Row row, int column, Object value, Styles styles) {
		if (value instanceof Integer number) {
			number(row, column, number, styles.number);
		}
		else {
			text(row, column, (String) value, styles.textNumber);
		}
	}

	/** A registry row. */
	record Unit(String code, String name, String parent, String type, String reports) {

	}

	private static final class Styles {

		final CellStyle title;

		final CellStyle plain;

		final CellStyle right;

		final CellStyle header;

		final CellStyle center;

		final CellStyle code;

		final CellStyle text;

		final CellStyle number;

		final CellStyle textNumber;

		final CellStyle totalNumber;

		Styles(Workbook workbook) {
			Font titleFont = workbook.createFont();
			titleFont.setBold(true);
			titleFont.setFontHeightInPoints((short) 16);
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.title = workbook.createCellStyle();
			this.title.setFont(titleFont);
			this.title.setAlignment(HorizontalAlignment.CENTER);
			this.title.setVerticalAlignment(VerticalAlignment.CENTER);
			this.plain = workbook.createCellStyle();
			this.right = workbook.createCellStyle();
			this.right.setAlignment(HorizontalAlignment.RIGHT);
			this.header = bordered(workbook);
			this.header.setFont(bold);
			this.header.setAlignment(HorizontalAlignment.CENTER);
			this.header.setWrapText(true);
			this.center = bordered(workbook);
			this.center.setAlignment(HorizontalAlignment.CENTER);
			this.code = bordered(workbook);
			this.code.setDataFormat(workbook.createDataFormat().getFormat("@"));
			this.text = bordered(workbook);
			this.number = bordered(workbook);
			this.number.setDataFormat(workbook.createDataFormat().getFormat("0"));
			this.textNumber = bordered(workbook);
			this.textNumber.setAlignment(HorizontalAlignment.RIGHT);
			this.totalNumber = bordered(workbook);
			this.totalNumber.setFont(bold);
			this.totalNumber.setDataFormat(workbook.createDataFormat().getFormat("0"));
		}

		private static CellStyle bordered(Workbook workbook) {
			CellStyle style = workbook.createCellStyle();
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			style.setVerticalAlignment(VerticalAlignment.CENTER);
			return style;
		}

	}

}
