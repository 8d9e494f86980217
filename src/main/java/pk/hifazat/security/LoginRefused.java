package pk.hifazat.security;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/**
 * A login refused without looking at the password, because the account or the caller's address
 * must wait after failed logins. An account status exception, so no other provider is tried.
 */
class LoginRefused extends LockedException {

  private final Duration retryAfter;

  LoginRefused(Duration retryAfter) {
    super("Too many failed logins; try again in " + seconds(retryAfter) + " seconds");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds to wait, rounded up, for the Retry-After header. */
  long retryAfterSeconds() {
    return seconds(retryAfter);
  }

  private static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
