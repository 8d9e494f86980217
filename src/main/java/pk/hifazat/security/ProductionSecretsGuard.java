package pk.hifazat.security;

import java.util.Arrays;
import java.util.Base64;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile without the administrator password and the identity
 * encryption key from the environment, before anything is created without them.
 */
public class ProductionSecretsGuard implements EnvironmentPostProcessor {

  static final String ADMIN_PASSWORD = "HIFAZAT_ADMIN_PASSWORD";
  static final String IDENTITY_KEY = "HIFAZAT_IDENTITY_KEY";
  static final int MINIMUM_LENGTH = 12;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment,
      SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
      return;
    }
    String password = environment.getProperty(ADMIN_PASSWORD);
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("The prod profile needs the administrator password in the"
          + " environment variable " + ADMIN_PASSWORD + "; refusing to start without it.");
    }
    if (password.length() < MINIMUM_LENGTH) {
      throw new IllegalStateException(ADMIN_PASSWORD + " must be at least " + MINIMUM_LENGTH
          + " characters long; refusing to start.");
    }
    String key = environment.getProperty(IDENTITY_KEY);
    if (key == null || !isKey(key)) {
      throw new IllegalStateException("The prod profile needs " + IDENTITY_KEY + ", the base64"
          + " of 32 random bytes (openssl rand -base64 32), to encrypt children's identities;"
          + " refusing to start without it.");
    }
  }

  private static boolean isKey(String key) {
    try {
      return Base64.getDecoder().decode(key.trim()).length == 32;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
