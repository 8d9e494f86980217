package pk.hifazat.pathway;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The engine wraps an exception from a task listener, so a completion refused by {@link
 * CompletionFormCheck} would reach a REST client as a server error. It is the client's mistake:
 * answer 400 with the form's message, as the engine does for its own form validation.
 */
@Provider
@Priority(1)
public class FormRefusalMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler engineHandler = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException refusal) {
        return Response.status(Response.Status.BAD_REQUEST)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", FormFieldValidationException.class.getSimpleName(),
                "message", refusal.getMessage()))
            .build();
      }
    }
    return engineHandler.toResponse(exception);
  }
}
