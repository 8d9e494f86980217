package pk.hifazat.enginerest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every other engine REST error, answered as {@link EngineProblems} says: 4xx for the caller's. */
@Provider
@Priority(1)
public class EngineFailureMapper implements ExceptionMapper<Throwable> {

  @Context private UriInfo request;

  @Override
  public Response toResponse(Throwable exception) {
    return EngineProblems.answer(exception, EngineProblems.path(request));
  }
}
