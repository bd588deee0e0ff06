package org.tallyrollup.schedule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import org.tallyrollup.job.RollupLauncher;
import org.tallyrollup.job.RunHistory;
import org.tallyrollup.system.TallyProperties;

/** The nightly run, on in the server ({@code serve}) unless switched off. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "tally.schedule.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
@EnableConfigurationProperties(ScheduleProperties.class)
class ScheduleConfiguration {

	@Bean
	NightlyRollup nightlyRollup(RollupLauncher launcher, RunHistory history, ScheduleProperties schedule,
			TallyProperties folders) {
		return new NightlyRollup(launcher, history, schedule, folders);
	}

}
