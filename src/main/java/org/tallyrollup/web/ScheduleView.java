package org.tallyrollup.web;

import java.time.ZonedDateTime;

import org.tallyrollup.schedule.NightlyOutcome;
import org.tallyrollup.schedule.ScheduleProperties;

/**
 * The nightly run as the page shows it.
 *
 * @param settings the schedule's settings
 * @param next when it runs next
 * @param last what it did last, {@code null} before the first time
 * @param lastRun the run it started or found unchanged last time, as it is now
 */
public record ScheduleView(ScheduleProperties settings, ZonedDateTime next, NightlyOutcome last, RunView lastRun) {

	/**
	 * When it runs, in words: 每天 02:00 for a daily time, the cron expression otherwise.
	 */
	public String whenText() {
		String[] fields = this.settings.cron().trim().split("\\s+");
		if (fields.length == 6 && fields[0].matches("\\d+") && fields[1].matches("\\d+") && fields[2].matches("\\d+")
				&& fields[3].equals("*") && fields[4].equals("*") && (fields[5].equals("*") || fields[5].equals("?"))) {
			return String.format("每天 %02d:%02d", Integer.parseInt(fields[2]), Integer.parseInt(fields[1]));
		}
		return "按计划“" + this.settings.cron() + "”";
	}

	/** The period rule in words. */
	public String periodText() {
		return "latest".equalsIgnoreCase(this.settings.period()) ? "最新的报告期（按文件夹名排在最后的）"
				: "报告期 " + this.settings.period();
	}

}
