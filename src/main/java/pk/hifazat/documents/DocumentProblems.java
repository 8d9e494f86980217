package pk.hifazat.documents;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused upload as an RFC 9457 problem, naming the field and never echoing the file. */
@RestControllerAdvice(assignableTypes = DocumentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentProblems {

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
}
