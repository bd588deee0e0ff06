package org.tallyrollup.tally;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.tallyrollup.sheet.ColumnSet;
import org.tallyrollup.sheet.TextNormalizer;

/**
 * The columns of a tally sheet (统计表), with their canonical headers and the other names
 * they go by. This table is the one place a count column is defined: the reader, the
 * checks, the roll-up and the workbook all take the counts from {@link #COUNTS}.
 */
public enum TallyColumn {

	UNIT_CODE("unitCode", Kind.CODE, true, "单位编码", "编码", "单位代码", "组织编码", "code", "unit_code"),

	UNIT_NAME("unitName", Kind.TEXT, false, "单位名称", "名称", "单位", "组织名称", "党组织名称", "name", "unit_name"),

	PERIOD("period", Kind.TEXT, false, "报告期", "统计期", "期间", "period"),

	BRANCHES("branches", Kind.COUNT, true, "党支部数", "支部数", "基层党支部数", "branches"),

	MEMBERS("members", Kind.COUNT, false, "党员数", "党员人数", "members"),

	ISSUES_FOUND("issuesFound", Kind.COUNT, true, "检视问题数", "检视查摆问题数", "查摆问题数", "发现问题数", "issues_found"),

	MEASURES("measures", Kind.COUNT, true, "整改措施数", "制定整改措施数", "措施数", "measures"),

	COMPLETED("completed", Kind.COUNT, true, "已完成整改数", "已完成数", "完成整改数", "已整改数", "completed"),

	CAT_CENTRAL("catCentral", Kind.CATEGORY, false, "党中央关心关注问题数", "党中央关心关注的问题"),

	CAT_DEVELOPMENT("catDevelopment", Kind.CATEGORY, false, "制约高质量发展问题数", "影响制约高质量发展的问题"),

	CAT_PEOPLE("catPeople", Kind.CATEGORY, false, "群众急难愁盼问题数", "人民群众急难愁盼的问题"),

	CAT_RISK("catRisk", Kind.CATEGORY, false, "防范化解重大风险问题数", "防范化解重大风险中的问题"),

	CAT_DISCIPLINE("catDiscipline", Kind.CATEGORY, false, "全面从严治党问题数", "全面从严治党中的问题"),

	CAT_OTHER("catOther", Kind.CATEGORY, false, "其他问题数", "其他问题"),

	RESEARCH_TOPICS("researchTopics", Kind.COUNT, false, "调研课题数", "调研课题"),

	INSTITUTIONS("institutions", Kind.COUNT, false, "建章立制数", "建章立制", "完善制度数"),

	REMARKS("remarks", Kind.TEXT, false, "备注", "remarks");

	/** The count columns (categories included), in the order the workbook shows them. */
	public static final List<TallyColumn> COUNTS = Stream.of(values()).filter(TallyColumn::isCount).toList();

	/** The six categories that break 检视问题数 down. */
	public static final List<TallyColumn> CATEGORIES = Stream.of(values())
		.filter((c) -> c.kind == Kind.CATEGORY)
		.toList();

	/** The header set of a tally sheet. */
	public static final ColumnSet<TallyColumn> HEADER = new Headers();

	private final String key;

	private final Kind kind;

	private final boolean required;

	private final List<String> names;

	TallyColumn(String key, Kind kind, boolean required, String... names) {
		this.key = key;
		this.kind = kind;
		this.required = required;
		this.names = List.of(names);
	}

	/** The key SPEC.md uses for this column, e.g. {@code issuesFound}. */
	public String key() {
		return this.key;
	}

	/** The canonical header, e.g. 检视问题数. */
	public String header() {
		return this.names.get(0);
	}

	/**
	 * The canonical header first, then the other names the column goes by; for a category
	 * the second is the name the campaign's problem list gives it (党中央关心关注的问题).
	 */
	public List<String> names() {
		return this.names;
	}

	public boolean isRequired() {
		return this.required;
	}

	public boolean isCount() {
		return this.kind == Kind.COUNT || this.kind == Kind.CATEGORY;
	}

	public boolean isCategory() {
		return this.kind == Kind.CATEGORY;
	}

	/** Position in {@link #COUNTS}, or -1 for a column that is not a count. */
	public int countIndex() {
		return COUNTS.indexOf(this);
	}

	enum Kind {

		CODE, TEXT, COUNT, CATEGORY

	}

	private static final class Headers implements ColumnSet<TallyColumn> {

		private final Map<String, TallyColumn> byName = Arrays.stream(values())
			.flatMap((c) -> c.names.stream().map((n) -> Map.entry(TextNormalizer.header(n), c)))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));

		private final List<TallyColumn> required = Arrays.stream(values()).filter(TallyColumn::isRequired).toList();

		@Override
		public Optional<TallyColumn> match(String headerForm) {
			return Optional.ofNullable(this.byName.get(headerForm));
		}

		@Override
		public boolean isHeader(Collection<TallyColumn> found) {
			return found.contains(UNIT_CODE) && found.stream().anyMatch(TallyColumn::isCount);
		}

		@Override
		public List<TallyColumn> required() {
			return this.required;
		}

	}

}
