package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.area.AreaGroups;

/**
 * Failed logins make an account and a source address wait, longer with each failure but never
 * longer than the lockout (15 minutes): nobody, least of all an anonymous caller, locks an
 * account for good, through any door. Time is driven on the engine's clock, never slept.
 */
@HifazatTest
class BruteForceLockoutTest {

  private static final String ADMIN = "admin";
  private static int accounts;
  private static final String RIGHT = "right-password";
  private static final Duration LOCKOUT = Duration.ofMinutes(15);

  @Autowired MockMvc mvc;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @Autowired LoginThrottle throttle;
  @Autowired SecuritySettings settings;
  @LocalServerPort int port;

  /** An account of this test's own, so that no other test's failures count. */
  private String target;
  private Instant start;
  private Instant now;

  @BeforeEach
  void startTheClock() {
    now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    start = now;
    ClockUtil.setCurrentTime(Date.from(now));
    target = "brute.target." + System.nanoTime() % 1_000_000 + "." + ++accounts;
    User user = identityService.newUser(target);
    user.setPassword(RIGHT);
    identityService.saveUser(user);
    identityService.createMembership(target, AreaGroups.MANAGERS);
    identityService.createMembership(target, AreaGroups.managers("PB"));
  }

  @AfterEach
  void leaveNobodyWaiting() {
    ClockUtil.reset();
    identityService.unlockUser(ADMIN);
    identityService.unlockUser(target);
    throttle.forgetAddresses();
  }

