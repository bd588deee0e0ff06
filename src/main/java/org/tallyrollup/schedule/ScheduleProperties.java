package org.tallyrollup.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The nightly run ({@code tally.schedule.*}).
 *
 * @param enabled whether the server runs the roll-up by itself
 * @param cron when, as a Spring cron expression (second minute hour day month weekday)
 * @param zone the time zone the cron expression is read in
 * @param period which period: {@code latest} (the last period folder by label), a fixed
 * label, or a date pattern in braces such as {@code {yyyy-MM}} (this month)
 */
@ConfigurationProperties("tally.schedule")
public record ScheduleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0 0 2 * * *") String cron,
		@DefaultValue("Asia/Shanghai") String zone, @DefaultValue("latest") String period) {

}
