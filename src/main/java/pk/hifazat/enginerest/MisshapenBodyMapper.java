package pk.hifazat.enginerest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/**
 * A JSON request body that is not what the request takes (a list where a map belongs, text where
 * a number does), answered as every other bad input: 400 with a problem body naming the field by
 * its path. Jackson's words may quote the value sent, so they are not passed on.
 */
@Provider
@Priority(1)
public class MisshapenBodyMapper implements ExceptionMapper<JsonMappingException> {

  @Context private UriInfo request;

  @Override
  public Response toResponse(JsonMappingException exception) {
    if (!(exception.getProcessor() instanceof JsonParser)) {
      // Not reading the request: writing the answer failed, a failure of ours.
      return EngineProblems.answer(exception, EngineProblems.path(request));
    }
    // A body cut short reaches here from inside the mapping: it is not JSON, whatever its path.
    for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonParseException notJson) {
        return UnreadableBodyMapper.notJson(notJson);
      }
    }
    String field = exception.getPath().stream()
        .map(step -> step.getFieldName() != null ? "." + step.getFieldName()
            : "[" + step.getIndex() + "]")
        .collect(Collectors.joining()).replaceFirst("^\\.", "");
    return EngineProblems.answer(Response.Status.BAD_REQUEST, "InvalidRequestException",
        "The request body is not what this request takes"
            + (field.isEmpty() ? "" : " at '" + field + "'"));
  }
}