  private void later(Duration duration) {
    now = now.plus(duration);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  private MockHttpServletResponse login(String user, String password, String address)
      throws Exception {
    return mvc.perform(get("/api/me").with(httpBasic(user, password)).with(request -> {
      request.setRemoteAddr(address);
      return request;
    })).andReturn().getResponse();
  }

  private static long retryAfter(MockHttpServletResponse refused) {
    assertThat(refused.getStatus()).as("refused while waiting").isEqualTo(429);
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    return Long.parseLong(refused.getHeader("Retry-After"));
  }

  private long audited(String user, String action) {
    return jdbc.sql("select count(*) from audit_event where user_id = ? and action = ?"
            + " and occurred_at >= ?")
        .params(user, action, java.sql.Timestamp.from(start)).query(Long.class)
        .single();
  }

  @Test
  void fiveAnonymousWrongLoginsLockTheAdministratorOnlyForFifteenMinutes() throws Exception {
    String attacker = "203.0.113.5";
    long failedBefore = jdbc.sql("select count(*) from audit_event where user_id = ? and action"
        + " = 'LOGIN_FAILED'").param(ADMIN).query(Long.class).single();
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(login(ADMIN, "guess-" + attempt, attacker).getStatus()).isEqualTo(401);
      later(Duration.ofSeconds(retryAfter(login(ADMIN, "guess-again", attacker))));
    }
    // The last wait was the whole lockout, and the right password waited like any other.
    now = now.minus(LOCKOUT);
    later(Duration.ofSeconds(1));
    assertThat(retryAfter(login(ADMIN, CaseDriver.PASSWORD, attacker)))
        .isEqualTo(LOCKOUT.toSeconds() - 1);
    later(LOCKOUT.minusSeconds(2));
    assertThat(login(ADMIN, CaseDriver.PASSWORD, "198.51.100.7").getStatus()).isEqualTo(429);

    later(Duration.ofSeconds(1));
    assertThat(login(ADMIN, CaseDriver.PASSWORD, "198.51.100.7").getStatus()).isEqualTo(200);
    long failed = jdbc.sql("select count(*) from audit_event where user_id = ? and action"
        + " = 'LOGIN_FAILED'").param(ADMIN).query(Long.class).single();
    assertThat(failed - failedBefore).as("counted failures; refused tries are not").isEqualTo(5);
    assertThat(jdbc.sql("select count(*) from audit_event where user_id = ? and action ="
            + " 'ACCOUNT_LOCKED' and detail like 'locked for PT15M after 5 %'")
        .param(ADMIN).query(Long.class).single()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void fiftyAnonymousWrongLoginsStillLockTheAdministratorOnlyForFifteenMinutes()
      throws Exception {
    for (int attempt = 1; attempt <= 50; attempt++) {
      // Each from its own address, as a botnet would, each as soon as the account allows.
      String address = "203.0.113." + attempt;
      assertThat(login(ADMIN, "Guess%" + attempt, address).getStatus()).as("guess %s", attempt)
          .isEqualTo(401);
      long wait = retryAfter(login(ADMIN, "guess-again", address));
      assertThat(wait).isLessThanOrEqualTo(LOCKOUT.toSeconds());
      later(Duration.ofSeconds(wait));
    }
    assertThat(jdbc.sql("select attempts_ from act_id_user where id_ = ?").param(ADMIN)
        .query(Integer.class).single()).isEqualTo(50);

    // The engine's permanent lock is never reached: the lockout has passed, the door opens.
    assertThat(login(ADMIN, CaseDriver.PASSWORD, "198.51.100.8").getStatus()).isEqualTo(200);
    assertThat(jdbc.sql("select attempts_ from act_id_user where id_ = ?").param(ADMIN)
        .query(Integer.class).single()).isZero();
  }

  @Test
  void eachFailedLoginMakesTheAccountWaitLongerUpToTheLockout() throws Exception {
    List<Long> waits = new ArrayList<>();
    for (int attempt = 1; attempt <= 7; attempt++) {
      assertThat(login(target, "GUESS-" + attempt, "203.0.113.77").getStatus()).isEqualTo(401);
      long wait = retryAfter(login(target, RIGHT, "203.0.113.77"));
      waits.add(wait);
      later(Duration.ofSeconds(wait));
    }
    assertThat(waits).containsExactly(1L, 6L, 36L, 216L, 900L, 900L, 900L);
    assertThat(login(target, RIGHT, "203.0.113.77").getStatus()).isEqualTo(200);
    assertThat(audited(target, "ACCOUNT_LOCKED")).isEqualTo(3);
  }

  @Test
  void aSourceAddressThatKeepsFailingWaitsOnItsOwnWhileOthersLogIn() throws Exception {
    String guesser = "192.0.2.10";
    // Guessing across many accounts (none of which waits itself) ...
    for (int attempt = 1; attempt <= settings.login().addressFreeAttempts(); attempt++) {
      assertThat(login("nobody." + attempt, "x", guesser).getStatus()).isEqualTo(401);
    }
    assertThat(login("nobody.0", "x", guesser).getStatus()).isEqualTo(401);
    // ... makes the address wait, longer with each failure, for any account, right or wrong.
    long first = retryAfter(login(target, RIGHT, guesser));
    later(Duration.ofSeconds(first));
    assertThat(login("NOBODY.0", "x", guesser).getStatus()).isEqualTo(401);
    long second = retryAfter(login("%6eobody.1", "x", guesser));
    assertThat(second).isGreaterThan(first);

    // Another address is not held up: its own wrong password is heard, its right one opens.
    assertThat(login("nobody.1", "x", "192.0.2.11").getStatus()).isEqualTo(401);
    assertThat(login(target, RIGHT, "192.0.2.12").getStatus()).isEqualTo(200);
    // And the guessing address waits no longer than the lockout, whatever it does.
    int failures = settings.login().addressFreeAttempts() + 2;
    for (long wait = second; wait < LOCKOUT.toSeconds(); failures++) {
      later(Duration.ofSeconds(wait));
      assertThat(login("nobody.x" + failures, "x", guesser).getStatus()).isEqualTo(401);
      long next = retryAfter(login(target, RIGHT, guesser));
      assertThat(next).isGreaterThanOrEqualTo(wait);
      wait = next;
    }
    assertThat(failures).isEqualTo(settings.login().addressMaxAttempts());
    assertThat(retryAfter(login(target, RIGHT, guesser))).isEqualTo(LOCKOUT.toSeconds());
    later(LOCKOUT);
    assertThat(login(target, RIGHT, guesser).getStatus()).isEqualTo(200);
  }

  @Test
  void theWebappLoginFormMakesTheAccountWaitTheSame() throws Exception {
    WebappSession browser = new WebappSession(port, null);
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(browser.login("welcome", target, "guess-" + attempt).statusCode()).isEqualTo(401);
      HttpResponse<String> refused = browser.login("welcome", target, RIGHT);
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      later(Duration.ofSeconds(Long.parseLong(
          refused.headers().firstValue("Retry-After").orElseThrow())));
    }
    // Locked by the form: the API door waits too, the whole lockout and no longer.
    now = now.minus(LOCKOUT);
    later(Duration.ofSeconds(1));
    assertThat(retryAfter(login(target, RIGHT, "198.51.100.9")))
        .isEqualTo(LOCKOUT.toSeconds() - 1);
    assertThat(browser.login("welcome", target, RIGHT).statusCode()).isEqualTo(429);
    later(LOCKOUT);
    assertThat(browser.login("welcome", target, RIGHT).statusCode()).isEqualTo(200);

    assertThat(audited(target, "LOGIN_FAILED")).isEqualTo(5);
    assertThat(jdbc.sql("select distinct remote_address from audit_event where user_id = ?"
            + " and action = 'LOGIN_FAILED' and occurred_at >= ?")
        .params(target, java.sql.Timestamp.from(start))
        .query(String.class).list()).containsExactly("127.0.0.1");
  }
}
