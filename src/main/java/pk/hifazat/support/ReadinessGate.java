package pk.hifazat.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the node is ready (pathways deployed, bootstrap done) and again while it shuts down, every
 * request but the health probes is answered 503 with {@code Retry-After}: a report sent then is
 * retried by its sender, never lost to a 500. The port opens before the node is ready.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadinessGate extends OncePerRequestFilter {

  /** Seconds a sender is asked to wait: a start takes about ten. */
  static final String RETRY_AFTER = "5";

  /** What a load balancer and Kubernetes ask, spelt exactly. */
  private static final Set<String> PROBES = Set.of("/actuator/health",
      "/actuator/health/liveness", "/actuator/health/readiness");

  private final ApplicationAvailability availability;

  ReadinessGate(ApplicationAvailability availability) {
    this.availability = availability;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
        || PROBES.contains(request.getRequestURI().substring(request.getContextPath().length()))) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Retry-After", RETRY_AFTER);
    Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
        "The service is starting or stopping: try again in a few seconds");
  }
}
