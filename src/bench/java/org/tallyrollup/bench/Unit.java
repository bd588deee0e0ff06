package org.tallyrollup.bench;

/**
 * A unit of the generated registry.
 *
 * @param code its code: its parent's code and a few digits of its own
 * @param name its name
 * @param parent its parent's code, blank for the root
 * @param type 单位类别
 * @param reports 需报送 as written in the registry: blank (the default) or 否
 * @param level 1 for the root
 */
record Unit(String code, String name, String parent, String type, String reports, int level) {

	/** Whether it must send a row: a branch that is not marked 否. */
	boolean mustReport(boolean leaf) {
		return leaf && !"否".equals(this.reports);
	}

}
