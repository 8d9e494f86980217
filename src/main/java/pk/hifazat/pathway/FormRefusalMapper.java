package pk.hifazat.pathway;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Engine REST errors the client caused. The engine wraps an exception from a task listener, so a
 * completion refused by {@link CompletionFormCheck} would reach the client as a server error: it
 * is answered 400 with the form's message. And the engine quotes submitted values in its messages
 * ("Cannot convert value '...'"), which may identify a child: they are taken out (R-NO-DISCLOSURE).
 */
@Provider
@Priority(1)
public class FormRefusalMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler engineHandler = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException refusal) {
        return answer(Response.Status.BAD_REQUEST,
            FormFieldValidationException.class.getSimpleName(), refusal.getMessage());
      }
    }
    Response engineAnswer = engineHandler.toResponse(exception);
    return answer(Response.Status.fromStatusCode(engineAnswer.getStatus()),
        exception.getClass().getSimpleName(), exception.getMessage());
  }

  static Response answer(Response.Status status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", withoutValues(message));
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** "Cannot convert value 'Amina' of type 'Boolean'" becomes "Cannot convert value of type". */
  static String withoutValues(String message) {
    return message == null ? null
        : message.replaceAll("(?i)value '[^']*'", "value").replaceAll("(?i)value \"[^\"]*\"",
            "value");
  }
}
