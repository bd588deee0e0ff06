package org.tallyrollup.unit;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UnitRegistryTests {

	@Test
	void hierarchyOrderIsDepthFirstWithSiblingsAndRootsInRegistryOrder() {
		// given: children listed before their parents, two roots
		UnitRegistry registry = Registries.of("010101,支部A,0101", "02,市直工委,", "0102,城西区,01", "0101,城东区,01", "01,市委,",
				"0201,局,02", "010102,支部B,0101");
		// when
		List<String> order = Arrays.stream(registry.hierarchyOrder()).mapToObj((i) -> registry.unit(i).code()).toList();
		// then
		assertThat(order).containsExactly("02", "0201", "01", "0102", "0101", "010101", "010102");
		assertThat(registry.level(registry.indexOf("010101"))).isEqualTo(3);
		assertThat(registry.level(registry.indexOf("02"))).isEqualTo(1);
	}

	@Test
	void mustReportDefaultsToLeavesAndHonoursWhatIsGiven() {
		UnitRegistry registry = Registries.of("01,市委,", "0101,区,01,true", "010101,支部,0101", "010102,支部,0101,false");
		assertThat(registry.mustReport(registry.indexOf("01"))).isFalse();
		assertThat(registry.mustReport(registry.indexOf("0101"))).isTrue();
		assertThat(registry.mustReport(registry.indexOf("010101"))).isTrue();
		assertThat(registry.mustReport(registry.indexOf("010102"))).isFalse();
	}

	@Test
	void listsEveryProblemNotJustTheFirst() {
		// given: a duplicate, an unknown parent, and a cycle of three
		List<Unit> units = List.of(new Unit("01", "市委", null, "", null, 2), new Unit("0101", "区", "01", "", null, 3),
				new Unit("0101", "区重复", "01", "", null, 4), new Unit("0102", "区", "09", "", null, 5),
				new Unit("A", "甲", "C", "", null, 6), new Unit("B", "乙", "A", "", null, 7),
				new Unit("C", "丙", "B", "", null, 8), new Unit("S", "自己", "S", "", null, 9));
		// when / then
		assertThatExceptionOfType(InvalidRegistryException.class)
			.isThrownBy(() -> UnitRegistry.of("units.csv", units, List.of("第10行：单位编码为空")))
			.satisfies((ex) -> {
				assertThat(ex.problems()).hasSize(5);
				assertThat(ex.problems()).anyMatch((p) -> p.contains("0101") && p.contains("重复") && p.contains("3、4"));
				assertThat(ex.problems()).anyMatch((p) -> p.contains("第5行") && p.contains("09"));
				assertThat(ex.problems()).anyMatch((p) -> p.contains("循环") && p.contains("第6、8、7行")
						|| p.contains("循环") && p.contains("A") && p.contains("B") && p.contains("C"));
				assertThat(ex.problems()).anyMatch((p) -> p.contains("循环") && p.contains("S → S"));
				assertThat(ex.problems()).contains("第10行：单位编码为空");
				assertThat(ex.getMessage()).contains("units.csv").contains("共5处");
			});
	}

}
