package org.tallyrollup.tally.check;

import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;

/**
 * W3: a unit has several rows this period; the one sent last wins (SPEC §4, precedence in
 * {@code job/Supersession}) and every other is superseded, not counted, and flagged here.
 */
public final class SupersededRule {

	private SupersededRule() {
	}

	/**
	 * @param winner where the row that counts is: its file, sheet and row, as the clerk
	 * finds it
	 */
	public static Finding superseded(String file, String sheet, int row, String unitCode, String winner) {
		return new Finding(Rule.W3, file, sheet, row, unitCode, null, null,
				"同一单位本期有多行数据，此行已被 " + winner + " 的数据替代，不计入汇总");
	}

}
