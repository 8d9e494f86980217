package pk.hifazat.enginerest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that is not JSON, answered as every other bad input: 400 with a problem body
 * (the engine's own answer has no title, status or detail). Jackson's words may quote what was
 * sent, a child's name in a variable, so the answer says where, not what.
 */
@Provider
@Priority(1)
public class UnreadableBodyMapper implements ExceptionMapper<JsonParseException> {

  @Override
  public Response toResponse(JsonParseException exception) {
    return notJson(exception);
  }

  static Response notJson(JsonParseException exception) {
    JsonLocation where = exception.getLocation();
    return EngineProblems.answer(Response.Status.BAD_REQUEST, "InvalidRequestException",
        "The request body is not valid JSON" + (where == null ? ""
            : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
  }
}
