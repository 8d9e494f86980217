package pk.hifazat.security;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed logins are slowed down ({@code hifazat.login}, part of {@link SecuritySettings}).
 * Every wait is bounded by {@code lockout}: no caller, and certainly no anonymous one, can lock an
 * account for good.
 *
 * @param lockout the longest an account or a source address is ever refused
 * @param maxAttempts failures in a row after which an account waits the whole {@code lockout}
 * @param firstDelay the wait after an account's first failure; it grows with each failure so
 *     that failure {@code maxAttempts} reaches {@code lockout}
 * @param addressFreeAttempts failures from one source address (any accounts) before it must wait
 *     at all: an office shares one address, and a typo should not hold up colleagues
 * @param addressMaxAttempts failures from one source address after which it waits the whole
 *     {@code lockout}
 * @param verifiedFor how long a password the engine has verified is accepted again without the
 *     database ({@link VerifiedCredentials}); any change to the account through the engine ends
 *     it at once, and {@code PT0S} turns it off. It bounds how long another node of a cluster, or
 *     a change written to the identity tables past the engine, can go unseen.
 * @param verifiedAccounts the most accounts whose verified password is remembered at once
 */
record LoginSettings(
    @DefaultValue("PT15M") @NotNull @DurationMin(seconds = 1) Duration lockout,
    @DefaultValue("5") @Min(2) int maxAttempts,
    @DefaultValue("PT1S") @NotNull @DurationMin(seconds = 1) Duration firstDelay,
    @DefaultValue("5") @Min(0) int addressFreeAttempts,
    @DefaultValue("20") int addressMaxAttempts,
    @DefaultValue("PT30S") @NotNull @DurationMax(minutes = 5) Duration verifiedFor,
    @DefaultValue("10000") @Min(0) int verifiedAccounts) {

  @AssertTrue(message = "first-delay must be no longer than lockout")
  boolean isFirstDelayWithinLockout() {
    return lockout == null || firstDelay == null || firstDelay.compareTo(lockout) <= 0;
  }

  @AssertTrue(message = "address-max-attempts must be more than address-free-attempts + 1")
  boolean isAddressLockoutAfterFreeAttempts() {
    return addressMaxAttempts > addressFreeAttempts + 1;
  }

  /**
   * The engine's delay factor (whole numbers only): the smallest with which the account's
   * {@code maxAttempts}-th failure waits the whole lockout.
   */
  int accountDelayFactor() {
    double ratio = (double) lockout.toSeconds() / firstDelay.toSeconds();
    return Math.max(2, (int) Math.ceil(Math.pow(ratio, 1.0 / (maxAttempts - 1)) - 1e-9));
  }

  /** How long a source address waits after its {@code failures}-th failure. */
  Duration addressDelay(int failures) {
    if (failures <= addressFreeAttempts) {
      return Duration.ZERO;
    }
    double ratio = (double) lockout.toMillis() / firstDelay.toMillis();
    double factor = Math.pow(ratio, 1.0 / (addressMaxAttempts - addressFreeAttempts - 1));
    double millis = firstDelay.toMillis() * Math.pow(factor, failures - addressFreeAttempts - 1);
    return millis >= lockout.toMillis() ? lockout : Duration.ofMillis(Math.round(millis));
  }
}
