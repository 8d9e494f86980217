package pk.hifazat.security;

import java.time.Duration;

/** Too many failed logins in a row: the account waits before it may try again. */
public record AccountLocked(String userId, int attempts, Duration lockout,
    String remoteAddress) {}
