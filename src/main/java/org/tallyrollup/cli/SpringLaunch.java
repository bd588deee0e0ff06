package org.tallyrollup.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.ToIntFunction;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import org.tallyrollup.unit.RegistryPreload;

/**
 * Starts the application for a command: without a web server for one, with one to serve.
 */
public final class SpringLaunch {

	private final Class<?> application;

	public SpringLaunch(Class<?> application) {
		this.application = application;
	}

	/**
	 * Starts the application without a web server, runs a command in it, and stops it. A
	 * failure to start (database unreachable, bad setting) is reported in one line.
	 * @param preload the registry being read for the command, {@code null} for none
	 */
	int run(List<String> springArgs, RegistryPreload preload, ToIntFunction<ConfigurableApplicationContext> command) {
		// Quiet defaults for a person at a terminal, as default properties so that any
		// --logging.level… given replaces them. A failed step is reported by RunCommand
		// in one line; Batch's stack trace would be noise, and so would Spring's report
		// of a failure to start.
		ConfigurableApplicationContext context;
		try {
			context = new SpringApplicationBuilder(this.application).web(WebApplicationType.NONE)
				.initializers((starting) -> {
					if (preload != null) {
						starting.getBeanFactory().registerSingleton("registryPreload", preload);
					}
				})
				.logStartupInfo(false)
				.properties("logging.level.root=WARN", "logging.level.org.tallyrollup=INFO",
						"logging.level.org.springframework.batch.core.step.AbstractStep=OFF",
						"logging.level.org.springframework.boot.SpringApplication=OFF",
						"logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=ERROR")
				.run(springArgs.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			System.err.println("错误：程序无法启动：" + rootCause(ex));
			return 1;
		}
		try (context) {
			return command.applyAsInt(context);
		}
	}

	/**
	 * Starts the web server with the nightly schedule and waits until it is stopped (a
	 * signal closes the application).
	 */
	int serve(List<String> springArgs) throws InterruptedException {
		CountDownLatch closed = new CountDownLatch(1);
		new SpringApplicationBuilder(this.application).web(WebApplicationType.SERVLET).listeners((event) -> {
			if (event instanceof ContextClosedEvent) {
				closed.countDown();
			}
		}).run(springArgs.toArray(String[]::new));
		closed.await();
		return 0;
	}

	static String rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getClass().getSimpleName()
				+ ((cause.getMessage() != null) ? " " + cause.getMessage() : "");
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

}
