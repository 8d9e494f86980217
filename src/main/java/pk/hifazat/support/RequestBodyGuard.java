package pk.hifazat.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one limit on request bodies, for every door: our API, the engine REST API and the webapps'
 * API (Tasklist, Cockpit, Admin). A body larger than its door's {@link BodyLimits} is answered 413
 * with a problem body, at once when its length is declared, and after reading at most the limit
 * when it is sent in chunks: it never fills memory or reaches the engine. A body to our API that
 * is not valid UTF-8 is answered 400 before the JSON reader sees it.
 */
@Component
// After Spring Security, so that a body is read only for an authenticated caller.
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class RequestBodyGuard extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RequestBodyGuard.class);

  /** The engine's API, through its own door or the webapps'. */
  private static final String ENGINE = "(/engine-rest|/camunda/api/engine/engine/[^/]+)";

  private static final Pattern DEPLOYMENT =
      Pattern.compile(ENGINE + "/deployment/create|/api/pathways/.*");

  private static final Pattern FILE = Pattern.compile(
      ENGINE + "/.*/(variables|localVariables)/[^/]+/data|" + ENGINE + "/task/[^/]+/attachment/create"
          + "|/api/cases/[^/]+/documents");

  private final BodyLimits limits;

  RequestBodyGuard(SupportSettings settings) {
    this.limits = settings.limits();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (!hasBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    // The path is canonical here (CanonicalRequests runs first): one spelling per door.
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean ours = path.startsWith("/api/");
    long limit = limitOf(path, ours);
    if (request.getContentLengthLong() > limit) {
      tooLarge(response, limit);
      return;
    }
    String type = request.getContentType();
    if (ours && type != null && type.toLowerCase().startsWith("multipart/")) {
      // Spring MVC has the servlet container parse uploads from its own stream, not ours:
      // spring.servlet.multipart.max-request-size holds them to the same limit while parsing.
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
    if (body.length > limit) {
      tooLarge(response, limit);
      return;
    }
    if (ours && !isUtf8(body)) {
      log.debug("Refused a request body that is not UTF-8");
      Problems.write(response, HttpStatus.BAD_REQUEST, "Invalid request",
          "The request body is not valid UTF-8");
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private long limitOf(String path, boolean ours) {
    if (DEPLOYMENT.matcher(path).matches()) {
      return limits.deployments().toBytes();
    }
    if (FILE.matcher(path).matches()) {
      return limits.files().toBytes();
    }
    return (ours ? limits.api() : limits.variables()).toBytes();
  }

  /** A declared length above zero, or a body sent in chunks without one. */
  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || (request.getContentLengthLong() < 0
        && request.getHeader("Transfer-Encoding") != null);
  }

  private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
    log.debug("Refused a request body over {} bytes", limit);
    Problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
        "The request body is larger than " + readable(limit) + ", the limit for this request");
  }

  static String readable(long bytes) {
    return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
        : bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
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
}
