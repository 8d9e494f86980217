package pk.hifazat.documents;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused upload as an RFC 9457 problem, naming the field and never echoing the file; a stored
 * paper that does not open as a problem too.
 */
@RestControllerAdvice(assignableTypes = DocumentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentProblems {

  private static final Logger log = LoggerFactory.getLogger(DocumentProblems.class);

  @ExceptionHandler(DocumentRefused.class)
  ProblemDetail refused(DocumentRefused refused) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.status(),
        "Invalid fields: " + refused.field());
    problem.setTitle(refused.status() == HttpStatus.BAD_REQUEST ? "Invalid request"
        : "Request too large");
    problem.setProperty("errors", List.of(Map.of("field", refused.field(), "message",
        refused.getMessage())));
    return problem;
  }

  /**
   * A stored paper that fails its integrity check: our failure (500), said as a problem and
   * logged here once for the administrators, naming the paper and never its content.
   */
  @ExceptionHandler(DocumentUnreadable.class)
  ProblemDetail unreadable(DocumentUnreadable unreadable) {
    log.error("Document {} of case {} fails its integrity check: its stored content was changed"
        + " or moved. It was not served; restore it from a backup or attach it again.",
        unreadable.documentId(), unreadable.caseNumber());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "Document " + unreadable.documentId() + " of case " + unreadable.caseNumber()
            + " cannot be read: its stored copy fails its integrity check. The administrators"
            + " have been told; attach the paper again if you hold it.");
    problem.setTitle("Document unreadable");
    return problem;
  }
}
