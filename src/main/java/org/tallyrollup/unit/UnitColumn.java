package org.tallyrollup.unit;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.tallyrollup.sheet.ColumnSet;
import org.tallyrollup.sheet.TextNormalizer;

/** The columns of the unit registry (单位名册) and the other names they go by. */
enum UnitColumn {

	CODE(true, "单位编码", "编码", "单位代码", "组织编码", "code", "unit_code"),

	NAME(true, "单位名称", "名称", "单位", "组织名称", "党组织名称", "name", "unit_name"),

	PARENT(false, "上级单位编码", "上级编码", "上级代码", "parent", "parent_code"),

	TYPE(false, "单位类别", "类别", "组织类别", "type"),

	REPORTS(false, "需报送", "是否报送", "reports");

	static final ColumnSet<UnitColumn> HEADER = new Headers();

	private final boolean required;

	private final List<String> names;

	UnitColumn(boolean required, String... names) {
		this.required = required;
		this.names = List.of(names);
	}

	String header() {
		return this.names.get(0);
	}

	private static final class Headers implements ColumnSet<UnitColumn> {

		private final Map<String, UnitColumn> byName = Arrays.stream(values())
			.flatMap((c) -> c.names.stream().map((n) -> Map.entry(TextNormalizer.header(n), c)))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));

		@Override
		public Optional<UnitColumn> match(String headerForm) {
			return Optional.ofNullable(this.byName.get(headerForm));
		}

		@Override
		public boolean isHeader(Collection<UnitColumn> found) {
			return found.contains(CODE) && found.contains(NAME);
		}

		@Override
		public List<UnitColumn> required() {
			return Arrays.stream(values()).filter((c) -> c.required).toList();
		}

	}

}
