package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.HifazatTest;

/**
 * Every door answers one spelling of each resource: a path spelt any other way (an encoded
 * letter in {@code childSex}, {@code //}, {@code ;jsessionid}, dot segments, backslashes, double
 * or overlong encoding, a trailing slash on an API resource) is refused with 400 and a problem
 * body before security or routing reads it, over a real socket, through each prefix.
 */
@HifazatTest
class CanonicalRequestsTest {

  private static final String OFFICER = "cpo.lahore.f";

  /** A canonical resource of each door, which answers the officer (or anyone) with 2xx or 401. */
  private static final Map<String, String> DOORS = new LinkedHashMap<>();

  static {
    DOORS.put("our API", "/api/me");
    DOORS.put("engine REST", "/engine-rest/task/count");
    DOORS.put("engine REST variable", "/engine-rest/task/x/variables/childSex");
    DOORS.put("webapps' engine API",
        "/camunda/api/engine/engine/default/task/x/variables/childSex");
    DOORS.put("webapp page", "/camunda/app/tasklist/default/");
  }

  @LocalServerPort int port;

  private RawHttp http;

  @BeforeEach
  void setUp() {
    http = new RawHttp(port);
  }

  /** Each way of spelling a door's resource otherwise. */
  static Stream<Arguments> otherSpellings() {
    List<Arguments> all = new ArrayList<>();
    DOORS.forEach((door, path) -> {
      int lastSlash = path.endsWith("/") ? path.lastIndexOf('/', path.length() - 2)
          : path.lastIndexOf('/');
      String head = path.substring(0, lastSlash);
      String tail = path.endsWith("/") ? "/" : "";
      String last = path.substring(lastSlash + 1, path.length() - tail.length());
      int firstSlash = path.indexOf('/', 1);
      String prefix = path.substring(0, firstSlash);
      String rest = path.substring(firstSlash);
      char letter = last.charAt(0);
      String lower = "%" + Integer.toHexString(letter);
      String upper = lower.toUpperCase();
      Map<String, String> spellings = new LinkedHashMap<>();
      spellings.put("an encoded letter, lower-case hex",
          head + "/" + lower + last.substring(1) + tail);
      spellings.put("an encoded letter, upper-case hex",
          head + "/" + upper + last.substring(1) + tail);
      spellings.put("an encoded letter in the prefix",
          "/%" + Integer.toHexString(prefix.charAt(1)) + prefix.substring(2) + rest);
      spellings.put("an encoded digit", head + "/" + last + "%31" + tail);
      spellings.put("an encoded '-', '_' and '~'", head + "/%2D%5f%7E" + last + tail);
      spellings.put("an encoded '.'", head + "/%2E" + last + tail);
      spellings.put("a doubled slash inside", prefix + "/" + rest);
      spellings.put("a doubled slash in front", "/" + path);
      spellings.put("a ';jsessionid' parameter", prefix + ";jsessionid=0123ABCD" + rest);
      spellings.put("a ';' matrix parameter at the end", path + ";x=1");
      spellings.put("an encoded ';'", head + "/" + last + "%3Bx" + tail);
      spellings.put("a '.' segment", prefix + "/." + rest);
      spellings.put("a '..' segment", prefix + "/x/.." + rest);
      spellings.put("an encoded '..' segment", prefix + "/x/%2e%2E" + rest);
      spellings.put("a half-encoded '..' segment", prefix + "/x/.%2e" + rest);
      spellings.put("an encoded slash, upper-case", prefix + "%2F" + rest.substring(1));
      spellings.put("an encoded slash, lower-case", prefix + "%2f" + rest.substring(1));
      spellings.put("an encoded backslash", prefix + "%5C" + rest.substring(1));
      spellings.put("a backslash", prefix + "\\" + rest.substring(1));
      spellings.put("a double-encoded '.'", prefix + "/x/%252e%252e" + rest);
      spellings.put("a double-encoded letter", head + "/%2563" + last + tail);
      spellings.put("an overlong '.'", prefix + "/x/%C0%AE%C0%AE" + rest);
      spellings.put("an overlong slash", prefix + "%C0%AF" + rest.substring(1));
      spellings.put("an encoded NUL", head + "/" + last + "%00" + tail);
      spellings.put("an encoded line feed", head + "/" + last + "%0a" + tail);
      spellings.put("a raw non-ASCII letter", head + "/\u00e9" + last + tail);
      spellings.put("a stray '%'", head + "/" + last + "%zz" + tail);
      if (!path.endsWith("/")) {
        spellings.put("a trailing slash", path + "/");
      }
      spellings.forEach((what, spelt) -> all.add(Arguments.of(door, what, spelt)));
    });
    return all.stream();
  }

  @ParameterizedTest(name = "{0}: {1} ({2})")
  @MethodSource("otherSpellings")
  void aPathSpeltOtherwiseIsRefusedBeforeSecurityReadsIt(String door, String what, String path)
      throws Exception {
    RawHttp.Answer answer = http.get(path, OFFICER);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
    assertThat(answer.body()).contains("\"status\":400").contains("\"detail\":");
  }

  @Test
  void aRefusedPathIsRefusedForAnonymousCallersAlike() throws Exception {
    RawHttp.Answer answer = http.send("PUT",
        "/engine-rest/task/x/variables/%63hildSex", null, "application/json",
        "{\"value\":\"M\",\"type\":\"String\"}".getBytes());

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.body()).contains("percent-encodes the character 'c'");
  }

  static Stream<Arguments> canonicalRequests() {
    return Stream.of(
        Arguments.of("/api/me", 200),
        Arguments.of("/engine-rest/task/count", 200),
        Arguments.of("/engine-rest/task/count?nameLike=%25a%2Fb%3B", 200),
        Arguments.of("/engine-rest/process-definition/key/no%20such%3Akey", 404),
        Arguments.of("/engine-rest/process-definition/key/n%C3%A9", 404),
        Arguments.of("/camunda/app/tasklist/default/", 200),
        Arguments.of("/camunda/app/cockpit/default/", 200),
        Arguments.of("/camunda/app/admin/default/", 200),
        Arguments.of("/camunda/api/engine/engine/", 200),
        Arguments.of("/actuator/health", 200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("canonicalRequests")
  void canonicalRequestsAreServedAsBefore(String path, int status) throws Exception {
    RawHttp.Answer answer = http.get(path, OFFICER);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
  }

  @Test
  void aMethodTheFirewallRefusesAnswersAProblemNotAServerError() throws Exception {
    for (String method : List.of("PROPFIND", "FOO")) {
      RawHttp.Answer answer = http.send(method, "/api/me", OFFICER, null, null);

      assertThat(answer.status()).as("%s: %s", method, answer).isEqualTo(400);
      assertThat(answer.contentType()).as(answer.toString())
          .startsWith("application/problem+json");
    }
  }
}
