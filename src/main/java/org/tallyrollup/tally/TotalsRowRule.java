package org.tallyrollup.tally;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tallyrollup.sheet.RawRow;
import org.tallyrollup.sheet.TextNormalizer;

/**
 * W4: a totals row (合计/总计/小计) against the sum of the data rows above it since the
 * previous totals row. Each count column is summed over the cells that could be read (as
 * Excel's SUM passes over text); a totals cell that is blank or not a number is not
 * compared. It runs while the sheet is read, not with the row checks of
 * {@code tally/check}: it needs the rows above, and the reader has them.
 */
final class TotalsRowRule {

	private TotalsRowRule() {
	}

	static Finding compare(RowSource source, RawRow row, Map<Integer, TallyColumn> columns, long[] sums) {
		List<String> names = new ArrayList<>();
		List<String> raws = new ArrayList<>();
		List<String> details = new ArrayList<>();
		for (Map.Entry<Integer, TallyColumn> entry : columns.entrySet()) {
			TallyColumn column = entry.getValue();
			String raw = row.cell(entry.getKey());
			if (!column.isCount() || TextNormalizer.isBlank(raw)) {
				continue;
			}
			CountValue total = CountParser.parse(raw);
			long sum = sums[column.countIndex()];
			if (total.valid() && total.value() != sum) {
				names.add(column.header());
				raws.add(TextNormalizer.trim(raw));
				details.add(column.header() + "合计为" + total.value() + "，上方各行之和为" + sum);
			}
		}
		if (names.isEmpty()) {
			return null;
		}
		return new Finding(Rule.W4, source.file(), source.sheet(), source.row(), null, String.join("、", names),
				String.join("、", raws), "合计行与上方各行之和不符：" + String.join("；", details));
	}

}
