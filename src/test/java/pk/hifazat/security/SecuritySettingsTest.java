package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The security settings an operator writes ({@code hifazat.login.*}, {@code hifazat.admin.*},
 * {@code hifazat.demo-identity.*}): a value that would lock accounts for good or leave a door
 * without a password stops start-up and names the property. Binding alone, no application.
 */
class SecuritySettingsTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(SecuritySettings.class)
  static class Bound {}

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(Bound.class)
      .withPropertyValues("hifazat.demo-identity.password=demo");

  @Test
  void unsetLoginSettingsKeepTheDocumentedDefaults() {
    context.run(started -> {
      SecuritySettings settings = started.getBean(SecuritySettings.class);
      assertThat(settings.login().lockout()).hasMinutes(15);
      assertThat(settings.login().maxAttempts()).isEqualTo(5);
      assertThat(settings.admin().recover()).isFalse();
      assertThat(settings.demoIdentity().enabled()).isTrue();
    });
  }

  @Test
  void operatorNamesAreBoundAsWritten() {
    context.withPropertyValues("hifazat.login.max-attempts=7", "HIFAZAT_ADMIN_RECOVER=true",
            "hifazat.admin.recover=${HIFAZAT_ADMIN_RECOVER}", "hifazat.demo-identity.enabled=false")
        .run(started -> {
          SecuritySettings settings = started.getBean(SecuritySettings.class);
          assertThat(settings.login().maxAttempts()).isEqualTo(7);
          assertThat(settings.admin().recover()).isTrue();
          assertThat(settings.demoIdentity().enabled()).isFalse();
        });
  }

  @Test
  void aSingleAttemptBeforeTheLockoutStopsStartUp() {
    assertRefused(context.withPropertyValues("hifazat.login.max-attempts=1"),
        "hifazat.login.maxAttempts");
  }

  @Test
  void aFirstDelayLongerThanTheLockoutStopsStartUp() {
    assertRefused(context.withPropertyValues("hifazat.login.first-delay=PT1H",
        "hifazat.login.lockout=PT15M"), "first-delay must be no longer than lockout");
  }

  @Test
  void aZeroLockoutStopsStartUp() {
    assertRefused(context.withPropertyValues("hifazat.login.lockout=0s"),
        "hifazat.login.lockout");
  }

  @Test
  void anAddressLimitBelowItsFreeAttemptsStopsStartUp() {
    assertRefused(context.withPropertyValues("hifazat.login.address-free-attempts=50",
            "hifazat.login.address-max-attempts=20"),
        "address-max-attempts must be more than address-free-attempts + 1");
  }

  @Test
  void demoUsersWithoutAPasswordStopStartUp() {
    assertRefused(new ApplicationContextRunner().withUserConfiguration(Bound.class)
        .withPropertyValues("hifazat.demo-identity.password= "),
        "the demo users need a password");
  }

  private static void assertRefused(ApplicationContextRunner runner, String message) {
    runner.run(started -> assertThat(started).hasFailed()
        .getFailure().rootCause().hasMessageContaining(message));
  }
}
