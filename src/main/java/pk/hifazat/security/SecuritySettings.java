package pk.hifazat.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the security module ({@code hifazat.login.*}, {@code hifazat.demo-identity.*},
 * {@code hifazat.admin.*}); a nonsensical value stops start-up with the property's name. The
 * administrator's id and password are Camunda's ({@code camunda.bpm.admin-user.*}).
 *
 * @param login how failed logins are slowed down
 * @param demoIdentity the demo users of a local trial
 * @param admin the operator's way back in
 */
@Validated
@ConfigurationProperties("hifazat")
record SecuritySettings(
    @NestedConfigurationProperty @Valid @NotNull @DefaultValue LoginSettings login,
    @NestedConfigurationProperty @Valid @NotNull @DefaultValue DemoIdentitySettings demoIdentity,
    @Valid @NotNull @DefaultValue Admin admin) {

  /**
   * The operator's way back in ({@link AdministratorRecovery}).
   *
   * @param recover at start-up, unlock the administrator, reset its failed logins, set its
   *     password from {@code camunda.bpm.admin-user.password} and make it a member of
   *     {@code camunda-admin} again
   */
  record Admin(@DefaultValue("false") boolean recover) {}
}
