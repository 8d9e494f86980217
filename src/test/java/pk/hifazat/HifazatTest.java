package pk.hifazat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.ActiveProfiles;
import pk.hifazat.support.EngineMappingsReadAhead;

/**
 * The whole application on an in-memory database, listening on 127.0.0.1 and a free port, job
 * executor off: tests fire timers themselves. One Spring context serves every test that carries this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
// As the service starts (HifazatApplication.service()): every test runs on the mappings read ahead.
@ContextConfiguration(initializers = EngineMappingsReadAhead.class)
@Import({ProcessEngineCoverageConfiguration.class, ProcessCoverage.class, CaseDriver.class})
public @interface HifazatTest {}
