package pk.hifazat.enginerest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Engine REST errors the client caused. The engine wraps an exception from a task listener, so a
 * completion refused by the form check on completion would reach the client as a server error: it
 * is answered 400 with the form's message. And the engine quotes submitted values in its messages
 * ("Cannot convert value '...'"), which may identify a child: they are taken out (R-NO-DISCLOSURE).
 */
@Provider
@Priority(1)
public class FormRefusalMapper implements ExceptionMapper<RestException> {

  @Context private UriInfo request;

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException refusal) {
        return answer(Response.Status.BAD_REQUEST,
            FormFieldValidationException.class.getSimpleName(), refusal.getMessage());
      }
    }
    return EngineProblems.answer(exception, EngineProblems.path(request));
  }

  static Response answer(Response.Status status, String type, String message) {
    return EngineProblems.answer(status, type, message);
  }
}
