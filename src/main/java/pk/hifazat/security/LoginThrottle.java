package pk.hifazat.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stands in front of every login door (HTTP Basic on the APIs, the webapps' login form): refuses
 * an attempt while the account or the caller's source address must wait, and counts and audits
 * each failure. The account's waits are the engine's own (it checks them in every
 * {@code checkPassword}, whatever the door); the address's are kept here. Both are bounded by
 * {@link LoginSettings#lockout()}. Time is the engine's clock, as for every other deadline.
 */
@Component
class LoginThrottle {

  /** Beyond this many addresses, those whose failures are forgotten are dropped at once. */
  private static final int SWEEP_ABOVE = 10_000;

  private final LoginSettings settings;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Map<String, AddressFailures> addresses = new ConcurrentHashMap<>();

  LoginThrottle(SecuritySettings settings, JdbcClient jdbc, ApplicationEventPublisher events) {
    this.settings = settings.login();
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Failures from one source address, any accounts; forgotten a lockout after the last. */
  private record AddressFailures(int count, Instant last) {}

  /** The engine's record of an account's failures in a row and how long it must wait. */
  private record AccountLock(int attempts, Instant until) {}

  /**
   * Refuses the attempt, before any password is looked at, while the address or the account
   * must wait. Refused attempts are not failures: they do not make anyone wait longer.
   */
  void beforeAttempt(String userId, String address) throws LoginRefused {
    Instant now = now();
    Duration wait = addressWait(address, now);
    AccountLock lock = accountLock(userId);
    if (lock != null && lock.until() != null && lock.until().isAfter(now)) {
      Duration accountWait = Duration.between(now, lock.until());
      wait = accountWait.compareTo(wait) > 0 ? accountWait : wait;
    }
    if (!wait.isNegative() && !wait.isZero()) {
      throw new LoginRefused(wait);
    }
  }

  /**
   * Refuses, while the address must wait, an attempt with a password verified lately ({@link
   * VerifiedCredentials}). The account cannot be waiting: its failure would have ended what was
   * remembered.
   */
  void beforeVerifiedAttempt(String address) throws LoginRefused {
    Duration wait = addressWait(address, now());
    if (!wait.isNegative() && !wait.isZero()) {
      throw new LoginRefused(wait);
    }
  }

  private Duration addressWait(String address, Instant now) {
    AddressFailures failures = address == null ? null : current(address, now);
    return failures == null ? Duration.ZERO
        : Duration.between(now, failures.last().plus(settings.addressDelay(failures.count())));
  }

  /** Counts a wrong password (or unknown user) against the address and audits it. */
  void failed(String userId, String address) {
    Instant now = now();
    if (address != null) {
      addresses.compute(address, (key, before) -> {
        AddressFailures known = before == null || forgotten(before, now) ? null : before;
        return new AddressFailures(known == null ? 1 : known.count() + 1, now);
      });
      if (addresses.size() > SWEEP_ABOVE) {
        addresses.values().removeIf(failures -> forgotten(failures, now));
      }
    }
    events.publishEvent(new LoginFailed(userId, address));
    AccountLock lock = accountLock(userId);
    if (lock != null && lock.attempts() >= settings.maxAttempts()) {
      events.publishEvent(
          new AccountLocked(userId, lock.attempts(), settings.lockout(), address));
    }
  }

  /** Forgets every address's failures (an operator's reset; tests start from a clean slate). */
  void forgetAddresses() {
    addresses.clear();
  }

  private AddressFailures current(String address, Instant now) {
    AddressFailures failures = addresses.get(address);
    if (failures != null && forgotten(failures, now)) {
      addresses.remove(address, failures);
      return null;
    }
    return failures;
  }

  /**
   * Failures are forgotten a lockout after the last one, and also when the clock has been set
   * back before it (a failure "in the future" would otherwise hold the address indefinitely).
   */
  private boolean forgotten(AddressFailures failures, Instant now) {
    return failures.last().isAfter(now) || !now.isBefore(failures.last().plus(settings.lockout()));
  }

  private AccountLock accountLock(String userId) {
    if (userId == null) {
      return null;
    }
    return jdbc.sql("select attempts_, lock_exp_time_ from act_id_user where id_ = ?")
        .param(userId)
        .query((rs, row) -> {
          Timestamp until = rs.getTimestamp("lock_exp_time_");
          return new AccountLock(rs.getInt("attempts_"),
              until == null ? null : until.toInstant());
        })
        .optional().orElse(null);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
