package pk.hifazat.support;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every API error with an RFC 9457 problem body: 400 naming each bad field, 404, never a
 * stack trace or the rejected value (it may identify a child, R-NO-DISCLOSURE).
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
        .sorted(Comparator.comparing(FieldError::getField))
        .map(error -> Map.of("field", error.getField(),
            "message", String.valueOf(error.getDefaultMessage())))
        .distinct()
        .toList();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Invalid fields: " + errors.stream().map(e -> e.get("field")).distinct()
            .collect(Collectors.joining(", ")));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem;
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping);
      String message = mapping instanceof UnrecognizedPropertyException
          ? "is not a known field"
          : "has the wrong type or format";
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "Invalid fields: " + field);
      problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
    } else {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "The request body is not well-formed JSON");
    }
    problem.setTitle("Invalid request");
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException ex) {
    return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException ex) {
    return problem(HttpStatus.CONFLICT, "Not possible now", ex.getMessage());
  }

  /**
   * Another request changed the same thing at the same moment (the engine's optimistic locking,
   * a lock the database gave to another transaction, a row another request inserted first):
   * nothing of this one was saved.
   */
  @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class,
      DuplicateKeyException.class})
  ProblemDetail concurrentChange(RuntimeException ex) {
    return problem(HttpStatus.CONFLICT, "Changed at the same time",
        "Someone else changed this at the same moment and nothing of yours was saved: reload"
            + " and try again");
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail accessDenied(AccessDeniedException ex) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
  }

  @ExceptionHandler(InvalidQueryException.class)
  ProblemDetail invalidQuery(InvalidQueryException ex) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
        "Invalid query parameter: " + ex.parameter());
    problem.setProperty("errors", List.of(Map.of("field", ex.parameter(), "message",
        ex.getMessage())));
    return problem;
  }

  @ExceptionHandler(InvalidFieldException.class)
  ProblemDetail invalidField(InvalidFieldException ex) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
        ex.field() + " " + ex.getMessage());
    problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message",
        ex.getMessage())));
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  private static String path(JsonMappingException mapping) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
