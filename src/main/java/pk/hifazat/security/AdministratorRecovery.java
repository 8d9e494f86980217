package pk.hifazat.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The operator's way back in: started with {@code HIFAZAT_ADMIN_RECOVER=true}, the service
 * unlocks the administrator, forgets its failed logins, sets its password from
 * {@code HIFAZAT_ADMIN_PASSWORD} (the configured administrator password) and makes it a member
 * of {@code camunda-admin} again, restoring that group and its grants if they were deleted.
 * Works in every profile, {@code prod} included; audited as {@code ADMIN_RECOVERED}.
 */
@Component
class AdministratorRecovery implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdministratorRecovery.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final ApplicationEventPublisher events;
  private final boolean recover;
  private final String adminId;
  private final String password;

  AdministratorRecovery(IdentityService identityService,
      AuthorizationService authorizationService, ApplicationEventPublisher events,
      SecuritySettings settings, CamundaBpmProperties camunda) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.events = events;
    this.recover = settings.admin().recover();
    this.adminId = camunda.getAdminUser().getId();
    // Camunda falls back to the id when no password is configured: never a password here.
    this.password = camunda.getAdminUser().getPassword();
  }

  @Override
  public void run(ApplicationArguments arguments) {
    if (recover) {
      recover();
    }
  }

  /** Restores the administrator; runs as the service itself, so no grant is needed. */
  void recover() {
    if (password == null || password.isBlank() || password.equals(adminId)) {
      throw new IllegalStateException("Administrator recovery needs the new password in"
          + " HIFAZAT_ADMIN_PASSWORD");
    }
    List<String> done = new ArrayList<>();
    User user = identityService.createUserQuery().userId(adminId).singleResult();
    if (user == null) {
      user = identityService.newUser(adminId);
      user.setFirstName("Hifazat");
      user.setLastName("Administrator");
      done.add("created");
    }
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.unlockUser(adminId);
    done.add("unlocked, failed logins reset, password set");
    if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group group = identityService.newGroup(Groups.CAMUNDA_ADMIN);
      group.setName("Camunda BPM Administrators");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identityService.saveGroup(group);
      done.add(Groups.CAMUNDA_ADMIN + " group restored");
    }
    int grants = 0;
    for (Resource resource : Resources.values()) {
      if (authorizationService.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN)
          .resourceType(resource).resourceId(Authorization.ANY).count() == 0) {
        Authorization all = authorizationService.createNewAuthorization(
            Authorization.AUTH_TYPE_GRANT);
        all.setGroupId(Groups.CAMUNDA_ADMIN);
        all.setResource(resource);
        all.setResourceId(Authorization.ANY);
        all.addPermission(Permissions.ALL);
        authorizationService.saveAuthorization(all);
        grants++;
      }
    }
    if (grants > 0) {
      done.add(grants + " grants of " + Groups.CAMUNDA_ADMIN + " restored");
    }
    if (identityService.createUserQuery().userId(adminId).memberOfGroup(Groups.CAMUNDA_ADMIN)
        .count() == 0) {
      identityService.createMembership(adminId, Groups.CAMUNDA_ADMIN);
      done.add("member of " + Groups.CAMUNDA_ADMIN + " again");
    }
    String detail = "recovered at start-up (HIFAZAT_ADMIN_RECOVER): " + String.join("; ", done);
    events.publishEvent(new AdministratorRecovered(adminId, detail));
    log.warn("Administrator {} {}. Remove HIFAZAT_ADMIN_RECOVER before the next start.",
        adminId, detail);
  }
}
