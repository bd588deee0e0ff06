package org.tallyrollup.unit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unit hierarchy: every unit by its code, its parent, its depth, and the order in
 * which the hierarchy is shown (depth first, siblings in registry order, roots in
 * registry order). Built only from a valid registry: no duplicate code, no unknown
 * parent, no cycle. Units are numbered by their registry position; arrays keep a national
 * registry of millions of units compact.
 */
public final class UnitRegistry {

	private final Unit[] units;

	private final Map<String, Integer> byCode;

	private final int[] parent;

	private final int[] level;

	private final int[] order;

	private final boolean[] hasChildren;

	private UnitRegistry(Unit[] units, Map<String, Integer> byCode, int[] parent) {
		this.units = units;
		this.byCode = byCode;
		this.parent = parent;
		this.hasChildren = new boolean[units.length];
		for (int p : parent) {
			if (p >= 0) {
				this.hasChildren[p] = true;
			}
		}
		this.order = preorder(parent);
		this.level = new int[units.length];
		for (int i : this.order) {
			this.level[i] = (parent[i] < 0) ? 1 : this.level[parent[i]] + 1;
		}
	}

	/**
	 * Builds the hierarchy, or throws listing every problem: those found while reading
	 * and every duplicate code, unknown parent and cycle.
	 */
	public static UnitRegistry of(String file, List<Unit> units, List<String> readProblems) {
		List<String> problems = new ArrayList<>(readProblems);
		Map<String, List<Unit>> byCode = new LinkedHashMap<>();
		for (Unit unit : units) {
			byCode.computeIfAbsent(unit.code(), (c) -> new ArrayList<>(1)).add(unit);
		}
		for (Map.Entry<String, List<Unit>> entry : byCode.entrySet()) {
			if (entry.getValue().size() > 1) {
				problems.add("单位编码 " + entry.getKey() + " 重复（第" + rows(entry.getValue()) + "行）");
			}
		}
		Unit[] distinct = byCode.values().stream().map((list) -> list.get(0)).toArray(Unit[]::new);
		Map<String, Integer> index = new HashMap<>(distinct.length * 2);
		for (int i = 0; i < distinct.length; i++) {
			index.put(distinct[i].code(), i);
		}
		int[] parent = new int[distinct.length];
		for (int i = 0; i < distinct.length; i++) {
			Unit unit = distinct[i];
			if (unit.isRoot()) {
				parent[i] = -1;
			}
			else {
				Integer p = index.get(unit.parentCode());
				if (p == null) {
					problems.add("第" + unit.row() + "行：单位 " + unit.code() + " 的上级单位编码 " + unit.parentCode() + " 不在名册中");
					parent[i] = -1;
				}
				else {
					parent[i] = p;
				}
			}
		}
		problems.addAll(cycles(distinct, parent));
		if (!problems.isEmpty()) {
			throw new InvalidRegistryException(file, problems);
		}
		return new UnitRegistry(distinct, index, parent);
	}

	private static String rows(List<Unit> units) {
		return String.join("、", units.stream().map((u) -> String.valueOf(u.row())).toList());
	}

	private static List<String> cycles(Unit[] units, int[] parent) {
		List<String> problems = new ArrayList<>();
		byte[] state = new byte[units.length];
		for (int start = 0; start < units.length; start++) {
			List<Integer> path = new ArrayList<>();
			int current = start;
			while (current >= 0 && state[current] == 0) {
				state[current] = 1;
				path.add(current);
				current = parent[current];
			}
			if (current >= 0 && state[current] == 1) {
				List<Integer> cycle = path.subList(path.indexOf(current), path.size());
				StringBuilder codes = new StringBuilder();
				List<String> rows = new ArrayList<>();
				for (int i : cycle) {
					codes.append(units[i].code()).append(" → ");
					rows.add(String.valueOf(units[i].row()));
				}
				codes.append(units[current].code());
				problems.add("上级关系形成循环：" + codes + "（第" + String.join("、", rows) + "行）");
			}
			for (int i : path) {
				state[i] = 2;
			}
		}
		return problems;
	}

	private static int[] preorder(int[] parent) {
		int n = parent.length;
		int[] childCount = new int[n + 1];
		for (int i = 0; i < n; i++) {
			childCount[parent[i] + 1]++;
		}
		int[] start = new int[n + 2];
		for (int i = 0; i <= n; i++) {
			start[i + 1] = start[i] + childCount[i];
		}
		int[] fill = Arrays.copyOf(start, n + 1);
		int[] children = new int[n];
		for (int i = 0; i < n; i++) {
			children[fill[parent[i] + 1]++] = i;
		}
		int[] order = new int[n];
		int count = 0;
		int[] stack = new int[n];
		int top = 0;
		for (int k = start[1] - 1; k >= start[0]; k--) {
			stack[top++] = children[k];
		}
		while (top > 0) {
			int unit = stack[--top];
			order[count++] = unit;
			for (int k = start[unit + 2] - 1; k >= start[unit + 1]; k--) {
				stack[top++] = children[k];
			}
		}
		return order;
	}

	public int size() {
		return this.units.length;
	}

	public Unit unit(int index) {
		return this.units[index];
	}

	/** The unit's index, or -1 when the code is not in the registry. */
	public int indexOf(String code) {
		Integer index = this.byCode.get(code);
		return (index != null) ? index : -1;
	}

	public Optional<Unit> find(String code) {
		int index = indexOf(code);
		return (index >= 0) ? Optional.of(this.units[index]) : Optional.empty();
	}

	/** The parent's index, -1 for a root. */
	public int parent(int index) {
		return this.parent[index];
	}

	/** Depth, a root being 1. */
	public int level(int index) {
		return this.level[index];
	}

	public boolean hasChildren(int index) {
		return this.hasChildren[index];
	}

	/** 需报送: as given, else whether the unit has no children. */
	public boolean mustReport(int index) {
		Boolean given = this.units[index].reports();
		return (given != null) ? given : !this.hasChildren[index];
	}

	/** Unit indexes depth first, siblings and roots in registry order. */
	public int[] hierarchyOrder() {
		return this.order.clone();
	}

}
