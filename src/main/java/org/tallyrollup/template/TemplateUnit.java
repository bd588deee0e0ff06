package org.tallyrollup.template;

/**
 * A unit that reports in a 填报模板: one pre-filled row.
 *
 * @param code 单位编码
 * @param name 单位名称 as the registry gives it
 * @param depth levels below the unit the template is for (its own row is 0)
 */
public record TemplateUnit(String code, String name, int depth) {

}
