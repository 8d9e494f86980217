package pk.hifazat.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile without an administrator password from the
 * environment, before anything is created with an empty one.
 */
public class AdministratorPasswordGuard implements EnvironmentPostProcessor {

  static final String VARIABLE = "HIFAZAT_ADMIN_PASSWORD";
  static final int MINIMUM_LENGTH = 12;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment,
      SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
      return;
    }
    String password = environment.getProperty(VARIABLE);
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("The prod profile needs the administrator password in the"
          + " environment variable " + VARIABLE + "; refusing to start without it.");
    }
    if (password.length() < MINIMUM_LENGTH) {
      throw new IllegalStateException(VARIABLE + " must be at least " + MINIMUM_LENGTH
          + " characters long; refusing to start.");
    }
  }
}
