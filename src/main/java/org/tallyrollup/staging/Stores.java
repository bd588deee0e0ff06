package org.tallyrollup.staging;

import org.springframework.stereotype.Component;

/**
 * The staging stores, one per table family, handed together to what uses most of them
 * (the roll-up and workbook steps, a run's report).
 */
@Component
public record Stores(FileStore files, RowStore rows, FindingStore findings, TotalsStore totals, RunStore runs) {
}
