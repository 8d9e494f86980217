package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.PageSession;

/**
 * The dashboard's and the policy page's login session: a change made with the session needs its
 * XSRF token, so a page elsewhere cannot make one; programs keep HTTP Basic without a session or
 * token; browsers are never asked for Basic credentials; login, fixation and logout.
 */
@HifazatTest
class BrowserSessionTest {

  private static final String EDITOR = "policy.editor";
  private static final Path REFERRAL = Path.of("processes", "referral.bpmn");

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;

  private PageSession signedIn(String user) throws Exception {
    PageSession browser = new PageSession(port);
    HttpResponse<String> login = browser.signIn(user);
    assertThat(login.statusCode()).as("%s signs in: %s", user, login.body()).isEqualTo(302);
    assertThat(location(login)).doesNotContain("error");
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
    return browser;
  }

  private static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + CaseDriver.PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** A pathway file as the policy page uploads it, for the dry run or the deployment. */
  private static HttpRequest.BodyPublisher upload(HttpRequest.Builder request) throws Exception {
    String boundary = "----hifazat" + UUID.randomUUID();
    request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
    byte[] model = Files.readAllBytes(REFERRAL);
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; "
        + "filename=\"referral.bpmn\"\r\nContent-Type: application/xml\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + model.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(model, 0, body, head.length, model.length);
    System.arraycopy(tail, 0, body, head.length + model.length, tail.length);
    return HttpRequest.BodyPublishers.ofByteArray(body);
  }

  private HttpResponse<String> uploadTo(PageSession browser, String path,
      UnaryOperator<HttpRequest.Builder> headers) throws Exception {
    HttpRequest.Builder request = headers.apply(browser.request(path));
    return browser.send(request.POST(upload(request)));
  }

  private static void refusedWithProblem(HttpResponse<String> answer, String what) {
    assertThat(answer.statusCode()).as("%s: %s", what, answer.body()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Content-Type")).as(what)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(answer.body()).as(what).contains("\"status\":403").contains("XSRF");
  }

