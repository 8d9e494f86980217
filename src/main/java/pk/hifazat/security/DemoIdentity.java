package pk.hifazat.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
    // One engine command for the 25 groups, 20 users and their memberships: read in two queries,
    // written in one flush.
    StartupCommand.run(engine, this::createAll);
    log.info("Demo identity ready: log in as cpo.lahore.f, cpo.lahore.m, supervisor.lahore,"
        + " manager.punjab, cpo.karachisouth.f, supervisor.karachisouth, manager.sindh,"
        + " manager.pakistan, policy.editor or admin");
  }

  private void createAll() {
    Map<String, String> groups = new LinkedHashMap<>();
    List<DemoUser> users = new ArrayList<>();
    String officers = AreaGroups.officers("PB", "Lahore");
    String femaleOfficers = AreaGroups.femaleOfficers("PB", "Lahore");
    String supervisors = AreaGroups.supervisors("PB", "Lahore");
    String managers = AreaGroups.managers("PB");
    groups.put(officers, "Child protection officers, Lahore");
    groups.put(femaleOfficers, "Female child protection officers, Lahore");
    groups.put(supervisors, "Supervisors, Lahore");
    groups.put(managers, "Managers, Punjab");
    // A second district in another zone, to receive transferred cases (R-TRANSFER).
    String karachiFemaleOfficers = AreaGroups.femaleOfficers("SD", "Karachi South");
    String karachiOfficers = AreaGroups.officers("SD", "Karachi South");
    String karachiSupervisors = AreaGroups.supervisors("SD", "Karachi South");
    groups.put(karachiOfficers, "Child protection officers, Karachi South");
    groups.put(karachiFemaleOfficers, "Female child protection officers, Karachi South");
    groups.put(karachiSupervisors, "Supervisors, Karachi South");
    groups.put(AreaGroups.managers("SD"), "Managers, Sindh");
    groups.put(AreaGroups.NATIONAL_MANAGERS, "Managers, Pakistan");
    groups.put(AreaGroups.POLICY_EDITORS, "Policy editors");
    groups.put(AreaGroups.OFFICERS, "Child protection officers (role)");
    groups.put(AreaGroups.SUPERVISORS, "Supervisors (role)");
    groups.put(AreaGroups.MANAGERS, "Managers (role)");
    groups.put(AreaGroups.AGENCY_FOCAL_POINTS, "Agency focal points (role)");
    List<DemoUser> focalPoints = new ArrayList<>();
    for (String agency : List.of("POLICE", "FIA", "CYBERCRIME", "HOSPITAL_CPU", "PSYCHOLOGIST",
        "SOCIAL_WORKER", "LEGAL_AID", "NGO_LEGAL_AID", "SHELTER", "EDUCATION",
        "SOCIAL_PROTECTION")) {
      String group = AreaGroups.agency(agency, "PB", "Lahore");
      groups.put(group, "Focal points of " + agency + ", Lahore");
      focalPoints.add(new DemoUser("focal." + agency.toLowerCase().replace("_", "") + ".lahore",
          agency.replace('_', ' '), "Focal point (Lahore)",
          List.of(AreaGroups.AGENCY_FOCAL_POINTS, group)));
    }
    users.addAll(List.of(
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
            List.of(AreaGroups.POLICY_EDITORS))));
    users.addAll(focalPoints);
    createMissing(groups, users);
  }

  /** Existing groups and users are left as they are, memberships included. */
  private void createMissing(Map<String, String> groups, List<DemoUser> users) {
    Set<String> existingGroups = identityService.createGroupQuery()
        .groupIdIn(groups.keySet().toArray(String[]::new)).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    groups.forEach((id, name) -> {
      if (!existingGroups.contains(id)) {
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
      }
    });
    Set<String> existingUsers = identityService.createUserQuery()
        .userIdIn(users.stream().map(DemoUser::id).toArray(String[]::new)).list().stream()
        .map(User::getId).collect(Collectors.toSet());
    for (DemoUser demo : users) {
      if (existingUsers.contains(demo.id())) {
        continue;
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
}
