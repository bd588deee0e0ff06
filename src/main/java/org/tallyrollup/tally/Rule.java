package org.tallyrollup.tally;

/**
 * The checks of the data contract, by their codes. Errors reject a row (or a whole file
 * or sheet); warnings flag an accepted row.
 */
public enum Rule {

	F1(Level.ERROR, "文件无法读取"),

	F2(Level.ERROR, "表头缺少必填列"),

	R1(Level.ERROR, "单位编码为空"),

	R2(Level.ERROR, "单位编码不在单位名册中"),

	R3(Level.ERROR, "数值不是非负整数"),

	R4(Level.ERROR, "已完成整改数大于整改措施数"),

	R5(Level.ERROR, "分类问题数之和与检视问题数不符"),

	R6(Level.ERROR, "报告期与本次汇总的报告期不符"),

	W1(Level.WARNING, "单位名称与单位名册不一致"),

	W2(Level.WARNING, "有检视问题但整改措施数为0"),

	W3(Level.WARNING, "已被后报送的数据替代"),

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
