package org.tallyrollup.tally.check;

import java.util.List;

import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.TallyRecord;

/**
 * One rule of the data contract applied to a data row: the findings it raises, if any.
 */
interface RowRule {

	List<Finding> check(TallyRecord record, CheckContext context);

}
