package org.tallyrollup.workbook;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.tallyrollup.narrative.UnitNarrative;
import org.tallyrollup.rollup.ComparedTotals;
import org.tallyrollup.rollup.UnitTotals;
import org.tallyrollup.tally.AcceptedRow;
import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.tally.TallyColumn;

/**
 * An in-memory {@link WorkbookSource}: two roots over four levels, names that look like
 * formulas, units with no measures and subtrees with no unit that must report (null
 * rates). Records which streams were opened and closed.
 */
class SampleSource implements WorkbookSource {

	static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";

	static final String DDE = "+cmd|' /C calc'!A0";

	static final String AT_SUM = "@SUM(1)";

	static final String MINUS = "-2+3";

	final Set<String> opened = ConcurrentHashMap.newKeySet();

	final Set<String> closed = ConcurrentHashMap.newKeySet();

	private final List<UnitTotals> hierarchy;

	private final List<AcceptedRow> details;

	private final List<MissingUnit> missing;

	private final List<Finding> findings;

	private final RunInfo runInfo;

	private final Map<String, long[]> previous = new HashMap<>();

	/** Units and nothing else, with the sample's run information. */
	SampleSource(List<UnitTotals> hierarchy) {
		this(hierarchy, List.of(), List.of(), List.of(), sample().runInfo());
	}

	SampleSource(List<UnitTotals> hierarchy, List<AcceptedRow> details, List<MissingUnit> missing,
			List<Finding> findings, RunInfo runInfo) {
		this.hierarchy = hierarchy;
		this.details = details;
		this.missing = missing;
		this.findings = findings;
		this.runInfo = runInfo;
	}

	/** The sample described above. */
	static SampleSource sample() {
		List<UnitTotals> units = List.of(unit("0001", "中共某市直属机关工作委员会", 1, null, 40, 30, 20, 2, 2),
				unit("000101", "市发展和改革委员会机关党委", 2, "0001", 25, 20, 15, 1, 1),
				unit("00010101", "综合处党支部", 3, "000101", 25, 20, 15, 1, 1),
				unit("00010102", DDE, 3, "000101", 0, 0, 0, 0, 0),
				unit("000102", HYPERLINK, 2, "0001", 15, 10, 5, 1, 1),
				unit("00010201", "第一党总支", 3, "000102", 15, 10, 5, 1, 1),
				unit("0001020101", AT_SUM, 4, "00010201", 15, 10, 5, 1, 1),
				unit("0002", "中共某区委员会", 1, null, 0, 0, 0, 1, 0), unit("000201", MINUS, 2, "0002", 0, 0, 0, 1, 0));
		List<AcceptedRow> details = List.of(row("00010101", "综合处党支部", 25, 20, 15, "机关/发改委.xlsx", "Sheet1", 5),
				row("0001020101", AT_SUM, 15, 10, 5, "=cmd.xlsx", "统计表", 7));
		List<MissingUnit> missing = List.of(new MissingUnit("000201", MINUS, "0002", "中共某区委员会"));
		List<Finding> findings = List.of(
				new Finding(Rule.R3, "机关/发改委.xlsx", "Sheet1", 6, "00010102", "检视问题数", "十二", "检视问题数“十二”不是非负整数"),
				new Finding(Rule.W1, "=cmd.xlsx", "统计表", 7, "0001020101", "单位名称", "@SUM(2)", "单位名称与单位名册不一致"),
				Finding.ofFile(Rule.F1, "坏文件.xlsx", "文件已损坏"));
		OffsetDateTime started = OffsetDateTime.of(2023, 11, 30, 9, 0, 0, 0, ZoneOffset.ofHours(8));
		RunInfo run = new RunInfo("2023-11", started, started.plusSeconds(75), "units.csv", "ab".repeat(32), 9, List.of(
				new InputFileInfo("机关/发改委.xlsx", 12345, "cd".repeat(32), "2023-11-29T18:00:00+08:00", 1, 1, 0, 3,
						"已读取"),
				new InputFileInfo("=cmd.xlsx", 2345, "ef".repeat(32), "2023-11-29T19:00:00+08:00", 1, 0, 0, 0, "已读取"),
				new InputFileInfo("坏文件.xlsx", 10, "01".repeat(32), "2023-11-29T20:00:00+08:00", 0, 0, 0, 0,
						"无法读取（F1）")),
				List.of(new SkippedItem("~$发改委.xlsx", null, "Office 锁定文件"),
						new SkippedItem("机关/发改委.xlsx", "填表说明", "没有表头")),
				"2023-10");
		return new SampleSource(units, details, missing, findings, run);
	}

