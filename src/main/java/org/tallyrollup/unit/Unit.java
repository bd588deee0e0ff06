package org.tallyrollup.unit;

/**
 * A unit of the registry.
 *
 * @param code 单位编码
 * @param name 单位名称
 * @param parentCode 上级单位编码, {@code null} for a root
 * @param type 单位类别 (informational), may be empty
 * @param reports 需报送 as given: {@code null} when blank (the default applies)
 * @param row the 1-based row of the registry file it came from
 */
public record Unit(String code, String name, String parentCode, String type, Boolean reports, int row) {

	/** The longest unit code the job stores (a code is an identifier, not a text). */
	public static final int MAX_CODE_LENGTH = 255;

	/** The longest unit name the job stores. */
	public static final int MAX_NAME_LENGTH = 1000;

	public boolean isRoot() {
		return this.parentCode == null;
	}

}
