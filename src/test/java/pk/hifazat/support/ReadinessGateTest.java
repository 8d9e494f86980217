package pk.hifazat.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A node that is starting or stopping says so: 503 with Retry-After, health probes still answer. */
class ReadinessGateTest {

  @ParameterizedTest(name = "{0} {1} while {2}: {3}")
  @CsvSource({
      "POST, /api/cases, REFUSING_TRAFFIC, 503",
      "GET, /engine-rest/task, REFUSING_TRAFFIC, 503",
      "GET, /camunda/app/tasklist/, REFUSING_TRAFFIC, 503",
      "GET, /dashboard/, REFUSING_TRAFFIC, 503",
      "GET, /actuator/prometheus, REFUSING_TRAFFIC, 503",
      "GET, /actuator/health/readiness, REFUSING_TRAFFIC, 200",
      "GET, /actuator/health/liveness, REFUSING_TRAFFIC, 200",
      "GET, /actuator/healthy/../prometheus, REFUSING_TRAFFIC, 503",
      "GET, /actuator/health/../../api/cases, REFUSING_TRAFFIC, 503",
      "GET, /actuator/health;x=y/../../api/cases, REFUSING_TRAFFIC, 503",
      "GET, /actuator/HEALTH, REFUSING_TRAFFIC, 503",
      "POST, /api/cases, ACCEPTING_TRAFFIC, 200"})
  @DisplayName("Every door is closed with 503 until the node is ready, but the probes")
  void requestsWaitForReadiness(String method, String path, ReadinessState state, int status)
      throws Exception {
    ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    availability.onApplicationEvent(new AvailabilityChangeEvent<>(new StaticApplicationContext(),
        state));
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    new ReadinessGate(availability).doFilter(request, response, chain);

    assertThat(response.getStatus()).isEqualTo(status);
    if (status == 503) {
      assertThat(chain.getRequest()).as("not passed on").isNull();
      assertThat(response.getHeader("Retry-After")).isEqualTo(ReadinessGate.RETRY_AFTER);
      assertThat(response.getContentType()).startsWith(Problems.MEDIA_TYPE);
      assertThat(response.getContentAsString()).contains("\"status\":503");
    } else {
      assertThat(chain.getRequest()).isSameAs(request);
    }
  }
}
