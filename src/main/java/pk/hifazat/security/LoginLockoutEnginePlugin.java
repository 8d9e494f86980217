package pk.hifazat.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's brute-force protection, bounded: each failed login makes the account wait longer
 * (first delay, growing to the lockout at the configured failure), and the engine's permanent
 * lock, which only an administrator could lift, is never reached. Applies to every door that
 * checks a password through the engine, Camunda's own login included.
 */
@Component
class LoginLockoutEnginePlugin extends AbstractProcessEnginePlugin {

  private final LoginSettings settings;

  LoginLockoutEnginePlugin(SecuritySettings settings) {
    this.settings = settings.login();
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // After the generic properties, so that no leftover login-max-attempts brings back the
    // permanent lock.
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase((int) settings.firstDelay().toSeconds());
    configuration.setLoginDelayFactor(settings.accountDelayFactor());
    configuration.setLoginDelayMaxTime((int) settings.lockout().toSeconds());
  }
}
