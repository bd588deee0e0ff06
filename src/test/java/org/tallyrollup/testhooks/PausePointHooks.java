package org.tallyrollup.testhooks;

import java.io.FilterOutputStream;
import java.io.IOException;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.tallyrollup.job.TallyFileListener;
import org.tallyrollup.staging.RunStore;
import org.tallyrollup.workbook.WorkbookStreamDecorator;

/**
 * Reaches the {@link PausePoints} from what the job offers: a listener of the files
 * opened ({@code read-file}), of the chunks written before they commit ({@code chunk}), a
 * decorator of the roll-up's tasklet ({@code rollup}: the totals stored, not committed),
 * of the workbook's stream ({@code write}: a block written) and of the store that records
 * the workbook ({@code moved}: the workbook in place, not yet recorded). A configuration
 * of the test classes only: the application has none of it.
 */
@Configuration(proxyBeanMethods = false)
class PausePointHooks {

	@Bean
	TallyFileListener pausingAtEachFile() {
		return (fileNo) -> PausePoints.reached("read-file");
	}

	@Bean
	ItemWriteListener<Object> pausingAfterEachChunk() {
		return new ItemWriteListener<>() {

			@Override
			public void afterWrite(Chunk<?> items) {
				PausePoints.reached("chunk");
			}

		};
	}

	@Bean
	WorkbookStreamDecorator pausingAfterEachBlock() {
		return (out) -> new FilterOutputStream(out) {

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				this.out.write(bytes, offset, length);
				PausePoints.reached("write");
			}

		};
	}

	@Bean
	static BeanPostProcessor pausingAfterRollupAndBeforeTheWorkbookIsRecorded() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof Tasklet tasklet && "rollUpTasklet".equals(name)) {
					return (Tasklet) (contribution, context) -> {
						RepeatStatus status = tasklet.execute(contribution, context);
						PausePoints.reached("rollup");
						return status;
					};
				}
				if (bean instanceof RunStore) {
					ProxyFactory proxy = new ProxyFactory(bean);
					proxy.setProxyTargetClass(true);
					proxy.addAdvice((MethodInterceptor) (invocation) -> {
						if (invocation.getMethod().getName().equals("saveWorkbook")) {
							PausePoints.reached("moved");
						}
						return invocation.proceed();
					});
					return proxy.getProxy();
				}
				return bean;
			}

		};
	}

}
