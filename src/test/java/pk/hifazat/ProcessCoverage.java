package pk.hifazat;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The process coverage gate: a process test class fails below the minimum flow-node and
 * sequence-flow coverage of the models it drives (pom property hifazat.coverage.minimum).
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverage {

  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    double minimum = Double.parseDouble(System.getProperty("hifazat.coverage.minimum", "0.9"));
    return ProcessEngineCoverageProperties.Companion.builder()
        .assertClassCoverageAtLeast(minimum)
        .build();
  }
}
