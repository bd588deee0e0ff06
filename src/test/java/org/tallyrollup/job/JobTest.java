package org.tallyrollup.job;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A test of the whole job: the application context as the command line builds it, with an
 * in-memory job repository of its own (a new one for every test class, dropped with the
 * context after the class), no job launched at start-up, and a {@link JobRunner} to
 * launch runs synchronously.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.batch.job.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:jobtests-${random.uuid};DB_CLOSE_DELAY=-1",
				"logging.level.org.apache.poi=ERROR", "logging.level.org.tallyrollup=WARN" })
@Import(JobRunner.class)
@DirtiesContext
public @interface JobTest {

}
