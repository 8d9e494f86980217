package pk.hifazat.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Passwords the engine has verified in the last {@link LoginSettings#verifiedFor()}, with the
 * account's groups, so that a program sending HTTP Basic with every request is not checked
 * against the database each time (failed logins, password hash, groups). Only a right password
 * is remembered, as a keyed hash that is no use outside this process; a wrong one is never
 * answered from here and goes to the engine, which counts it. Any change to the account through
 * the engine, by whichever door ({@link IdentityChangeWatch}): a new password, a failed login,
 * its deletion, a membership, ends what is remembered at once.
 */
@Component
class VerifiedCredentials {

  private static final String MAC = "HmacSHA256";

  /** The account's verified password and its groups at the time. */
  private record Verified(String userId, byte[] password, List<String> groups) {}

  private final Cache<String, Verified> verified;
  private final boolean on;
  private final SecretKeySpec key;
  /**
   * Counts the changes seen: a check that began before a change does not remember what it read,
   * which may be what the change replaced.
   */
  private final AtomicLong changes = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private volatile boolean watched;

  VerifiedCredentials(SecuritySettings settings) {
    LoginSettings login = settings.login();
    this.on = !login.verifiedFor().isZero() && login.verifiedAccounts() > 0;
    this.verified = Caffeine.newBuilder()
        .expireAfterWrite(login.verifiedFor())
        .maximumSize(login.verifiedAccounts())
        .build();
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, MAC);
  }

  /** Called once the engine's identity changes are watched: nothing is remembered before. */
  void watched() {
    this.watched = true;
  }

  /** Where a check starts: pass it to {@link #remember} once the password is verified. */
  long changesSeen() {
    return changes.get();
  }

  /** The account's groups if this very password was verified lately, else null. */
  List<String> groupsIf(String userId, String password) {
    if (!on || !watched || userId == null || password == null) {
      return null;
    }
    Verified known = verified.getIfPresent(key(userId));
    if (known == null || !known.userId().equals(userId)
        || !MessageDigest.isEqual(known.password(), hash(userId, password))) {
      return null;
    }
    answered.incrementAndGet();
    return known.groups();
  }

  /** Remembers a password the engine has just accepted, unless the account changed meanwhile. */
  void remember(String userId, String password, List<String> groups, long changesSeenBefore) {
    if (!on || !watched || userId == null || password == null) {
      return;
    }
    Verified entry = new Verified(userId, hash(userId, password), List.copyOf(groups));
    verified.asMap().compute(key(userId),
        (id, before) -> changes.get() == changesSeenBefore ? entry : before);
  }

  /**
   * Forgets the account (its password, lock or groups changed, or it is gone), or every account
   * when {@code userId} is null (a group went away with all its memberships).
   */
  void forget(String userId) {
    changes.incrementAndGet();
    if (userId == null) {
      verified.invalidateAll();
    } else {
      verified.invalidate(key(userId));
    }
  }

  /** Answers given from here so far. */
  long answered() {
    return answered.get();
  }

  /**
   * One entry per account, whatever the case of its id: a database comparing ids without regard
   * to case would otherwise keep a stale entry under another spelling of a changed account.
   */
  private static String key(String userId) {
    return userId.toLowerCase(Locale.ROOT);
  }

  private byte[] hash(String userId, String password) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(key);
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(MAC + " is part of every Java runtime", e);
    }
  }
}