	/**
	 * {@code count} units in a chain of levels 1, 2, 3, 1, 2, 3… (an outline to check).
	 */
	static SampleSource manyUnits(int count) {
		List<UnitTotals> units = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int level = 1 + (i % 3);
			String parent = (level == 1) ? null : String.format("U%03d", i - 1);
			units.add(unit(String.format("U%03d", i), "单位" + i, level, parent, i, i, i, 1, 1));
		}
		List<AcceptedRow> details = IntStream.range(0, count)
			.mapToObj((i) -> row(String.format("U%03d", i), "单位" + i, i, i, i, "f.xlsx", "Sheet1", i + 3))
			.toList();
		List<MissingUnit> missing = IntStream.range(0, count)
			.mapToObj((i) -> new MissingUnit(String.format("M%03d", i), "未报" + i, null, null))
			.toList();
		List<Finding> findings = IntStream.range(0, count)
			.mapToObj((i) -> new Finding(Rule.W2, "f.xlsx", "Sheet1", i + 3, String.format("U%03d", i), null, null,
					"有检视问题但整改措施数为0"))
			.toList();
		List<InputFileInfo> files = IntStream.range(0, count)
			.mapToObj((i) -> new InputFileInfo("f" + i + ".xlsx", i, "00".repeat(32), "2023-11-29T18:00:00+08:00", 1, 0,
					0, 0, "已读取"))
			.toList();
		List<SkippedItem> skipped = IntStream.range(0, count)
			.mapToObj((i) -> new SkippedItem("s" + i + ".docx", null, "不是统计表"))
			.toList();
		OffsetDateTime started = OffsetDateTime.of(2023, 11, 30, 9, 0, 0, 0, ZoneOffset.ofHours(8));
		return new SampleSource(units, details, missing, findings,
				new RunInfo("2023-11", started, started, "units.csv", "ab".repeat(32), count, files, skipped, null));
	}

	static UnitTotals unit(String code, String name, int level, String parent, long issues, long measures,
			long completed, long expected, long reported) {
		return new UnitTotals(code, name, level, parent, counts(issues, measures, completed), expected, reported);
	}

	static AcceptedRow row(String code, String name, long issues, long measures, long completed, String file,
			String sheet, int row) {
		return new AcceptedRow(code, name, counts(issues, measures, completed), file, sheet, row);
	}

	/**
	 * Counts in {@code TallyColumn.COUNTS} order; the ones not given are their index + 1.
	 */
	static long[] counts(long issues, long measures, long completed) {
		long[] counts = new long[TallyColumn.COUNTS.size()];
		for (int i = 0; i < counts.length; i++) {
			counts[i] = i + 1;
		}
		counts[TallyColumn.ISSUES_FOUND.countIndex()] = issues;
		counts[TallyColumn.MEASURES.countIndex()] = measures;
		counts[TallyColumn.COMPLETED.countIndex()] = completed;
		return counts;
	}

	List<UnitTotals> hierarchyList() {
		return this.hierarchy;
	}

	@Override
	public RunInfo runInfo() {
		return this.runInfo;
	}

	@Override
	public Stream<ComparedTotals> summary() {
		return tracked("summary", () -> this.hierarchy.stream().filter((u) -> u.level() <= 2).map(this::compared));
	}

	@Override
	public Stream<ComparedTotals> hierarchy() {
		return tracked("hierarchy", () -> this.hierarchy.stream().map(this::compared));
	}

	@Override
	public int deepestLevel() {
		return this.hierarchy.stream().mapToInt(UnitTotals::level).max().orElse(0);
	}

	/** Gives a unit the previous period's totals. */
	SampleSource previous(String code, long issues, long measures, long completed) {
		this.previous.put(code, counts(issues, measures, completed));
		return this;
	}

	private ComparedTotals compared(UnitTotals unit) {
		return new ComparedTotals(unit, this.previous.get(unit.code()));
	}

	@Override
	public Stream<AcceptedRow> details() {
		return tracked("details", this.details::stream);
	}

	@Override
	public Stream<MissingUnit> missing() {
		return tracked("missing", this.missing::stream);
	}

	@Override
	public Stream<Finding> findings() {
		return tracked("findings", this.findings::stream);
	}

	@Override
	public List<UnitNarrative> narratives() {
		return this.hierarchy.stream()
			.filter((u) -> u.level() <= 2)
			.map((u) -> new UnitNarrative(u.code(), u.name(), u.level(),
					"截至2023-11，" + u.name() + "共检视问题" + u.totals()[TallyColumn.ISSUES_FOUND.countIndex()] + "个。"))
			.toList();
	}

	private <T> Stream<T> tracked(String name, Supplier<Stream<T>> stream) {
		if (!this.opened.add(name)) {
			throw new IllegalStateException(name + " opened twice");
		}
		return stream.get().onClose(() -> this.closed.add(name));
	}

}
