package pk.hifazat.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import pk.hifazat.support.ConflictException;
import pk.hifazat.support.InvalidQueryException;

/**
 * Recognises a report sent again (a helpline's retry after a lost answer): by the {@code
 * Idempotency-Key} header its sender chose, and by the source system's own report id. The same
 * report answers the case it opened; another report under a key already used is refused.
 */
@Component
class RetriedReports {

  static final String HEADER = "Idempotency-Key";
  /** Visible ASCII, as the header's draft standard and every HTTP library allow. */
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

  private final IntakeRequests requests;
  private final ObjectMapper json;

  RetriedReports(IntakeRequests requests, ObjectMapper json) {
    this.requests = requests;
    this.json = json;
  }

  /** The keys a report can be recognised by, and a digest of what it says. */
  ReportKeys keysOf(CaseReportRequest report, String district, String idempotencyKey,
      String user) {
    List<String> keys = new ArrayList<>();
    if (idempotencyKey != null) {
      if (!KEY.matcher(idempotencyKey).matches()) {
        throw new InvalidQueryException(HEADER, "must be 1 to 128 visible ASCII characters");
      }
      // A sender's keys are its own: another user's key of the same spelling is another report.
      keys.add("key:" + user + ":" + idempotencyKey);
    }
    if (report.sourceReportId() != null) {
      keys.add("source:" + report.source() + ":" + report.province() + ":" + district + ":"
          + report.sourceReportId());
    }
    return new ReportKeys(keys, keys.isEmpty() ? null : digest(report));
  }

  /** The case this report opened before, or empty if it is new. */
  Optional<IntakeService.OpenedCase> earlier(CaseReportRequest report, ReportKeys keys) {
    if (keys.keys().isEmpty()) {
      return Optional.empty();
    }
    return requests.find(keys.keys()).map(answered -> {
      if (!answered.hash().equals(keys.hash())) {
        if (answered.key().startsWith("key:")) {
          throw new KeyReused();
        }
        throw new ConflictException("Report " + report.sourceReportId() + " from "
            + report.source() + " is already registered as case " + answered.caseNumber()
            + ": add what is new to that case");
      }
      return answered.opened();
    });
  }

  private String digest(CaseReportRequest report) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(json.writeValueAsString(report).getBytes(StandardCharsets.UTF_8)));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot digest a report", e);
    }
  }

  /** The keys of one report; {@code hash} is null when it has none. */
  record ReportKeys(List<String> keys, String hash) {}

  /** An {@code Idempotency-Key} sent again with another report: 422, as its standard says. */
  static class KeyReused extends ErrorResponseException {

    KeyReused() {
      super(HttpStatus.UNPROCESSABLE_ENTITY, problem(), null);
    }

    private static ProblemDetail problem() {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
          "This Idempotency-Key was sent before with a different report: use a new key for a"
              + " new report");
      problem.setTitle("Idempotency-Key reused");
      return problem;
    }
  }
}
