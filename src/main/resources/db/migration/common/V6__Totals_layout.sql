-- A run's totals are stored by position, as its rows are, under the count columns' keys
-- in their order recorded here once for the run: the keyed text V5 wrote ("branches=3,…")
-- took a million-unit run several seconds to write and read back. NULL for runs stored
-- before, whose totals stay keyed (Counts.decoder reads both).
ALTER TABLE TR_RUN ADD COLUMN TOTALS_LAYOUT VARCHAR(2000);
