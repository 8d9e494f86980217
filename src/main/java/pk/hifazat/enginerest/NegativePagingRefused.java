package pk.hifazat.enginerest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A list asked from a negative place or for a negative number of results is refused before the
 * engine sends it to the database, which would fail on it (PostgreSQL refuses a negative
 * {@code OFFSET} or {@code LIMIT}) or quietly answer nothing (H2).
 */
@Provider
@Priority(Priorities.USER)
public class NegativePagingRefused implements ContainerRequestFilter {

  private static final List<String> PAGING = List.of("firstResult", "maxResults");

  @Override
  public void filter(ContainerRequestContext request) {
    var query = request.getUriInfo().getQueryParameters();
    for (String parameter : PAGING) {
      for (String value : query.getOrDefault(parameter, List.of())) {
        if (negative(value)) {
          request.abortWith(EngineProblems.answer(Response.Status.BAD_REQUEST,
              "InvalidRequestException", "Query parameter '" + parameter
                  + "' counts from 0: it cannot be negative"));
          return;
        }
      }
    }
  }

  /** Whether the value is a negative count; one that is not a count at all the resource refuses. */
  private static boolean negative(String value) {
    try {
      return Integer.parseInt(value.strip()) < 0;
    } catch (NumberFormatException notACount) {
      return false;
    }
  }
}
