package pk.hifazat.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.support.RefreshedMetrics;

/**
 * The Prometheus endpoint's output, read by the Prometheus project's own text-format parser
 * (python3-prometheus-client from Debian; .ci/run installs it).
 */
@HifazatTest
class PrometheusEndpointTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");
  /** Parses the exposition from stdin and prints "family type" and "sample value" lines. */
  private static final String PARSER = """
      import sys
      from prometheus_client.parser import text_string_to_metric_families
      for family in text_string_to_metric_families(sys.stdin.read()):
          print("family", family.name, family.type)
          for sample in family.samples:
              labels = ",".join(k + "=" + v for k, v in sorted(sample.labels.items()))
              print("sample", sample.name + "{" + labels + "}", sample.value)
      """;

  @Autowired MockMvc mvc;
  @Autowired CaseDriver cases;
  @Autowired List<RefreshedMetrics> metrics;

  private static String parse(String exposition) throws IOException, InterruptedException {
    boolean parserInstalled = Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(),
        "-c", "import prometheus_client").start().waitFor() == 0;
    if (!parserInstalled) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("python3-prometheus-client is not installed");
      }
      assumeTrue(false, "apt-get install python3-prometheus-client to run this test");
    }
    Process parser = new ProcessBuilder(PYTHON.toString(), "-c", PARSER).start();
    parser.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
    parser.getOutputStream().close();
    String out = new String(parser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(parser.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(parser.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(parser.exitValue()).as("parser said: %s", err).isZero();
    return out;
  }

  @Test
  void prometheusOutputParsesAndCarriesTheDeadlineAndWorkFigures() throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(30));
    cases.report(Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE", custody, custody));
    metrics.forEach(RefreshedMetrics::refresh);

    String exposition = mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    String parsed = parse(exposition);

    assertThat(parsed)
        .contains("family hifazat_clocks_open gauge")
        .contains("sample hifazat_clocks_open{status=BREACHED}")
        .contains("family hifazat_clock_breaches gauge")
        .contains("rule=R-COURT-24H")
        .contains("family hifazat_tasks_waiting gauge")
        .contains("activity=Task_ArrangeProduction,process=courtProduction")
        .contains("family hifazat_jobs gauge")
        .contains("family hifazat_job_executor counter")
        .contains("family jvm_memory_used_bytes gauge");
  }

  @Test
  void metricsAreForManagersAndAdministratorsOnly() throws Exception {
    mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/prometheus").with(httpBasic("cpo.lahore.m", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/actuator/prometheus").with(httpBasic("manager.punjab", "demo")))
        .andExpect(status().isOk());
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
  }
}
