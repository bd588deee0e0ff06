package org.tallyrollup.tally;

/**
 * The checks of the data contract (SPEC.md §3), by their codes. Errors reject a row (or a
 * whole file or sheet); warnings flag an accepted row. Each code names the class that
 * implements it; the row checks are in {@code tally/check}, one class a rule.
 */
public enum Rule {

	/**
	 * F1: {@link org.tallyrollup.tally.check.FileRules#unreadable}; the reasons in
	 * {@link org.tallyrollup.sheet.UnreadableFileException.Reason}.
	 */
	F1(Level.ERROR, "文件无法读取"),

	/**
	 * F2: {@link org.tallyrollup.tally.check.FileRules#missingColumns}; the header found
	 * by {@link org.tallyrollup.sheet.HeaderDetector}.
	 */
	F2(Level.ERROR, "表头缺少必填列"),

	/** R1: {@code tally/check/UnitCodeRules}. */
	R1(Level.ERROR, "单位编码为空"),

	/** R2: {@code tally/check/UnitCodeRules}. */
	R2(Level.ERROR, "单位编码不在单位名册中"),

	/** R3: {@code tally/check/CountRules}, the parsing in {@link CountParser}. */
	R3(Level.ERROR, "数值不是非负整数"),

	/** R4: {@code tally/check/CompletionRule}. */
	R4(Level.ERROR, "已完成整改数大于整改措施数"),

	/** R5: {@code tally/check/CategoryRule}. */
	R5(Level.ERROR, "分类问题数之和与检视问题数不符"),

	/** R6: {@code tally/check/PeriodRule}. */
	R6(Level.ERROR, "报告期与本次汇总的报告期不符"),

	/** W1: {@code tally/check/NameRule}. */
	W1(Level.WARNING, "单位名称与单位名册不一致"),

	/** W2: {@code tally/check/NoMeasuresRule}. */
	W2(Level.WARNING, "有检视问题但整改措施数为0"),

	/**
	 * W3: {@link org.tallyrollup.tally.check.SupersededRule}; which row wins in
	 * {@code job/Supersession}.
	 */
	W3(Level.WARNING, "已被后报送的数据替代"),

	/** W4: {@link TotalsRowRule}, run as the sheet is read. */
	W4(Level.WARNING, "合计行与明细之和不符");

	private final Level level;

	private final String title;

	Rule(Level level, String title) {
		this.level = level;
		this.title = title;
	}

	public Level level() {
		return this.level;
	}

	/** A short Chinese description of the rule. */
	public String title() {
		return this.title;
	}

	public enum Level {

		ERROR("错误"), WARNING("警告");

		private final String label;

		Level(String label) {
			this.label = label;
		}

		/** 错误 or 警告. */
		public String label() {
			return this.label;
		}

	}

}
