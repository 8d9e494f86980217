package pk.hifazat.area;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A user asked for figures or cases of an area that is not theirs: answered with 403 and a
 * problem body titled "Not your area".
 */
public class AreaDeniedException extends ErrorResponseException {

  public AreaDeniedException(String message) {
    super(HttpStatus.FORBIDDEN, problem(message), null);
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }

  private static ProblemDetail problem(String message) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, message);
    problem.setTitle("Not your area");
    return problem;
  }
}
