package pk.hifazat.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
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
import pk.hifazat.support.Problems;

/**
 * Refuses, before security or routing reads it, a request whose path could be spelt another way:
 * percent-encoded letters or digits ({@code variables/%63hildSex}), encoded slashes, backslashes or
 * dots, double encoding, {@code //}, {@code .} and {@code ..} segments, {@code ;} parameters,
 * characters that are not printable ASCII, and a trailing slash on our API and the engine REST API.
 * Every check after this one (security, guards, routing) then sees one spelling of each resource,
 * so a rule written for {@code childSex} holds for every way of writing it (R-GIRL-FEMALE-CARE).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CanonicalRequests extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(CanonicalRequests.class);

  /**
   * Resources of these APIs never end in a slash. The Camunda webapps' pages do
   * ({@code /camunda/app/tasklist/default/}), and so does their list of engines
   * ({@code /camunda/api/engine/engine/}); the resources of an engine below it do not.
   */
  private static final Pattern NO_TRAILING_SLASH =
      Pattern.compile("/(api|engine-rest)(/.*)?|/camunda/api/engine/engine/[^/]+/.*");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String problem = problem(path);
    if (problem != null) {
      // The client's mistake, not ours: no stack trace, no path in the log (it may carry names).
      log.debug("Refused a request path that is not canonical: {}", problem);
      Problems.write(response, HttpStatus.BAD_REQUEST, "Path not canonical",
          "The request path " + problem + ". Send each resource in its one canonical spelling.");
      return;
    }
    chain.doFilter(request, response);
  }

  /** What is wrong with a raw (still percent-encoded) path, or null when it is canonical. */
  static String problem(String path) {
    if (path.isEmpty()) {
      return null;
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return "contains a character that is not printable ASCII (U+%04X)".formatted((int) c);
      }
      if (c == '\\') {
        return "contains a backslash";
      }
      if (c == ';') {
        return "contains a ';' path parameter";
      }
    }
    String encoded = encodingProblem(path);
    if (encoded != null) {
      return encoded;
    }
    if (path.contains("//")) {
      return "contains an empty segment ('//')";
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return "contains a '" + segment + "' segment";
      }
    }
    if (path.endsWith("/") && NO_TRAILING_SLASH.matcher(path).matches()) {
      return "ends with a slash";
    }
    return null;
  }

  /** Percent-encoding that spells a character another way than the one canonical spelling. */
  private static String encodingProblem(String path) {
    ByteArrayOutputStream nonAscii = new ByteArrayOutputStream();
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) != '%') {
        if (nonAscii.size() > 0 && !isUtf8(nonAscii.toByteArray())) {
          return "percent-encodes bytes that are not valid UTF-8 (or an overlong form)";
        }
        nonAscii.reset();
        continue;
      }
      if (i + 2 >= path.length() || hex(path.charAt(i + 1)) < 0 || hex(path.charAt(i + 2)) < 0) {
        return "contains a '%' that does not begin a percent-encoded byte";
      }
      int b = hex(path.charAt(i + 1)) * 16 + hex(path.charAt(i + 2));
      String spelt = path.substring(i, i + 3);
      i += 2;
      if (b >= 0x80) {
        nonAscii.write(b);
        continue;
      }
      if (nonAscii.size() > 0 && !isUtf8(nonAscii.toByteArray())) {
        return "percent-encodes bytes that are not valid UTF-8 (or an overlong form)";
      }
      nonAscii.reset();
      char c = (char) b;
      if (isUnreserved(c)) {
        return "percent-encodes the character '" + c + "' (" + spelt + "), which is written as is";
      }
      if (c == '/' || c == '\\') {
        return "contains an encoded " + (c == '/' ? "slash" : "backslash") + " (" + spelt + ")";
      }
      if (c == '%') {
        return "is encoded twice (" + spelt + ")";
      }
      if (c == ';') {
        return "contains an encoded ';' (" + spelt + ")";
      }
      if (c < 0x20 || c == 0x7f) {
        return "contains an encoded control character (" + spelt + ")";
      }
    }
    if (nonAscii.size() > 0 && !isUtf8(nonAscii.toByteArray())) {
      return "percent-encodes bytes that are not valid UTF-8 (or an overlong form)";
    }
    return null;
  }

  /** RFC 3986 unreserved: ALPHA, DIGIT, '-', '.', '_', '~'. */
  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  /** Strict UTF-8: overlong forms (%C0%AE for '.') and surrogates are malformed. */
  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
