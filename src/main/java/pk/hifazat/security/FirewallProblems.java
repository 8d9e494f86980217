package pk.hifazat.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import pk.hifazat.support.Problems;

/**
 * Spring Security's firewall refuses what {@link CanonicalRequests} lets through on other paths
 * (a disallowed method, a malicious header or parameter name): answered 400 with a problem body,
 * as every other refusal, not a server error with a stack trace in the log.
 */
@Component
class FirewallProblems implements RequestRejectedHandler {

  private static final Logger log = LoggerFactory.getLogger(FirewallProblems.class);

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response,
      RequestRejectedException refusal) throws IOException {
    log.debug("Request refused by the firewall: {}", refusal.getMessage());
    Problems.write(response, HttpStatus.BAD_REQUEST, "Request refused",
        "The request was refused: it contains a character, name or method that is not allowed.");
  }
}
