package pk.hifazat;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Process coverage is recorded for every test class (reports under
 * target/process-test-coverage); {@link ProcessCoverageGate} unites them per model after the tests
 * and fails the build below the minimum (pom property hifazat.coverage.minimum).
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverage {

  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.Companion.builder().build();
  }
}
