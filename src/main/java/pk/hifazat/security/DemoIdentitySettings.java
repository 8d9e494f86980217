package pk.hifazat.security;

import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo identity a newcomer logs in with ({@code hifazat.demo-identity}, part of
 * {@link SecuritySettings}).
 *
 * @param enabled whether the demo users are created; off in the {@code prod} profile
 * @param password the demo users' password
 */
record DemoIdentitySettings(@DefaultValue("true") boolean enabled, String password) {

  @AssertTrue(message = "the demo users need a password while the demo identity is enabled")
  boolean isPasswordGivenWhenEnabled() {
    return !enabled || (password != null && !password.isBlank());
  }
}
