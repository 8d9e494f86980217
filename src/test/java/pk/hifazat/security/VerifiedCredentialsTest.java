package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.area.AreaGroups;

/**
 * A password the engine verified is accepted again for a short while without the database, and
 * never after the account changed: a new password, a failed login (the account waits), a
 * deletion or a membership, made through the Java API, engine REST or Camunda Admin, is seen by
 * the very next request through either HTTP Basic door (our API, engine REST). A wrong password
 * is never taken for the one remembered, and is counted.
 */
@HifazatTest
class VerifiedCredentialsTest {

  private static final String RIGHT = "right-password";
  private static final String NEW = "a-new-password";
  private static final Duration PAST_ANY_WAIT = Duration.ofMinutes(16);
  private static int accounts;

  @Autowired IdentityService identityService;
  @Autowired VerifiedCredentials verified;
  @Autowired LoginThrottle throttle;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();
  /** An account of this test's own: a district manager of Punjab, who may read the metrics. */
  private String user;
  private Instant now;

  /** The two doors that take HTTP Basic, each with a read any manager may make. */
  private enum Door {
    API("/api/me"), ENGINE_REST("/engine-rest/task/count");

    final String path;

    Door(String path) {
      this.path = path;
    }
  }

  @BeforeEach
  void anAccountOfItsOwn() {
    now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    ClockUtil.setCurrentTime(Date.from(now));
    throttle.forgetAddresses();
    user = "verified.manager." + System.nanoTime() % 1_000_000 + "." + ++accounts;
    User account = identityService.newUser(user);
    account.setPassword(RIGHT);
    identityService.saveUser(account);
    identityService.createMembership(user, AreaGroups.MANAGERS);
    identityService.createMembership(user, AreaGroups.managers("PB"));
  }

  @AfterEach
  void leaveNobodyWaiting() {
    ClockUtil.reset();
    throttle.forgetAddresses();
    if (identityService.createUserQuery().userId(user).count() > 0) {
      identityService.deleteUser(user);
    }
  }

  @Test
  void aProgramsPasswordIsCheckedAgainstTheDatabaseOnceNotWithEveryRequest() throws Exception {
    for (Door door : Door.values()) {
      assertThat(status(door, user, RIGHT)).isEqualTo(200);
    }
    long answered = verified.answered();
    for (int request = 0; request < 5; request++) {
      for (Door door : Door.values()) {
        assertThat(status(door, user, RIGHT)).as("%s", door).isEqualTo(200);
      }
    }
    assertThat(verified.answered() - answered).isEqualTo(10);
  }

  @Test
  void aPasswordChangedWithTheJavaApiIsRefusedAtOnceThroughEitherDoor() throws Exception {
    rememberedThroughEitherDoor();
    User account = identityService.createUserQuery().userId(user).singleResult();
    account.setPassword(NEW);
    identityService.saveUser(account);
    onlyTheNewPasswordOpens();
  }

