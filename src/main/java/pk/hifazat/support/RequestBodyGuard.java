package pk.hifazat.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body to our API that is too large (413) or not valid UTF-8 (400) before any of
 * it reaches the JSON reader, so an oversized or malformed body costs little and stores nothing.
 */
@Component
// After Spring Security, so that a body is read only for an authenticated caller.
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class RequestBodyGuard extends OncePerRequestFilter {

  private final long limit;
  private final ObjectMapper json;

  RequestBodyGuard(@Value("${hifazat.api.max-body-size:512KB}") DataSize limit,
      ObjectMapper json) {
    this.limit = limit.toBytes();
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String type = request.getContentType();
    // Uploads are parsed by the servlet container, within spring.servlet.multipart's limits.
    boolean upload = type != null && type.toLowerCase().startsWith("multipart/");
    return !path.startsWith("/api/") || upload;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than "
          + limit / 1024 + " KB");
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
    if (body.length > limit) {
      refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than "
          + limit / 1024 + " KB");
      return;
    }
    if (!isUtf8(body)) {
      refuse(response, HttpStatus.BAD_REQUEST, "The request body is not valid UTF-8");
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private static boolean isUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private void refuse(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status == HttpStatus.BAD_REQUEST ? "Invalid request" : "Request too large");
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    json.writeValue(response.getOutputStream(), Map.of("type", "about:blank",
        "title", problem.getTitle(), "status", status.value(), "detail", detail));
  }
}
