package pk.hifazat;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The process coverage gate: a pathway test class (its name ends in {@code PathwayTest}) fails
 * below the minimum flow-node and sequence-flow coverage of the models it drives (pom property
 * hifazat.coverage.minimum). Other tests start cases too, but are not meant to cover a model.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverage {

  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    double minimum = Double.parseDouble(System.getProperty("hifazat.coverage.minimum", "0.9"));
    return ProcessEngineCoverageProperties.Companion.builder()
        .assertClassCoverageAtLeast(minimum)
        .addInclusionPatternForTestClasses(".*PathwayTest")
        .build();
  }
}
