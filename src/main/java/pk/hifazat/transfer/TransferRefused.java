package pk.hifazat.transfer;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A proposal that names no place a case can go: 400, naming the field. */
class TransferRefused extends ErrorResponseException {

  TransferRefused(String field, String message) {
    super(HttpStatus.BAD_REQUEST, problem(field, message), null);
  }

  private static ProblemDetail problem(String field, String message) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        field + " " + message);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
    return problem;
  }
}
