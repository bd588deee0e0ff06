package org.tallyrollup.unit;

import java.util.List;

/**
 * The unit registry cannot be rolled up. Lists every problem found, not just the first.
 */
public class InvalidRegistryException extends RuntimeException {

	private final List<String> problems;

	public InvalidRegistryException(String file, List<String> problems) {
		super("单位名册 " + file + " 有误，无法汇总（共" + problems.size() + "处）：" + String.join("；", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
