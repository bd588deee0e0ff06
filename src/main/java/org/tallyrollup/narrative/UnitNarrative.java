package org.tallyrollup.narrative;

/**
 * The sentences about one unit that an office pastes into its summary report (综述材料).
 *
 * @param code 单位编码
 * @param name 单位名称
 * @param level depth in the hierarchy, a root being 1
 * @param text the sentences
 */
public record UnitNarrative(String code, String name, int level, String text) {

}