  @Test
  @DisplayName("A change sent with the session but without its XSRF token is refused, through every door and spelling, and deploys nothing")
  void sessionAloneCannotMakeAChange() throws Exception {
    PageSession browser = signedIn(EDITOR);
    String token = browser.token().orElseThrow();
    long deployments = repositoryService.createDeploymentQuery().count();

    refusedWithProblem(uploadTo(browser, "/api/pathways/checks", r -> r), "dry run, no token");
    refusedWithProblem(uploadTo(browser, "/api/pathways/checks",
        r -> r.header("X-XSRF-TOKEN", "not-the-token")), "dry run, a wrong token");
    refusedWithProblem(uploadTo(browser, "/api/pathways/checks",
        r -> r.header("X-XSRF-TOKEN", "")), "dry run, an empty token");
    refusedWithProblem(uploadTo(browser, "/api/pathways/checks",
        r -> r.header("X-XSRF-TOKEN", token.toUpperCase() + "x")), "dry run, a near token");
    refusedWithProblem(uploadTo(browser, "/api/pathways/checks",
        r -> r.header("X-CSRF-TOKEN", token)), "dry run, the token under another header");
    refusedWithProblem(uploadTo(browser, "/api/pathways/checks?_csrf=wrong", r -> r),
        "dry run, a token guessed in the address");
    refusedWithProblem(uploadTo(browser, "/api/pathways/deployments", r -> r),
        "deployment through the policy page's door");
    refusedWithProblem(uploadTo(browser, "/engine-rest/deployment/create", r -> r),
        "deployment through the engine REST API");
    refusedWithProblem(browser.send(browser.request("/api/pathways/referral/migration")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"x\",\"to\":\"y\"}"))),
        "migration");
    refusedWithProblem(browser.send(browser.request("/engine-rest/deployment/any-id")
        .DELETE()), "deleting a deployment");
    refusedWithProblem(browser.send(browser.request("/api/cases/PB-2026-000001/identity")
        .header("Content-Type", "text/plain")
        .PUT(HttpRequest.BodyPublishers.ofString("{}"))), "a form-like body to our API");
    refusedWithProblem(browser.send(browser.request("/logout")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=wrong"))), "signing someone out");

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    // The session itself is fine: with its token, the same dry run goes through.
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
    HttpResponse<String> withToken = uploadTo(browser, "/api/pathways/checks",
        r -> r.header("X-XSRF-TOKEN", token));
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
  }

  @Test
  @DisplayName("Programs send HTTP Basic with each request: no session, no token, no cookie handed out")
  void programsUseBasicWithoutSessionOrToken() throws Exception {
    PageSession program = new PageSession(port);
    HttpResponse<String> checked = uploadTo(program, "/api/pathways/checks",
        r -> r.header("Authorization", basic(EDITOR)));
    assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
    assertThat(checked.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(program.sessionId()).isEmpty();

    // Credentials of its own never borrow a session: a manager's Basic credentials with a policy
    // editor's session cookie are a manager's request.
    PageSession editor = signedIn(EDITOR);
    PageSession mixed = new PageSession(port);
    mixed.useSessionId(editor.sessionId().orElseThrow());
    HttpResponse<String> asManager = uploadTo(mixed, "/api/pathways/checks",
        r -> r.header("Authorization", basic("manager.punjab")));
    assertThat(asManager.statusCode()).isEqualTo(403);
  }

  @ParameterizedTest(name = "Sec-Fetch-Site: {0}")
  @ValueSource(strings = {"cross-site", "same-site", "Cross-Site"})
  @DisplayName("A Basic credential a browser had cached cannot make a change from another site")
  void basicCredentialsCannotChangeFromAnotherSite(String site) throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();
    PageSession browser = new PageSession(port);
    HttpResponse<String> answer = uploadTo(browser, "/api/pathways/deployments",
        r -> r.header("Authorization", basic(EDITOR)).header("Sec-Fetch-Site", site)
            .header("Sec-Fetch-Mode", "no-cors"));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);

    // The same credentials from the page's own origin go through (a dry run deploys nothing).
    HttpResponse<String> sameOrigin = uploadTo(browser, "/api/pathways/checks",
        r -> r.header("Authorization", basic(EDITOR)).header("Sec-Fetch-Site", "same-origin"));
    assertThat(sameOrigin.statusCode()).as(sameOrigin.body()).isEqualTo(200);
  }

  @Test
  @DisplayName("Browsers are never asked for HTTP Basic credentials: pages go to the login page, scripts get 401 without a challenge")
  void browsersAreNeverChallengedForBasic() throws Exception {
    PageSession browser = new PageSession(port);
    for (String page : List.of("/dashboard/", "/dashboard", "/dashboard/dashboard.js",
        "/policy/", "/policy", "/policy/policy.bundle.js")) {
      for (String[] headers : List.of(new String[0], new String[] {"Authorization", basic(EDITOR)},
          new String[] {"Accept", "application/json"})) {
        HttpResponse<String> answer = browser.get(page, headers);
        assertThat(answer.statusCode()).as(page + " " + List.of(headers)).isEqualTo(302);
        assertThat(location(answer)).as(page).endsWith("/login");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).as(page).isEmpty();
      }
    }
    // Any address a browser loads: the login page.
    for (String[] navigation : List.of(new String[] {"Sec-Fetch-Mode", "navigate"},
        new String[] {"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"})) {
      HttpResponse<String> answer = browser.get("/api/me", navigation);
      assertThat(answer.statusCode()).as(List.of(navigation).toString()).isEqualTo(302);
      assertThat(location(answer)).endsWith("/login");
    }
    // A page's script: 401 with a problem body and no challenge.
    for (String[] script : List.of(new String[] {"Sec-Fetch-Mode", "cors"},
        new String[] {"Sec-Fetch-Mode", "same-origin"},
        new String[] {"X-Requested-With", "XMLHttpRequest"})) {
      HttpResponse<String> answer = browser.get("/api/me", script);
      assertThat(answer.statusCode()).as(List.of(script).toString()).isEqualTo(401);
      assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
    }
    // A program without credentials is challenged, as before.
    HttpResponse<String> program = browser.get("/api/me", "Accept", "application/json");
    assertThat(program.statusCode()).isEqualTo(401);
    assertThat(program.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).startsWith("Basic"));
  }

  @Test
  @DisplayName("Signing in starts a new session: a session id planted before the login is worth nothing after it")
  void signingInStartsANewSession() throws Exception {
    PageSession browser = new PageSession(port);
    browser.get("/dashboard/", "Sec-Fetch-Mode", "navigate");
    String before = browser.sessionId().orElseThrow();

    HttpResponse<String> login = browser.signIn(EDITOR);
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(location(login)).as("back to the page asked for").contains("/dashboard/");
    String after = browser.sessionId().orElseThrow();
    assertThat(after).isNotEqualTo(before);

    PageSession planted = new PageSession(port);
    planted.useSessionId(before);
    assertThat(planted.get("/api/me").statusCode()).isEqualTo(401);
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("The session cookie is HttpOnly and SameSite=Strict; the token cookie is SameSite=Strict and readable by the page")
  void cookiesStayWithThePages() throws Exception {
    PageSession browser = new PageSession(port);
    HttpResponse<String> page = browser.get("/login");
    assertThat(page.statusCode()).isEqualTo(200);
    String token = page.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith(PageSession.TOKEN_COOKIE + "=")).findFirst()
        .orElseThrow();
    assertThat(token).containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("HttpOnly");

    HttpResponse<String> login = browser.signIn(EDITOR);
    String session = login.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith(PageSession.SESSION_COOKIE + "=")).findFirst()
        .orElseThrow();
    assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
  }

  @Test
  @DisplayName("A wrong password is refused with the login page's message, and opens nothing")
  void wrongPasswordIsRefused() throws Exception {
    String user = "session.wrong.password";
    if (identityService.createUserQuery().userId(user).count() == 0) {
      User account = identityService.newUser(user);
      account.setPassword("the-right-one");
      identityService.saveUser(account);
    }
    for (String[] attempt : List.of(new String[] {user, "the-wrong-one"},
        new String[] {user.toUpperCase(), "the-right-one"}, new String[] {"nobody.here", "demo"})) {
      PageSession browser = new PageSession(port);
      HttpResponse<String> login = browser.signIn(attempt[0], attempt[1]);
      assertThat(login.statusCode()).isEqualTo(302);
      assertThat(location(login)).as(List.of(attempt).toString()).endsWith("/login?error");
      assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }
    // The login form without its token is an expired form: back to the login page, not signed in.
    PageSession browser = new PageSession(port);
    HttpResponse<String> noToken = browser.send(browser.request("/login")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + EDITOR + "&password=demo")));
    assertThat(noToken.statusCode()).isEqualTo(302);
    assertThat(location(noToken)).endsWith("/login?expired");
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("Signing out ends the session: its cookie opens nothing afterwards")
  void signingOutEndsTheSession() throws Exception {
    PageSession browser = signedIn(EDITOR);
    String session = browser.sessionId().orElseThrow();

    HttpResponse<String> logout = browser.signOut();
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(location(logout)).endsWith("/login?logout");

    assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    PageSession kept = new PageSession(port);
    kept.useSessionId(session);
    assertThat(kept.get("/api/me").statusCode()).isEqualTo(401);
    HttpResponse<String> page = kept.get("/dashboard/", "Sec-Fetch-Mode", "navigate");
    assertThat(location(page)).as("the ended session is named").endsWith("/login?expired");
  }
}
