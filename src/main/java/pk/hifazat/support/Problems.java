package pk.hifazat.support;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/**
 * Writes an RFC 9457 problem body from a servlet filter, where no controller advice answers: the
 * same shape as {@link ApiProblems}, without echoing what the client sent.
 */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  public static void write(HttpServletResponse response, HttpStatus status, String title,
      String detail) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status.value());
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json(status.value(), title, detail)
        .getBytes(StandardCharsets.UTF_8));
    response.flushBuffer();
  }

  /** The problem as JSON text: type, title, status and detail, as Spring's ProblemDetail writes it. */
  public static String json(int status, String title, String detail) {
    return "{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status
        + ",\"detail\":" + quote(detail) + "}";
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : String.valueOf(text).toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
