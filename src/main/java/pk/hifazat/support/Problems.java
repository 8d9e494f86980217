package pk.hifazat.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Writes an RFC 9457 problem body from a servlet filter, where no controller advice answers: the
 * same shape as {@link ApiProblems}, without echoing what the client sent.
 */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** Plain ASCII out, whatever the response's character set ends up being. */
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private Problems() {}

  public static void write(HttpServletResponse response, HttpStatus status, String title,
      String detail) throws IOException {
    write(response, status.value(), title, detail, Map.of());
  }

  /** A problem with members of its own beyond type, title, status and detail. */
  public static void write(HttpServletResponse response, int status, String title,
      String detail, Map<String, Object> more) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json(status, title, detail, more)
        .getBytes(StandardCharsets.UTF_8));
    response.flushBuffer();
  }

  /** The problem as JSON text: type, title, status and detail, as Spring's ProblemDetail writes it. */
  public static String json(int status, String title, String detail) {
    return json(status, title, detail, Map.of());
  }

  private static String json(int status, String title, String detail, Map<String, Object> more) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.putAll(more);
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A problem of strings and numbers is always JSON", e);
    }
  }
}
