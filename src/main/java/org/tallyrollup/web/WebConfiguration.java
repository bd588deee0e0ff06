package org.tallyrollup.web;

import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
class WebConfiguration {

	/**
	 * Runs started by the server go on in a thread of their own, so that the request
	 * returns at once (status STARTING) and the page can follow the run.
	 */
	@Bean
	@BatchTaskExecutor
	@ConditionalOnWebApplication
	@ConditionalOnProperty(name = "tally.web.async-runs", havingValue = "true", matchIfMissing = true)
	SimpleAsyncTaskExecutor rollupTaskExecutor() {
		return new SimpleAsyncTaskExecutor("rollup-");
	}

}