  @Test
  void aPasswordChangedThroughEngineRestIsRefusedAtOnceThroughEitherDoor() throws Exception {
    rememberedThroughEitherDoor();
    HttpResponse<String> changed = send("PUT", "/engine-rest/user/" + user + "/credentials",
        "admin", CaseDriver.PASSWORD, "{\"password\": \"" + NEW
            + "\", \"authenticatedUserPassword\": \"" + CaseDriver.PASSWORD + "\"}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
    onlyTheNewPasswordOpens();
  }

  @Test
  void aPasswordChangedInCamundaAdminIsRefusedAtOnceThroughEitherDoor() throws Exception {
    rememberedThroughEitherDoor();
    WebappSession admin = new WebappSession(port);
    assertThat(admin.login("admin", "admin").statusCode()).isEqualTo(200);
    HttpResponse<String> changed = admin.send("PUT",
        "/camunda/api/engine/engine/default/user/" + user + "/credentials", "application/json",
        "{\"password\": \"" + NEW + "\", \"authenticatedUserPassword\": \""
            + CaseDriver.PASSWORD + "\"}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
    onlyTheNewPasswordOpens();
  }

  @Test
  void aWrongPasswordIsNeverTakenForTheRememberedOneAndIsCounted() throws Exception {
    List<String> wrong = List.of("Right-password", "RIGHT-PASSWORD", "right-password ",
        " right-password", "right-passwor", "right-password2", "right%2Dpassword",
        "right‐password", "ｒｉｇｈｔ-password", "", "right-password\u0000");
    int failures = 0;
    for (String guess : wrong) {
      for (Door door : Door.values()) {
        later(PAST_ANY_WAIT);
        assertThat(status(door, user, RIGHT)).isEqualTo(200);
        assertThat(status(door, user, RIGHT)).as("answered as remembered").isEqualTo(200);

        assertThat(status(door, user, guess)).as("'%s' through %s", guess, door).isEqualTo(401);
        failures++;
        assertThat(attempts()).as("the failure is the engine's, counted").isEqualTo(1);
        assertThat(status(door, user, RIGHT)).as("the account waits after '%s'", guess)
            .isEqualTo(429);
      }
    }
    assertThat(jdbc.sql("select count(*) from audit_event where user_id = ?"
        + " and action = 'LOGIN_FAILED'").param(user).query(Long.class).single())
        .isEqualTo(failures);
  }

  @Test
  void anAccountLockedThroughAnotherDoorIsRefusedAtOnce() throws Exception {
    rememberedThroughEitherDoor();
    // Failures through Tasklist's login form and engine REST's password check.
    WebappSession browser = new WebappSession(port, null);
    assertThat(browser.login("tasklist", user, "a-guess").statusCode()).isEqualTo(401);
    for (Door door : Door.values()) {
      assertThat(status(door, user, RIGHT)).as("%s after the login form", door).isEqualTo(429);
    }
    later(PAST_ANY_WAIT);
    rememberedThroughEitherDoor();
    HttpResponse<String> verify = send("POST", "/engine-rest/identity/verify", "admin",
        CaseDriver.PASSWORD, "{\"username\": \"" + user + "\", \"password\": \"another-guess\"}");
    assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
    assertThat(verify.body()).contains("\"authenticated\":false");
    for (Door door : Door.values()) {
      assertThat(status(door, user, RIGHT)).as("%s after /identity/verify", door)
          .isEqualTo(429);
    }
    assertThat(attempts()).as("counted once since the last right password").isEqualTo(1);
  }

  @Test
  void aDeletedAccountIsRefusedAtOnce() throws Exception {
    rememberedThroughEitherDoor();
    HttpResponse<String> deleted = send("DELETE", "/engine-rest/user/" + user, "admin",
        CaseDriver.PASSWORD, null);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    for (Door door : Door.values()) {
      assertThat(status(door, user, RIGHT)).as("%s", door).isEqualTo(401);
    }
  }

  @Test
  void aMembershipTakenAwayOrGivenIsSeenAtOnce() throws Exception {
    String metrics = "/actuator/metrics";
    assertThat(send("GET", metrics, user, RIGHT, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", metrics, user, RIGHT, null).statusCode()).isEqualTo(200);

    HttpResponse<String> removed = send("DELETE", "/engine-rest/group/" + AreaGroups.managers("PB")
        + "/members/" + user, "admin", CaseDriver.PASSWORD, null);
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
    identityService.deleteMembership(user, AreaGroups.MANAGERS);
    assertThat(send("GET", metrics, user, RIGHT, null).statusCode())
        .as("no manager group any more").isEqualTo(403);

    WebappSession admin = new WebappSession(port);
    assertThat(admin.login("admin", "admin").statusCode()).isEqualTo(200);
    HttpResponse<String> added = admin.send("PUT", "/camunda/api/engine/engine/default/group/"
        + AreaGroups.managers("PB") + "/members/" + user, "application/json", "");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(204);
    assertThat(send("GET", metrics, user, RIGHT, null).statusCode())
        .as("a manager again").isEqualTo(200);
  }

  // ---------------------------------------------------------------------------------------------

  private void rememberedThroughEitherDoor() throws Exception {
    for (Door door : Door.values()) {
      assertThat(status(door, user, RIGHT)).as("%s", door).isEqualTo(200);
    }
    long answered = verified.answered();
    for (Door door : Door.values()) {
      assertThat(status(door, user, RIGHT)).as("%s", door).isEqualTo(200);
    }
    assertThat(verified.answered() - answered).as("answered as remembered").isEqualTo(2);
  }

  private void onlyTheNewPasswordOpens() throws Exception {
    for (Door door : Door.values()) {
      assertThat(status(door, user, RIGHT)).as("the old password through %s", door)
          .isEqualTo(401);
      later(PAST_ANY_WAIT);
      assertThat(status(door, user, NEW)).as("the new password through %s", door)
          .isEqualTo(200);
    }
  }

  private int attempts() {
    return jdbc.sql("select attempts_ from act_id_user where id_ = ?").param(user)
        .query(Integer.class).single();
  }

  private void later(Duration duration) {
    now = now.plus(duration);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  private int status(Door door, String userId, String password) throws Exception {
    return send("GET", door.path, userId, password, null).statusCode();
  }

  private HttpResponse<String> send(String method, String path, String userId, String password,
      String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (userId + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
