package org.tallyrollup.template;

import java.util.List;

/**
 * What a 填报模板 holds.
 *
 * @param unitCode the unit the template is for
 * @param unitName its name
 * @param period the period label
 * @param units the units that report under it, in hierarchy order
 * @param categories whether the six category columns are shown
 */
public record TemplateContent(String unitCode, String unitName, String period, List<TemplateUnit> units,
		boolean categories) {

}
