package org.tallyrollup.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.tallyrollup.bench.BenchSize.Kind;
import org.tallyrollup.bench.BenchSize.Level;

/**
 * Walks a size's hierarchy depth first, in registry order, making up names, and hands
 * each unit and each submitting unit (with its branches) to a visitor. The walk is
 * streamed: a national registry of five million units is never held in memory.
 */
final class Hierarchy {

	private static final String PLACE_CHARS = "东西南北中新华安平和阳江河湖山城桥林泉石溪丰宁兴隆永昌盛福清明春秋云龙凤金玉水田桂花松柏长乐青白沙洲港湾滨海";

	private static final String[] DIGITS = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	/** A branch that never reports, in this many (a temporary branch, 需报送 = 否). */
	private static final int NOT_REPORTING_EVERY = 200;

	private final BenchSize size;

	private final SplittableRandom random;

	private int submitters;

	private int branches;

	Hierarchy(BenchSize size) {
		this.size = size;
		this.random = new SplittableRandom(size.seed());
	}

	interface Visitor {

		/** Every unit, parents before children, siblings in display order. */
		void unit(Unit unit) throws Exception;

		/**
		 * A submitting unit, once its branches are known.
		 * @param ancestors the units above it, the root first
		 */
		void submitter(List<Unit> ancestors, Unit submitter, List<Unit> branches) throws Exception;

	}

	void walk(Visitor visitor) throws Exception {
		Unit root = new Unit(this.size.root(), this.size.rootName(), "", "党委", "", 1);
		visitor.unit(root);
		List<Unit> ancestors = new ArrayList<>();
		ancestors.add(root);
		walk(visitor, ancestors, 0);
	}

	private void walk(Visitor visitor, List<Unit> ancestors, int index) throws Exception {
		Level level = this.size.levels().get(index);
		Unit parent = ancestors.get(ancestors.size() - 1);
		int children = this.random.nextInt(level.min(), level.max() + 1);
		for (int i = 1; i <= children; i++) {
			Unit unit = unit(parent, level, i);
			visitor.unit(unit);
			if (level.kind() == Kind.SUBMITTER) {
				List<Unit> branches = branches(visitor, unit, this.size.levels().get(index + 1));
				visitor.submitter(List.copyOf(ancestors), unit, branches);
			}
			else {
				ancestors.add(unit);
				walk(visitor, ancestors, index + 1);
				ancestors.remove(ancestors.size() - 1);
			}
		}
	}

	private List<Unit> branches(Visitor visitor, Unit submitter, Level level) throws Exception {
		BenchSize.Rates rates = this.size.rates();
		this.submitters++;
		boolean large = !this.size.national() && rates.largeBranches() > 0 && this.submitters % rates.largeEvery() == 0;
		int count = large ? rates.largeBranches() : this.random.nextInt(level.min(), level.max() + 1);
		List<Unit> branches = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			Unit branch = unit(submitter, level, i);
			visitor.unit(branch);
			branches.add(branch);
		}
		return branches;
	}

	private Unit unit(Unit parent, Level level, int ordinal) {
		String code = parent.code() + String.format("%0" + level.width() + "d", ordinal);
		int style = Math.floorMod(code.hashCode(), 4);
		String place = place();
		int depth = parent.level() + 1;
		return switch (level.kind()) {
			case PROVINCE -> new Unit(code, "中共" + place + "省委", parent.code(), "省委", "", depth);
			case CITY -> new Unit(code, "中共" + place + "市委", parent.code(), "市委", "", depth);
			case DISTRICT -> (style == 0) ? new Unit(code, "中共" + place + "县委", parent.code(), "县委", "", depth)
					: new Unit(code, "中共" + place + "区委", parent.code(), "区委", "", depth);
			case SUBMITTER -> switch (style) {
				case 0 -> new Unit(code, "中共" + place + "街道工委", parent.code(), "街道党工委", "", depth);
				case 1 -> new Unit(code, "中共" + place + "镇委", parent.code(), "镇党委", "", depth);
				case 2 -> new Unit(code, place + "局机关党委", parent.code(), "机关党委", "", depth);
				default -> new Unit(code, place + "集团有限公司党委", parent.code(), "党委", "", depth);
			};
			case BRANCH -> branch(parent, code, ordinal, place, depth);
		};
	}

	private Unit branch(Unit parent, String code, int ordinal, String place, int depth) {
		this.branches++;
		String reports = (this.branches % NOT_REPORTING_EVERY == 0) ? "否" : "";
		String stem = parent.name().replaceFirst("^中共", "").replaceFirst("(街道工委|镇委|局机关党委|集团有限公司党委)$", "");
		String name = switch (Math.floorMod(parent.code().hashCode(), 4)) {
			case 0 -> place + "社区第" + ordinal(ordinal) + "党支部";
			case 1 -> place + "村党支部";
			case 2 -> stem + "局机关第" + ordinal(ordinal) + "党支部";
			default -> stem + "集团第" + ordinal(ordinal) + "党支部";
		};
		if (!reports.isEmpty()) {
			name = stem + "临时党支部";
		}
		return new Unit(code, name, parent.code(), reports.isEmpty() ? "党支部" : "临时党支部", reports, depth);
	}

	private String place() {
		int n = PLACE_CHARS.length();
		return "" + PLACE_CHARS.charAt(this.random.nextInt(n)) + PLACE_CHARS.charAt(this.random.nextInt(n));
	}

	/** 一, 二 … 九十九, then digits. */
	static String ordinal(int n) {
		if (n < 10) {
			return DIGITS[n];
		}
		if (n < 100) {
			return ((n / 10 == 1) ? "" : DIGITS[n / 10]) + "十" + DIGITS[n % 10];
		}
		return String.valueOf(n);
	}

}
