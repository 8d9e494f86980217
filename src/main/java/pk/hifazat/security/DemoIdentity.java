package pk.hifazat.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import pk.hifazat.area.AreaGroups;

/**
 * Users and groups for a local trial: officers, a supervisor, a manager and a policy editor for
 * Lahore, all with the demo password. Existing users are left as they are.
 */
@Component
class DemoIdentity extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(DemoIdentity.class);

  private final DemoIdentitySettings settings;
  private IdentityService identityService;

  DemoIdentity(SecuritySettings settings) {
    this.settings = settings.demoIdentity();
  }

  private record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (!settings.enabled()) {
      return;
    }
    identityService = engine.getIdentityService();
    // One transaction for the 25 groups, 20 users and their memberships, not one per call.
    StartupTransaction.run(engine, this::createAll);
    log.info("Demo identity ready: log in as cpo.lahore.f, cpo.lahore.m, supervisor.lahore,"
        + " manager.punjab, cpo.karachisouth.f, supervisor.karachisouth, manager.sindh,"
        + " manager.pakistan, policy.editor or admin");
  }

  private void createAll() {
    String officers = AreaGroups.officers("PB", "Lahore");
    String femaleOfficers = AreaGroups.femaleOfficers("PB", "Lahore");
    String supervisors = AreaGroups.supervisors("PB", "Lahore");
    String managers = AreaGroups.managers("PB");
    group(officers, "Child protection officers, Lahore");
    group(femaleOfficers, "Female child protection officers, Lahore");
    group(supervisors, "Supervisors, Lahore");
    group(managers, "Managers, Punjab");
    // A second district in another zone, to receive transferred cases (R-TRANSFER).
    String karachiFemaleOfficers = AreaGroups.femaleOfficers("SD", "Karachi South");
    String karachiOfficers = AreaGroups.officers("SD", "Karachi South");
    String karachiSupervisors = AreaGroups.supervisors("SD", "Karachi South");
    group(karachiOfficers, "Child protection officers, Karachi South");
    group(karachiFemaleOfficers, "Female child protection officers, Karachi South");
    group(karachiSupervisors, "Supervisors, Karachi South");
    group(AreaGroups.managers("SD"), "Managers, Sindh");
    group(AreaGroups.NATIONAL_MANAGERS, "Managers, Pakistan");
    group(AreaGroups.POLICY_EDITORS, "Policy editors");
    group(AreaGroups.OFFICERS, "Child protection officers (role)");
    group(AreaGroups.SUPERVISORS, "Supervisors (role)");
    group(AreaGroups.MANAGERS, "Managers (role)");
    group(AreaGroups.AGENCY_FOCAL_POINTS, "Agency focal points (role)");
    List<DemoUser> focalPoints = new java.util.ArrayList<>();
    for (String agency : List.of("POLICE", "FIA", "CYBERCRIME", "HOSPITAL_CPU", "PSYCHOLOGIST",
        "SOCIAL_WORKER", "LEGAL_AID", "NGO_LEGAL_AID", "SHELTER", "EDUCATION",
        "SOCIAL_PROTECTION")) {
      String group = AreaGroups.agency(agency, "PB", "Lahore");
      group(group, "Focal points of " + agency + ", Lahore");
      focalPoints.add(new DemoUser("focal." + agency.toLowerCase().replace("_", "") + ".lahore",
          agency.replace('_', ' '), "Focal point (Lahore)",
          List.of(AreaGroups.AGENCY_FOCAL_POINTS, group)));
    }
    for (DemoUser user : List.of(
        new DemoUser("cpo.lahore.f", "Ayesha", "Officer (Lahore)",
            List.of(AreaGroups.OFFICERS, officers, femaleOfficers)),
        new DemoUser("cpo.lahore.m", "Bilal", "Officer (Lahore)",
            List.of(AreaGroups.OFFICERS, officers)),
        new DemoUser("supervisor.lahore", "Saima", "Supervisor (Lahore)",
            List.of(AreaGroups.SUPERVISORS, supervisors)),
        new DemoUser("manager.punjab", "Farhan", "Manager (Punjab)",
            List.of(AreaGroups.MANAGERS, managers)),
        new DemoUser("cpo.karachisouth.f", "Sana", "Officer (Karachi South)",
            List.of(AreaGroups.OFFICERS, karachiOfficers, karachiFemaleOfficers)),
        new DemoUser("supervisor.karachisouth", "Rukhsana", "Supervisor (Karachi South)",
            List.of(AreaGroups.SUPERVISORS, karachiSupervisors)),
        new DemoUser("manager.sindh", "Imran", "Manager (Sindh)",
            List.of(AreaGroups.MANAGERS, AreaGroups.managers("SD"))),
        // Figures for the whole country, as the national dashboard shows them.
        new DemoUser("manager.pakistan", "Zainab", "Manager (Pakistan)",
            List.of(AreaGroups.MANAGERS, AreaGroups.NATIONAL_MANAGERS)),
        new DemoUser("policy.editor", "Nadia", "Policy editor",
            List.of(AreaGroups.POLICY_EDITORS)))) {
      user(user);
    }
    focalPoints.forEach(this::user);
  }

  private void group(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void user(DemoUser demo) {
    if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
      return;
    }
    User user = identityService.newUser(demo.id());
    user.setFirstName(demo.firstName());
    user.setLastName(demo.lastName());
    user.setEmail(demo.id() + "@hifazat.invalid");
    user.setPassword(settings.password());
    identityService.saveUser(user);
    demo.groups().forEach(group -> identityService.createMembership(demo.id(), group));
  }
}
