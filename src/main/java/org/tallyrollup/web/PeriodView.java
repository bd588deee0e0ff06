package org.tallyrollup.web;

import java.time.LocalDateTime;

/**
 * A period folder found under the input folder.
 *
 * @param period the period label
 * @param tallyFiles the tally files in it (.xlsx, .xls, .csv, at any depth)
 * @param latestRunId the newest completed run of the period, {@code null} if none
 * @param latestRunEnd when that run ended
 */
public record PeriodView(String period, long tallyFiles, Long latestRunId, LocalDateTime latestRunEnd) {
}
