package org.tallyrollup.schedule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import org.tallyrollup.system.TallyProperties;
import org.tallyrollup.run.RollupLauncher;
import org.tallyrollup.run.RunHistory;

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
