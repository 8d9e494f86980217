package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.PageSession;
import pk.hifazat.Reports;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.tasklist.TasklistFilters;

/**
 * The access matrix: every role against every door of the application (our API, the engine REST
 * API, the REST calls Tasklist and Cockpit make, the dashboard and the actuator), each for data of
 * its own area and of another area, asserting the answer it must get: the data, or a refusal
 * (401, 403, 404) or the data's absence from a list.
 *
 * <p>Everything goes over real HTTP to the running application on 127.0.0.1: Basic credentials for
 * the API, the engine REST API, the dashboard and the actuator; a webapp session (login with the
 * XSRF token, like the browser) for Tasklist and Cockpit. Lists are always narrowed to this test's
 * own cases, and "absent" means none of the case's number, process instance ids or task ids is in
 * the answer, so cases left behind by other tests cannot disturb a row.
 */
@HifazatTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Access matrix: each role against each door, for own-area and other-area data")
class AccessMatrixTest {

  private static final String PASSWORD = CaseDriver.PASSWORD;
  private static final String CHILD_NAME = "Amina Test";
  private static final String IDENTITY = """
      {"name": "Amina Test", "parents": ["Fatima Test", "Imran Test"],
       "address": "House 7, Street 3, Model Town, Lahore"}""";
  private static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final String COCKPIT_PLUGIN = "/camunda/api/cockpit/plugin/base/default";

  /** The users of the matrix: the demo identity, plus an officer and a manager of Sindh. */
  enum Who {
    F("cpo.lahore.f", "female officer of Lahore"),
    M("cpo.lahore.m", "male officer of Lahore"),
    KHI("cpo.karachi", "officer of Karachi South"),
    SUP("supervisor.lahore", "supervisor of Lahore"),
    MPB("manager.punjab", "manager of Punjab"),
    MSD("manager.sindh", "manager of Sindh"),
    POL("policy.editor", "policy editor"),
    ADM("admin", "administrator"),
    FOC("focal.police.lahore", "police focal point of Lahore"),
    NOBODY(null, "no credentials"),
    STRANGER("nobody.here", "unknown user");

    final String user;
    final String label;

    Who(String user, String label) {
      this.user = user;
      this.label = label;
    }

    /** Everyone who can log in. */
    static List<Who> users() {
      return List.of(F, M, KHI, SUP, MPB, MSD, POL, ADM);
    }
  }

  /** The cases this test registers. */
  enum Target {
    GIRL("girl's case, Lahore"),
    BOY("boy's case, Lahore"),
    KARACHI("boy's case, Karachi South");

    final String label;

    Target(String label) {
      this.label = label;
    }
  }

  /** What a row must answer. */
  enum Expect {
    SHOWN("200, shown"),
    LISTED("listed"),
    ABSENT("absent"),
    IDENTITY_SHOWN("200, the child's identity"),
    OK("200"),
    NO_CONTENT("204"),
    INVALID("400: let through, the request's own content refused"),
    UNAUTHORIZED("401"),
    FORBIDDEN("403"),
    NOT_FOUND("404"),
    REFUSED("refused (403 or 404)"),
    REFUSED_LOGIN("refused (401 or 403)"),
    LOGIN_PAGE("302 to the login page, no Basic challenge");

    final String label;

    Expect(String label) {
      this.label = label;
    }
  }

  /** One of this test's cases with everything that would give it away in an answer. */
  record Kase(String number, Set<String> instanceIds, String caseInstance, String workInstance,
      List<String> taskIds) {

    Set<String> marks() {
      Set<String> marks = new LinkedHashSet<>();
      marks.add(number);
      marks.addAll(instanceIds);
      marks.addAll(taskIds);
      return marks;
    }

    /** The open task offered to the case's officers. */
    String officerTask() {
      return taskIds.get(0);
    }
  }

  record Req(String method, String path, String contentType, String body) {

    static Req get(String path) {
      return new Req("GET", path, null, null);
    }

    static Req postJson(String path, String body) {
      return new Req("POST", path, "application/json", body);
    }

    static Req putJson(String path, String body) {
      return new Req("PUT", path, "application/json", body);
    }
  }

  record Answer(int status, String body, String location, String challenge) {

    Answer(int status, String body) {
      this(status, body, null, null);
    }

    static Answer of(HttpResponse<String> response) {
      return new Answer(response.statusCode(), response.body(),
          response.headers().firstValue("Location").orElse(null),
          response.headers().firstValue("WWW-Authenticate").orElse(null));
    }
  }

  /** The Accept header of the matrix's requests, Basic and webapp session alike. */
  private static final String ACCEPT = "application/json, text/html;q=0.9, */*;q=0.8";

  /** The app of a row made in the dashboard's login session. */
  private static final String PAGES = "pages";

  /**
   * A row of the matrix. {@code app} is null for HTTP Basic, or the webapp whose login session
   * makes the call ({@code tasklist}, {@code cockpit}).
   */
  record Row(Who who, String door, String what, Target target, String relation, Expect expect,
      String app, Function<Kase, Req> request) {

    @Override
    public String toString() {
      return who.label + (who.user == null ? "" : " (" + who.user + ")") + " / " + door + ": "
          + what + (relation == null ? "" : " / " + relation) + ": " + expect.label;
    }
  }

  @LocalServerPort int port;
  @Autowired CaseDriver cases;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired ManagementService managementService;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired ObjectMapper json;

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();
  private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();
  private final Map<Target, Kase> kases = new ConcurrentHashMap<>();
  private String groupTasksFilterId;

  // ---------------------------------------------------------------------------------------------
  // Setup

  @BeforeAll
  void registerUsers() throws Exception {
    ClockUtil.reset();
    group("officers", "Child protection officers (role)");
    group("managers", "Managers (role)");
    group(AreaGroups.officers("SD", "Karachi South"), "Child protection officers, Karachi South");
    group(AreaGroups.managers("SD"), "Managers, Sindh");
    user("cpo.karachi", "Officer", "Karachi South", "officers",
        AreaGroups.officers("SD", "Karachi South"));
    user("manager.sindh", "Manager", "Sindh", "managers", AreaGroups.managers("SD"));
    group(AreaGroups.supervisors("SD", "Karachi South"), "Supervisors, Karachi South");
    user("supervisor.karachi", "Supervisor", "Karachi South",
        AreaGroups.supervisors("SD", "Karachi South"));
  }

  /**
   * Registers the cases once, before the first test method: process test coverage wants a test
   * method running whenever a process starts, which rules out {@code @BeforeAll}.
   */
  @BeforeEach
  void registerCasesOnce() throws Exception {
    if (!kases.isEmpty()) {
      return;
    }
    Instant custody = cases.now().minus(Duration.ofHours(2));
    Instant reported = cases.now().minus(Duration.ofHours(1));
    String girl = cases.report(Reports.inCustody("PB", "Lahore", "F",
        "TRAFFICKING,EXPLOITATION_IN_PROSTITUTION", reported, custody));
    String boy = cases.report(Reports.inCustody("PB", "Lahore", "M", "FORCED_LABOUR", reported,
        custody));
    String karachi = cases.report(Reports.inCustody("SD", "Karachi South", "M", "FORCED_LABOUR",
        reported, custody));
    Map<Target, Kase> registered = Map.of(
        Target.GIRL, kase(girl, AreaGroups.femaleOfficers("PB", "Lahore")),
        Target.BOY, kase(boy, AreaGroups.officers("PB", "Lahore")),
        Target.KARACHI, kase(karachi, AreaGroups.officers("SD", "Karachi South")));

    groupTasksFilterId = filterService.createFilterQuery()
        .filterName(TasklistFilters.MY_GROUP_TASKS).singleResult().getId();

    // The child's identity, recorded by the officer who works the girl's case.
    Answer put = basic(Who.F, Req.putJson("/api/cases/" + girl + "/identity", IDENTITY));
    assertThat(put.status()).as("cpo.lahore.f records the girl's identity: %s", put)
        .isEqualTo(204);
    kases.putAll(registered);
  }

  @AfterAll
  void forgetTheClock() {
    ClockUtil.reset();
  }

  private void group(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void user(String id, String firstName, String lastName, String... groups) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + "@hifazat.invalid");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
    for (String group : groups) {
      if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identityService.createMembership(id, group);
      }
    }
  }

  /**
   * Everything that identifies a registered case: its process instances (whatever pathways it
   * has reached), its open tasks, and the open task offered to the case's officers (its female
   * officers, for a girl: R-GIRL-FEMALE-CARE), which the rows of the matrix ask for.
   */
  private Kase kase(String caseNumber, String officerGroup) {
    Set<String> instances = new LinkedHashSet<>();
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
        .stream().map(ProcessInstance::getId).forEach(instances::add);
    historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .list().stream().map(HistoricProcessInstance::getId).forEach(instances::add);
    String root = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).rootProcessInstances().list().get(0).getId();
    List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .orderByTaskCreateTime().asc().list();
    Task officerTask = open.stream()
        .filter(task -> taskService.getIdentityLinksForTask(task.getId()).stream()
            .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                && officerGroup.equals(link.getGroupId())))
        .findFirst()
        .orElseThrow(() -> new AssertionError("Case " + caseNumber + " has no open task offered"
            + " to " + officerGroup + "; open: " + open.stream()
                .map(Task::getTaskDefinitionKey).toList()));
    List<String> tasks = new ArrayList<>();
    tasks.add(officerTask.getId());
    open.stream().map(Task::getId).filter(id -> !tasks.contains(id)).forEach(tasks::add);
    return new Kase(caseNumber, instances, root, officerTask.getProcessInstanceId(), tasks);
  }

  private Kase kase(Target target) {
    return target == null ? null : kases.get(target);
  }

  // ---------------------------------------------------------------------------------------------
  // Rows

  private static final String OWN_DISTRICT = "own district";
  private static final String OTHER_DISTRICT = "other district";
  private static final String OWN_PROVINCE = "own province";
  private static final String OTHER_PROVINCE = "other province";
  private static final String NATIONAL = "whole country";
  private static final String NO_AREA = "no case is theirs";
  private static final String GIRL_FEMALE_ONLY =
      "own district, a girl's case (female officers only)";

  private static Row basicRow(Who who, String door, String what, Target target, String relation,
      Expect expect, Function<Kase, Req> request) {
    return new Row(who, door, what + (target == null ? "" : " of the " + target.label), target,
        relation, expect, null, request);
  }

  private static Row api(Who who, String what, Target target, String relation, Expect expect,
      Function<Kase, Req> request) {
    return basicRow(who, "API", what, target, relation, expect, request);
  }

  private static Row engine(Who who, String what, Target target, String relation, Expect expect,
      Function<Kase, Req> request) {
    return basicRow(who, "engine REST", what, target, relation, expect, request);
  }

  private static Row tasklist(Who who, String what, Target target, String relation, Expect expect,
      Function<Kase, Req> request) {
    return new Row(who, "Tasklist REST", what + " of the " + target.label, target, relation,
        expect, "tasklist", request);
  }

  private static Row cockpit(Who who, String what, Target target, String relation, Expect expect,
      Function<Kase, Req> request) {
    return new Row(who, "Cockpit REST", what + " of the " + target.label, target, relation,
        expect, "cockpit", request);
  }

  private static Function<Kase, Req> caseFile() {
    return k -> Req.get("/api/cases/" + k.number());
  }

  private static Function<Kase, Req> identityRead() {
    return k -> Req.get("/api/cases/" + k.number() + "/identity");
  }

  Stream<Row> apiRows() {
    List<Row> rows = new ArrayList<>();
    String file = "GET /api/cases/{n}";
    rows.add(api(Who.F, file, Target.GIRL, OWN_DISTRICT, Expect.SHOWN, caseFile()));
    rows.add(api(Who.F, file, Target.KARACHI, OTHER_DISTRICT, Expect.NOT_FOUND, caseFile()));
    rows.add(api(Who.M, file, Target.BOY, OWN_DISTRICT, Expect.SHOWN, caseFile()));
    rows.add(api(Who.M, file, Target.KARACHI, OTHER_DISTRICT, Expect.NOT_FOUND, caseFile()));
    rows.add(api(Who.KHI, file, Target.KARACHI, OWN_DISTRICT, Expect.SHOWN, caseFile()));
    rows.add(api(Who.KHI, file, Target.GIRL, OTHER_DISTRICT, Expect.NOT_FOUND, caseFile()));
    rows.add(api(Who.KHI, file, Target.BOY, OTHER_DISTRICT, Expect.NOT_FOUND, caseFile()));
    rows.add(api(Who.SUP, file, Target.GIRL, OWN_DISTRICT, Expect.SHOWN, caseFile()));
    rows.add(api(Who.SUP, file, Target.KARACHI, OTHER_DISTRICT, Expect.NOT_FOUND, caseFile()));
    rows.add(api(Who.MPB, file, Target.GIRL, OWN_PROVINCE, Expect.SHOWN, caseFile()));
    rows.add(api(Who.MPB, file, Target.BOY, OWN_PROVINCE, Expect.SHOWN, caseFile()));
    rows.add(api(Who.MPB, file, Target.KARACHI, OTHER_PROVINCE, Expect.NOT_FOUND, caseFile()));
    rows.add(api(Who.MSD, file, Target.KARACHI, OWN_PROVINCE, Expect.SHOWN, caseFile()));
    rows.add(api(Who.MSD, file, Target.GIRL, OTHER_PROVINCE, Expect.NOT_FOUND, caseFile()));
    rows.add(api(Who.POL, file, Target.GIRL, NO_AREA, Expect.NOT_FOUND, caseFile()));
    rows.add(api(Who.POL, file, Target.KARACHI, NO_AREA, Expect.NOT_FOUND, caseFile()));
    rows.add(api(Who.ADM, file, Target.GIRL, NATIONAL, Expect.SHOWN, caseFile()));
    rows.add(api(Who.ADM, file, Target.KARACHI, NATIONAL, Expect.SHOWN, caseFile()));
    rows.add(api(Who.NOBODY, file, Target.GIRL, null, Expect.UNAUTHORIZED, caseFile()));
    rows.add(api(Who.STRANGER, file, Target.GIRL, "wrong credentials", Expect.UNAUTHORIZED,
        caseFile()));

    String identity = "GET /api/cases/{n}/identity";
    rows.add(api(Who.F, identity, Target.GIRL, OWN_DISTRICT, Expect.IDENTITY_SHOWN,
        identityRead()));
    rows.add(api(Who.SUP, identity, Target.GIRL, OWN_DISTRICT, Expect.IDENTITY_SHOWN,
        identityRead()));
    rows.add(api(Who.MPB, identity, Target.GIRL, OWN_PROVINCE + " (R-NO-DISCLOSURE)",
        Expect.NOT_FOUND, identityRead()));
    rows.add(api(Who.MSD, identity, Target.GIRL, OTHER_PROVINCE, Expect.NOT_FOUND,
        identityRead()));
    rows.add(api(Who.POL, identity, Target.GIRL, NO_AREA + " (R-NO-DISCLOSURE)",
        Expect.NOT_FOUND, identityRead()));
    rows.add(api(Who.ADM, identity, Target.GIRL, NATIONAL + " (R-NO-DISCLOSURE)",
        Expect.NOT_FOUND, identityRead()));
    rows.add(api(Who.KHI, identity, Target.GIRL, OTHER_DISTRICT, Expect.NOT_FOUND,
        identityRead()));
    rows.add(api(Who.NOBODY, identity, Target.GIRL, null, Expect.UNAUTHORIZED, identityRead()));
    String write = "PUT /api/cases/{n}/identity";
    Function<Kase, Req> put = k -> Req.putJson("/api/cases/" + k.number() + "/identity", IDENTITY);
    rows.add(api(Who.F, write, Target.GIRL, OWN_DISTRICT, Expect.NO_CONTENT, put));
    rows.add(api(Who.MPB, write, Target.GIRL, OWN_PROVINCE + " (R-NO-DISCLOSURE)",
        Expect.NOT_FOUND, put));
    rows.add(api(Who.POL, write, Target.GIRL, NO_AREA, Expect.NOT_FOUND, put));
    rows.add(api(Who.ADM, write, Target.GIRL, NATIONAL + " (R-NO-DISCLOSURE)",
        Expect.NOT_FOUND, put));
    rows.add(api(Who.KHI, write, Target.GIRL, OTHER_DISTRICT, Expect.NOT_FOUND, put));
    rows.add(api(Who.NOBODY, write, Target.GIRL, null, Expect.UNAUTHORIZED, put));

    // The same child found again: only those who may read the child's identity see whether
    // she may be a child of another case, and only they may ask to link (R-NO-DISCLOSURE).
    String matches = "GET /api/cases/{n}/possible-matches";
    Function<Kase, Req> matchesOf = k -> Req.get("/api/cases/" + k.number() + "/possible-matches");
    rows.add(api(Who.F, matches, Target.GIRL, OWN_DISTRICT, Expect.SHOWN, matchesOf));
    rows.add(api(Who.SUP, matches, Target.GIRL, OWN_DISTRICT, Expect.SHOWN, matchesOf));
    rows.add(api(Who.M, matches, Target.GIRL, GIRL_FEMALE_ONLY + " (R-GIRL-FEMALE-CARE)",
        Expect.NOT_FOUND, matchesOf));
    rows.add(api(Who.M, matches, Target.BOY, OWN_DISTRICT, Expect.SHOWN, matchesOf));
    rows.add(api(Who.KHI, matches, Target.GIRL, OTHER_DISTRICT, Expect.NOT_FOUND, matchesOf));
    rows.add(api(Who.KHI, matches, Target.KARACHI, OWN_DISTRICT, Expect.SHOWN, matchesOf));
    rows.add(api(Who.F, matches, Target.KARACHI, OTHER_DISTRICT, Expect.NOT_FOUND, matchesOf));
    rows.add(api(Who.MPB, matches, Target.GIRL, OWN_PROVINCE + " (R-NO-DISCLOSURE)",
        Expect.NOT_FOUND, matchesOf));
    rows.add(api(Who.MSD, matches, Target.KARACHI, OWN_PROVINCE + " (R-NO-DISCLOSURE)",
        Expect.NOT_FOUND, matchesOf));
    rows.add(api(Who.POL, matches, Target.GIRL, NO_AREA + " (R-NO-DISCLOSURE)",
        Expect.NOT_FOUND, matchesOf));
    rows.add(api(Who.FOC, matches, Target.GIRL, "serves the case's referral (R-NO-DISCLOSURE)",
        Expect.REFUSED, matchesOf));
    rows.add(api(Who.ADM, matches, Target.GIRL, NATIONAL + " (R-NO-DISCLOSURE)",
        Expect.NOT_FOUND, matchesOf));
    rows.add(api(Who.NOBODY, matches, Target.GIRL, null, Expect.UNAUTHORIZED, matchesOf));
    rows.add(api(Who.STRANGER, matches, Target.GIRL, "wrong credentials", Expect.UNAUTHORIZED,
        matchesOf));
    // Asking to link: refused before the match is even looked up, so a guessed match id tells
    // nothing; those who may ask are told there is no such match of their case.
    String link = "POST /api/cases/{n}/possible-matches/{id}/link-request";
    Function<Kase, Req> linkOf = k -> Req.postJson("/api/cases/" + k.number()
        + "/possible-matches/00000000-0000-0000-0000-000000000000/link-request", "{}");
    for (Who who : List.of(Who.M, Who.KHI, Who.MPB, Who.MSD, Who.POL, Who.FOC, Who.ADM)) {
      rows.add(api(who, link, Target.GIRL, "may not read the child's identity (R-NO-DISCLOSURE)",
          Expect.REFUSED, linkOf));
    }
    rows.add(api(Who.F, link, Target.GIRL, OWN_DISTRICT + ", no such match", Expect.NOT_FOUND,
        linkOf));
    rows.add(api(Who.NOBODY, link, Target.GIRL, null, Expect.UNAUTHORIZED, linkOf));

    String clocks = "GET /api/sla/clocks";
    rows.add(api(Who.MPB, clocks + "?province=SD", null, OTHER_PROVINCE, Expect.FORBIDDEN,
        k -> Req.get("/api/sla/clocks?province=SD")));
    rows.add(api(Who.MSD, clocks + "?province=SD", Target.KARACHI, OWN_PROVINCE, Expect.LISTED,
        k -> Req.get("/api/sla/clocks?province=SD&caseNumber=" + k.number())));
    rows.add(api(Who.MSD, clocks, Target.GIRL, OTHER_PROVINCE, Expect.ABSENT,
        k -> Req.get("/api/sla/clocks?caseNumber=" + k.number())));
    rows.add(api(Who.MPB, clocks, Target.GIRL, OWN_PROVINCE, Expect.LISTED,
        k -> Req.get("/api/sla/clocks?caseNumber=" + k.number())));
    rows.add(api(Who.MPB, clocks, Target.KARACHI, OTHER_PROVINCE, Expect.ABSENT,
        k -> Req.get("/api/sla/clocks?caseNumber=" + k.number())));
    rows.add(api(Who.F, clocks, Target.GIRL, OWN_DISTRICT, Expect.LISTED,
        k -> Req.get("/api/sla/clocks?caseNumber=" + k.number())));
    rows.add(api(Who.F, clocks, Target.KARACHI, OTHER_DISTRICT, Expect.ABSENT,
        k -> Req.get("/api/sla/clocks?caseNumber=" + k.number())));
    rows.add(api(Who.F, clocks + "?province=SD", null, OTHER_PROVINCE, Expect.FORBIDDEN,
        k -> Req.get("/api/sla/clocks?province=SD")));
    rows.add(api(Who.KHI, clocks, Target.KARACHI, OWN_DISTRICT, Expect.LISTED,
        k -> Req.get("/api/sla/clocks?caseNumber=" + k.number())));
    rows.add(api(Who.KHI, clocks, Target.BOY, OTHER_DISTRICT, Expect.ABSENT,
        k -> Req.get("/api/sla/clocks?caseNumber=" + k.number())));
    rows.add(api(Who.SUP, clocks, Target.BOY, OWN_DISTRICT, Expect.LISTED,
        k -> Req.get("/api/sla/clocks?caseNumber=" + k.number())));
    rows.add(api(Who.SUP, clocks, Target.KARACHI, OTHER_DISTRICT, Expect.ABSENT,
        k -> Req.get("/api/sla/clocks?caseNumber=" + k.number())));
    rows.add(api(Who.POL, clocks, null, "aggregates only", Expect.FORBIDDEN,
        k -> Req.get("/api/sla/clocks")));
    rows.add(api(Who.ADM, clocks + "?province=SD", Target.KARACHI, NATIONAL, Expect.LISTED,
        k -> Req.get("/api/sla/clocks?province=SD&caseNumber=" + k.number())));
    rows.add(api(Who.NOBODY, clocks, null, null, Expect.UNAUTHORIZED,
        k -> Req.get("/api/sla/clocks")));

    String bottlenecks = "GET /api/bottlenecks";
    rows.add(api(Who.MPB, bottlenecks + "?province=SD", null, OTHER_PROVINCE, Expect.FORBIDDEN,
        k -> Req.get("/api/bottlenecks?province=SD")));
    rows.add(api(Who.MSD, bottlenecks + "?province=SD", null, OWN_PROVINCE, Expect.OK,
        k -> Req.get("/api/bottlenecks?province=SD")));
    rows.add(api(Who.MPB, bottlenecks, Target.KARACHI, OTHER_PROVINCE, Expect.ABSENT,
        k -> Req.get("/api/bottlenecks")));
    rows.add(api(Who.MSD, bottlenecks, Target.GIRL, OTHER_PROVINCE, Expect.ABSENT,
        k -> Req.get("/api/bottlenecks")));
    rows.add(api(Who.F, bottlenecks + "?district=Karachi South", null, OTHER_DISTRICT,
        Expect.FORBIDDEN, k -> Req.get("/api/bottlenecks?district=Karachi%20South")));
    rows.add(api(Who.F, bottlenecks, Target.KARACHI, OTHER_DISTRICT, Expect.ABSENT,
        k -> Req.get("/api/bottlenecks")));
    rows.add(api(Who.POL, bottlenecks, null, "aggregates", Expect.OK,
        k -> Req.get("/api/bottlenecks")));
    rows.add(api(Who.NOBODY, bottlenecks, null, null, Expect.UNAUTHORIZED,
        k -> Req.get("/api/bottlenecks")));

    String audit = "GET /api/audit";
    Function<Kase, Req> auditOfCase = k -> Req.get("/api/audit?caseNumber=" + k.number());
    rows.add(api(Who.ADM, audit, Target.GIRL, NATIONAL, Expect.LISTED, auditOfCase));
    for (Who who : List.of(Who.F, Who.M, Who.KHI, Who.SUP, Who.MPB, Who.MSD, Who.POL)) {
      rows.add(api(who, audit, Target.GIRL, "administrators only", Expect.FORBIDDEN,
          auditOfCase));
    }
    rows.add(api(Who.NOBODY, audit, Target.GIRL, null, Expect.UNAUTHORIZED, auditOfCase));
    return rows.stream();
  }

  /**
   * R-TRANSFER: only the case's own officers (a girl's: female) and supervisors propose a
   * transfer. The proposals here name a district that does not exist, so that a person let
   * through gets a 400 and nothing moves; everyone else is refused before the content is read.
   */
  Stream<Row> transferRows() {
    List<Row> rows = new ArrayList<>();
    String propose = "POST /api/cases/{n}/transfers";
    Function<Kase, Req> nowhere = k -> Req.postJson("/api/cases/" + k.number() + "/transfers",
        "{\"toProvince\": \"SD\", \"toDistrict\": \"Atlantis\", \"reason\": \"CHILD_MOVED\"}");
    rows.add(api(Who.F, propose, Target.GIRL, GIRL_FEMALE_ONLY, Expect.INVALID, nowhere));
    rows.add(api(Who.M, propose, Target.GIRL, GIRL_FEMALE_ONLY, Expect.NOT_FOUND, nowhere));
    rows.add(api(Who.M, propose, Target.BOY, OWN_DISTRICT, Expect.INVALID, nowhere));
    rows.add(api(Who.SUP, propose, Target.GIRL, OWN_DISTRICT, Expect.INVALID, nowhere));
    rows.add(api(Who.KHI, propose, Target.KARACHI, OWN_DISTRICT, Expect.INVALID, nowhere));
    rows.add(api(Who.KHI, propose, Target.BOY, OTHER_DISTRICT, Expect.NOT_FOUND, nowhere));
    rows.add(api(Who.F, propose, Target.KARACHI, OTHER_DISTRICT, Expect.NOT_FOUND, nowhere));
    rows.add(api(Who.MPB, propose, Target.BOY, OWN_PROVINCE, Expect.NOT_FOUND, nowhere));
    rows.add(api(Who.MSD, propose, Target.KARACHI, OWN_PROVINCE, Expect.NOT_FOUND, nowhere));
    rows.add(api(Who.POL, propose, Target.GIRL, NO_AREA, Expect.NOT_FOUND, nowhere));
    rows.add(api(Who.ADM, propose, Target.GIRL, NATIONAL, Expect.NOT_FOUND, nowhere));
    rows.add(api(Who.FOC, propose, Target.BOY, "an agency, not the case's team",
        Expect.NOT_FOUND, nowhere));
    rows.add(api(Who.NOBODY, propose, Target.GIRL, null, Expect.UNAUTHORIZED, nowhere));
    rows.add(api(Who.STRANGER, propose, Target.GIRL, null, Expect.UNAUTHORIZED, nowhere));
    String read = "GET /api/cases/{n}/transfers";
    Function<Kase, Req> list = k -> Req.get("/api/cases/" + k.number() + "/transfers");
    rows.add(api(Who.F, read, Target.GIRL, GIRL_FEMALE_ONLY, Expect.OK, list));
    rows.add(api(Who.M, read, Target.GIRL, GIRL_FEMALE_ONLY, Expect.NOT_FOUND, list));
    rows.add(api(Who.SUP, read, Target.BOY, OWN_DISTRICT, Expect.OK, list));
    rows.add(api(Who.KHI, read, Target.GIRL, OTHER_DISTRICT, Expect.NOT_FOUND, list));
    rows.add(api(Who.MPB, read, Target.GIRL, OWN_PROVINCE, Expect.OK, list));
    rows.add(api(Who.MSD, read, Target.GIRL, OTHER_PROVINCE, Expect.NOT_FOUND, list));
    rows.add(api(Who.POL, read, Target.GIRL, NO_AREA, Expect.NOT_FOUND, list));
    rows.add(api(Who.ADM, read, Target.KARACHI, NATIONAL, Expect.OK, list));
    rows.add(api(Who.FOC, read, Target.BOY, "an agency, not the case's team", Expect.NOT_FOUND,
        list));
    rows.add(api(Who.NOBODY, read, Target.GIRL, null, Expect.UNAUTHORIZED, list));
    rows.add(api(Who.STRANGER, read, Target.GIRL, null, Expect.UNAUTHORIZED, list));
    return rows.stream();
  }

  Stream<Row> engineRestRows() {
    List<Row> rows = new ArrayList<>();
    String instances = "GET /engine-rest/process-instance?businessKey={n}";
    Function<Kase, Req> byKey = k -> Req.get("/engine-rest/process-instance?businessKey="
        + k.number());
    String tasks = "GET /engine-rest/task?processInstanceBusinessKey={n}";
    Function<Kase, Req> tasksByKey = k -> Req.get(
        "/engine-rest/task?processInstanceBusinessKey=" + k.number());
    String variables = "GET /engine-rest/process-instance/{id}/variables";
    Function<Kase, Req> vars = k -> Req.get("/engine-rest/process-instance/" + k.workInstance()
        + "/variables");
    String history = "GET /engine-rest/history/process-instance?processInstanceBusinessKey={n}";
    Function<Kase, Req> historyByKey = k -> Req.get(
        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + k.number());

    for (Object[] cell : new Object[][] {
        {Who.F, Target.GIRL, OWN_DISTRICT, true},
        {Who.F, Target.BOY, OWN_DISTRICT, true},
        {Who.F, Target.KARACHI, OTHER_DISTRICT, false},
        {Who.M, Target.BOY, OWN_DISTRICT, true},
        {Who.M, Target.GIRL, GIRL_FEMALE_ONLY, false},
        {Who.M, Target.KARACHI, OTHER_DISTRICT, false},
        {Who.KHI, Target.KARACHI, OWN_DISTRICT, true},
        {Who.KHI, Target.GIRL, OTHER_DISTRICT, false},
        {Who.KHI, Target.BOY, OTHER_DISTRICT, false},
        {Who.SUP, Target.GIRL, OWN_DISTRICT, true},
        {Who.SUP, Target.KARACHI, OTHER_DISTRICT, false},
        {Who.MPB, Target.GIRL, OWN_PROVINCE, true},
        {Who.MPB, Target.BOY, OWN_PROVINCE, true},
        {Who.MPB, Target.KARACHI, OTHER_PROVINCE, false},
        {Who.MSD, Target.KARACHI, OWN_PROVINCE, true},
        {Who.MSD, Target.GIRL, OTHER_PROVINCE, false},
        {Who.POL, Target.GIRL, NO_AREA, false},
        {Who.POL, Target.KARACHI, NO_AREA, false},
        {Who.ADM, Target.GIRL, NATIONAL, true},
        {Who.ADM, Target.KARACHI, NATIONAL, true}}) {
      Who who = (Who) cell[0];
      Target target = (Target) cell[1];
      String relation = (String) cell[2];
      boolean readable = (Boolean) cell[3];
      // Managers follow running cases; a case's history, which holds every variable's value,
      // is its officers' and supervisors' (R-NO-DISCLOSURE).
      boolean manager = who == Who.MPB || who == Who.MSD;
      rows.add(engine(who, instances, target, relation,
          readable ? Expect.LISTED : Expect.ABSENT, byKey));
      rows.add(engine(who, history, target, relation,
          readable && !manager ? Expect.LISTED : Expect.ABSENT, historyByKey));
      // An instance's variables are read through one's tasks and the case's history, not
      // through a grant to see the instance: only the administrator reads them here.
      rows.add(engine(who, variables, target, relation,
          readable && who == Who.ADM ? Expect.OK : Expect.REFUSED, vars));
    }
    rows.add(engine(Who.NOBODY, instances, Target.GIRL, null, Expect.UNAUTHORIZED, byKey));
    rows.add(engine(Who.NOBODY, history, Target.GIRL, null, Expect.UNAUTHORIZED, historyByKey));
    rows.add(engine(Who.NOBODY, variables, Target.GIRL, null, Expect.UNAUTHORIZED, vars));
    rows.add(engine(Who.NOBODY, tasks, Target.GIRL, null, Expect.UNAUTHORIZED, tasksByKey));
    rows.add(engine(Who.NOBODY, "GET /engine-rest/engine", null, null, Expect.UNAUTHORIZED,
        k -> Req.get("/engine-rest/engine")));
    rows.add(engine(Who.STRANGER, instances, Target.GIRL, "wrong credentials",
        Expect.UNAUTHORIZED, byKey));

    // Tasks are offered to the district's officers; a girl's to its female officers only.
    rows.add(engine(Who.F, tasks, Target.GIRL, OWN_DISTRICT, Expect.LISTED, tasksByKey));
    rows.add(engine(Who.F, tasks, Target.BOY, OWN_DISTRICT, Expect.LISTED, tasksByKey));
    rows.add(engine(Who.F, tasks, Target.KARACHI, OTHER_DISTRICT, Expect.ABSENT, tasksByKey));
    rows.add(engine(Who.M, tasks, Target.GIRL, GIRL_FEMALE_ONLY, Expect.ABSENT, tasksByKey));
    rows.add(engine(Who.M, tasks, Target.BOY, OWN_DISTRICT, Expect.LISTED, tasksByKey));
    rows.add(engine(Who.M, tasks, Target.KARACHI, OTHER_DISTRICT, Expect.ABSENT, tasksByKey));
    rows.add(engine(Who.KHI, tasks, Target.KARACHI, OWN_DISTRICT, Expect.LISTED, tasksByKey));
    rows.add(engine(Who.KHI, tasks, Target.GIRL, OTHER_DISTRICT, Expect.ABSENT, tasksByKey));
    rows.add(engine(Who.KHI, tasks, Target.BOY, OTHER_DISTRICT, Expect.ABSENT, tasksByKey));
    rows.add(engine(Who.MPB, tasks, Target.KARACHI, OTHER_PROVINCE, Expect.ABSENT, tasksByKey));
    rows.add(engine(Who.MSD, tasks, Target.GIRL, OTHER_PROVINCE, Expect.ABSENT, tasksByKey));
    rows.add(engine(Who.POL, tasks, Target.GIRL, NO_AREA, Expect.ABSENT, tasksByKey));

    // The same data through the engine's other resources: nothing of another district's case.
    for (Object[] cell : new Object[][] {
        {Who.F, Target.KARACHI, OTHER_DISTRICT},
        {Who.M, Target.GIRL, GIRL_FEMALE_ONLY},
        {Who.KHI, Target.BOY, OTHER_DISTRICT},
        {Who.MPB, Target.KARACHI, OTHER_PROVINCE},
        {Who.POL, Target.GIRL, NO_AREA}}) {
      rows.addAll(otherResources((Who) cell[0], (Target) cell[1], (String) cell[2], null,
          "/engine-rest"));
    }
    // Positive controls: the same resources do answer for the case's own district.
    rows.add(engine(Who.F, "GET /engine-rest/history/variable-instance?processInstanceIdIn={ids}",
        Target.GIRL, OWN_DISTRICT, Expect.LISTED, k -> Req.get(
            "/engine-rest/history/variable-instance?processInstanceIdIn="
                + String.join(",", k.instanceIds()))));
    rows.add(engine(Who.F, "GET /engine-rest/task/{id}", Target.GIRL, OWN_DISTRICT,
        Expect.LISTED, k -> Req.get("/engine-rest/task/" + k.officerTask())));
    return rows.stream();
  }

  /**
   * The engine resources besides instance and task lists that carry a case's data, each asked
   * for a case the user must not see: over HTTP Basic ({@code app} null, {@code /engine-rest})
   * or in a webapp session ({@code /camunda/api/engine/engine/default}).
   */
  private static Row resource(Who who, String app, String what, Target target, String relation,
      Expect expect, Function<Kase, Req> request) {
    String door = app == null ? "engine REST" : "tasklist".equals(app) ? "Tasklist REST"
        : "Cockpit REST";
    String base = app == null ? "/engine-rest" : ENGINE;
    return new Row(who, door, "GET " + base + what + " of the " + target.label, target,
        relation, expect, app, request);
  }

  private static List<Row> otherResources(Who who, Target target, String relation, String app,
      String base) {
    List<Row> rows = new ArrayList<>();
    rows.add(resource(who, app, "/execution?businessKey={n}", target, relation, Expect.ABSENT,
        k -> Req.get(base + "/execution?businessKey=" + k.number())));
    rows.add(resource(who, app, "/variable-instance?processInstanceIdIn={ids}", target,
        relation, Expect.ABSENT, k -> Req.get(base + "/variable-instance?processInstanceIdIn="
            + String.join(",", k.instanceIds()))));
    rows.add(resource(who, app, "/history/variable-instance?processInstanceIdIn={ids}", target,
        relation, Expect.ABSENT, k -> Req.get(base
            + "/history/variable-instance?processInstanceIdIn="
            + String.join(",", k.instanceIds()))));
    rows.add(resource(who, app, "/history/task?processInstanceBusinessKey={n}", target,
        relation, Expect.ABSENT, k -> Req.get(base + "/history/task?processInstanceBusinessKey="
            + k.number())));
    rows.add(resource(who, app, "/history/activity-instance?processInstanceId={id}", target,
        relation, Expect.ABSENT, k -> Req.get(base
            + "/history/activity-instance?processInstanceId=" + k.workInstance())));
    rows.add(resource(who, app, "/history/detail?processInstanceId={id}", target, relation,
        Expect.ABSENT, k -> Req.get(base + "/history/detail?processInstanceId="
            + k.workInstance())));
    rows.add(resource(who, app, "/history/user-operation?processInstanceId={id}", target,
        relation, Expect.ABSENT, k -> Req.get(base + "/history/user-operation?processInstanceId="
            + k.workInstance())));
    rows.add(resource(who, app, "/history/identity-link-log?taskId={id}", target, relation,
        Expect.ABSENT, k -> Req.get(base + "/history/identity-link-log?taskId="
            + k.officerTask())));
    rows.add(resource(who, app, "/job?processInstanceId={id}", target, relation, Expect.ABSENT,
        k -> Req.get(base + "/job?processInstanceId=" + k.workInstance())));
    rows.add(resource(who, app, "/process-instance/{id}/activity-instances", target, relation,
        Expect.REFUSED, k -> Req.get(base + "/process-instance/" + k.workInstance()
            + "/activity-instances")));
    rows.add(resource(who, app, "/process-instance/{id}/variables", target, relation,
        Expect.REFUSED, k -> Req.get(base + "/process-instance/" + k.caseInstance()
            + "/variables")));
    rows.add(resource(who, app, "/task/{id}", target, relation, Expect.REFUSED,
        k -> Req.get(base + "/task/" + k.officerTask())));
    rows.add(resource(who, app, "/task/{id}/variables", target, relation, Expect.REFUSED,
        k -> Req.get(base + "/task/" + k.officerTask() + "/variables")));
    rows.add(resource(who, app, "/task/{id}/form-variables", target, relation, Expect.REFUSED,
        k -> Req.get(base + "/task/" + k.officerTask() + "/form-variables")));
    rows.add(resource(who, app, "/task/{id}/identity-links", target, relation, Expect.REFUSED,
        k -> Req.get(base + "/task/" + k.officerTask() + "/identity-links")));
    return rows;
  }

  Stream<Row> tasklistRows() {
    List<Row> rows = new ArrayList<>();
    String tasks = "GET " + ENGINE + "/task?processInstanceBusinessKey={n}";
    Function<Kase, Req> tasksByKey = k -> Req.get(ENGINE + "/task?processInstanceBusinessKey="
        + k.number());
    String groupTasks = "POST " + ENGINE + "/filter/{My group tasks}/list";
    Function<Kase, Req> groupTaskList = k -> Req.postJson(ENGINE + "/filter/"
        + groupTasksFilterId + "/list", "{}");
    for (Object[] cell : new Object[][] {
        {Who.F, Target.GIRL, OWN_DISTRICT, true},
        {Who.F, Target.BOY, OWN_DISTRICT, true},
        {Who.F, Target.KARACHI, OTHER_DISTRICT, false},
        {Who.M, Target.GIRL, GIRL_FEMALE_ONLY, false},
        {Who.M, Target.BOY, OWN_DISTRICT, true},
        {Who.M, Target.KARACHI, OTHER_DISTRICT, false},
        {Who.KHI, Target.KARACHI, OWN_DISTRICT, true},
        {Who.KHI, Target.GIRL, OTHER_DISTRICT, false},
        {Who.KHI, Target.BOY, OTHER_DISTRICT, false}}) {
      Who who = (Who) cell[0];
      Target target = (Target) cell[1];
      String relation = (String) cell[2];
      Expect expect = (Boolean) cell[3] ? Expect.LISTED : Expect.ABSENT;
      rows.add(tasklist(who, tasks, target, relation, expect, tasksByKey));
      rows.add(tasklist(who, groupTasks, target, relation, expect, groupTaskList));
    }
    rows.add(tasklist(Who.SUP, groupTasks, Target.GIRL, "own district, an officer's task",
        Expect.ABSENT, groupTaskList));
    rows.add(tasklist(Who.F, "GET " + ENGINE + "/task/{id}/form-variables", Target.GIRL,
        OWN_DISTRICT, Expect.OK,
        k -> Req.get(ENGINE + "/task/" + k.officerTask() + "/form-variables")));
    rows.add(tasklist(Who.NOBODY, tasks + " without a session", Target.GIRL, null,
        Expect.UNAUTHORIZED, tasksByKey));
    // The engine's other resources, asked with a properly authenticated Tasklist session.
    rows.addAll(otherResources(Who.F, Target.KARACHI, OTHER_DISTRICT, "tasklist", ENGINE));
    rows.addAll(otherResources(Who.M, Target.GIRL, GIRL_FEMALE_ONLY, "tasklist", ENGINE));
    rows.addAll(otherResources(Who.KHI, Target.BOY, OTHER_DISTRICT, "tasklist", ENGINE));
    // An officer's Tasklist session is no key to Cockpit, nor to Cockpit's own queries' data.
    rows.add(tasklist(Who.F, "GET /camunda/app/cockpit/default/ with the Tasklist session",
        Target.GIRL, "officers have no Cockpit", Expect.REFUSED_LOGIN,
        k -> Req.get("/camunda/app/cockpit/default/")));
    rows.add(tasklist(Who.F, "POST " + COCKPIT_PLUGIN + "/process-instance with the Tasklist"
        + " session", Target.KARACHI, OTHER_DISTRICT, Expect.ABSENT,
        k -> Req.postJson(COCKPIT_PLUGIN + "/process-instance",
            "{\"businessKey\": \"" + k.number() + "\"}")));
    return rows.stream();
  }

  Stream<Row> cockpitRows() {
    List<Row> rows = new ArrayList<>();
    String instances = "GET " + ENGINE + "/process-instance?businessKey={n}";
    Function<Kase, Req> byKey = k -> Req.get(ENGINE + "/process-instance?businessKey="
        + k.number());
    String history = "GET " + ENGINE + "/history/process-instance?processInstanceBusinessKey={n}";
    Function<Kase, Req> historyByKey = k -> Req.get(ENGINE
        + "/history/process-instance?processInstanceBusinessKey=" + k.number());
    String plugin = "POST " + COCKPIT_PLUGIN + "/process-instance {businessKey}";
    Function<Kase, Req> pluginByKey = k -> Req.postJson(COCKPIT_PLUGIN + "/process-instance",
        "{\"businessKey\": \"" + k.number() + "\"}");
    for (Object[] cell : new Object[][] {
        {Who.MPB, Target.GIRL, OWN_PROVINCE, true},
        {Who.MPB, Target.BOY, OWN_PROVINCE, true},
        {Who.MPB, Target.KARACHI, OTHER_PROVINCE, false},
        {Who.MSD, Target.KARACHI, OWN_PROVINCE, true},
        {Who.MSD, Target.GIRL, OTHER_PROVINCE, false},
        {Who.SUP, Target.GIRL, OWN_DISTRICT, true},
        {Who.SUP, Target.KARACHI, OTHER_DISTRICT, false},
        {Who.POL, Target.GIRL, NO_AREA, false},
        {Who.POL, Target.BOY, NO_AREA, false},
        {Who.POL, Target.KARACHI, NO_AREA, false},
        {Who.ADM, Target.KARACHI, NATIONAL, true}}) {
      Who who = (Who) cell[0];
      Target target = (Target) cell[1];
      String relation = (String) cell[2];
      Expect expect = (Boolean) cell[3] ? Expect.LISTED : Expect.ABSENT;
      rows.add(cockpit(who, instances, target, relation, expect, byKey));
      boolean manager = who == Who.MPB || who == Who.MSD;
      rows.add(cockpit(who, history, target, relation, manager ? Expect.ABSENT : expect,
          historyByKey));
      rows.add(cockpit(who, plugin, target, relation, expect, pluginByKey));
    }
    rows.add(cockpit(Who.MPB, "GET " + ENGINE + "/process-instance/{id}/variables",
        Target.KARACHI, OTHER_PROVINCE, Expect.REFUSED,
        k -> Req.get(ENGINE + "/process-instance/" + k.workInstance() + "/variables")));
    rows.add(cockpit(Who.POL, "GET " + ENGINE + "/process-instance/{id}/variables",
        Target.GIRL, NO_AREA, Expect.REFUSED,
        k -> Req.get(ENGINE + "/process-instance/" + k.workInstance() + "/variables")));
    rows.add(cockpit(Who.NOBODY, instances + " without a session", Target.GIRL, null,
        Expect.UNAUTHORIZED, byKey));
    // The engine's other resources, asked with a properly authenticated Cockpit session.
    rows.addAll(otherResources(Who.MPB, Target.KARACHI, OTHER_PROVINCE, "cockpit", ENGINE));
    rows.addAll(otherResources(Who.MSD, Target.BOY, OTHER_PROVINCE, "cockpit", ENGINE));
    rows.addAll(otherResources(Who.SUP, Target.KARACHI, OTHER_DISTRICT, "cockpit", ENGINE));
    rows.addAll(otherResources(Who.POL, Target.GIRL, NO_AREA, "cockpit", ENGINE));
    return rows.stream();
  }

  Stream<Row> dashboardRows() {
    List<Row> rows = new ArrayList<>();
    for (String path : List.of("/dashboard/", "/dashboard/dashboard.js")) {
      rows.add(pageRow(Who.NOBODY, "GET " + path, null, Expect.LOGIN_PAGE, k -> Req.get(path)));
      // The pages never take HTTP Basic: a browser is never asked for it.
      rows.add(basicRow(Who.MPB, "dashboard", "GET " + path + " with HTTP Basic", null,
          "pages use the login session", Expect.LOGIN_PAGE, k -> Req.get(path)));
    }
    for (Who who : Who.users()) {
      rows.add(pageRow(who, "GET /dashboard/", "its figures come from the API", Expect.OK,
          k -> Req.get("/dashboard/")));
    }
    rows.add(pageRow(Who.MPB, "GET /api/sla/clocks?province=PB", OWN_PROVINCE, Expect.OK,
        k -> Req.get("/api/sla/clocks?province=PB")));
    rows.add(pageRow(Who.MPB, "GET /api/sla/clocks?province=SD", OTHER_PROVINCE,
        Expect.FORBIDDEN, k -> Req.get("/api/sla/clocks?province=SD")));
    rows.add(pageRow(Who.POL, "GET /api/pathways", NO_AREA, Expect.OK,
        k -> Req.get("/api/pathways")));
    rows.add(pageRow(Who.MPB, "GET /api/pathways", "pathways are policy staff's", Expect.FORBIDDEN,
        k -> Req.get("/api/pathways")));
    return rows.stream();
  }

  /** A row for the dashboard's login session (the login page, then the XSRF token). */
  private static Row pageRow(Who who, String what, String relation, Expect expect,
      Function<Kase, Req> request) {
    return new Row(who, "dashboard", what, null, relation, expect, PAGES, request);
  }

  Stream<Row> actuatorRows() {
    List<Row> rows = new ArrayList<>();
    rows.add(basicRow(Who.NOBODY, "actuator", "GET /actuator/health", null, null, Expect.OK,
        k -> Req.get("/actuator/health")));
    for (String endpoint : List.of("/actuator/prometheus", "/actuator/metrics")) {
      rows.add(basicRow(Who.NOBODY, "actuator", "GET " + endpoint, null, null,
          Expect.UNAUTHORIZED, k -> Req.get(endpoint)));
      for (Who who : List.of(Who.F, Who.M, Who.KHI, Who.SUP)) {
        rows.add(basicRow(who, "actuator", "GET " + endpoint, null,
            "national figures are not theirs", Expect.FORBIDDEN, k -> Req.get(endpoint)));
      }
      for (Who who : List.of(Who.MPB, Who.MSD, Who.POL, Who.ADM)) {
        rows.add(basicRow(who, "actuator", "GET " + endpoint, null, "figures reader",
            Expect.OK, k -> Req.get(endpoint)));
      }
    }
    return rows.stream();
  }

  /** Which webapps each role may log into (Camunda's application authorizations). */
  Stream<Arguments> logins() {
    List<Arguments> rows = new ArrayList<>();
    Map<Who, List<String>> allowed = Map.of(
        Who.F, List.of("tasklist"),
        Who.M, List.of("tasklist"),
        Who.KHI, List.of("tasklist"),
        Who.SUP, List.of("tasklist", "cockpit"),
        Who.MPB, List.of("cockpit"),
        Who.MSD, List.of("cockpit"),
        Who.POL, List.of("cockpit"),
        Who.ADM, List.of("tasklist", "cockpit", "admin"));
    for (Who who : Who.users()) {
      for (String app : List.of("tasklist", "cockpit", "admin")) {
        boolean may = allowed.get(who).contains(app);
        rows.add(Arguments.of(
            who.label + " (" + who.user + ") / " + app + " login: " + (may ? "200" : "403"),
            who, app, may ? 200 : 403));
      }
    }
    rows.add(Arguments.of(
        "unknown user (nobody.here) / tasklist login: 401", Who.STRANGER, "tasklist", 401));
    return rows.stream();
  }

  // ---------------------------------------------------------------------------------------------
  // Tests

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("logins")
  @DisplayName("Webapp logins: Tasklist for officers and supervisors, Cockpit for supervisors, managers and policy editors")
  void webappLogin(String row, Who who, String app, int expected) throws Exception {
    WebSession session = new WebSession();
    Answer login = session.login(app, who.user);
    assertThat(login.status()).as("%s: %s", row, login).isEqualTo(expected);
    if (expected == 200) {
      JsonNode authorized = json.readTree(login.body()).get("authorizedApps");
      assertThat(authorized.toString()).as("authorizedApps of %s", who.user).contains(app);
    }
  }

  @Order(2)
  @ParameterizedTest(name = "{0}")
  @MethodSource("apiRows")
  @DisplayName("Our API: /api/cases, the child's identity, possible matches, deadlines, bottlenecks, audit")
  void api(Row row) throws Exception {
    run(row);
  }

  @Order(2)
  @ParameterizedTest(name = "{0}")
  @MethodSource("transferRows")
  @DisplayName("Our API: proposing and reading a case's transfers (R-TRANSFER)")
  void transfers(Row row) throws Exception {
    run(row);
  }

  @Order(3)
  @ParameterizedTest(name = "{0}")
  @MethodSource("engineRestRows")
  @DisplayName("Engine REST over HTTP Basic: instances, tasks, variables, history")
  void engineRest(Row row) throws Exception {
    run(row);
  }

  @Order(4)
  @ParameterizedTest(name = "{0}")
  @MethodSource("tasklistRows")
  @DisplayName("Tasklist's REST calls, in a Tasklist login session")
  void tasklistRest(Row row) throws Exception {
    run(row);
  }

  @Order(5)
  @ParameterizedTest(name = "{0}")
  @MethodSource("cockpitRows")
  @DisplayName("Cockpit's REST calls, in a Cockpit login session")
  void cockpitRest(Row row) throws Exception {
    run(row);
  }

  @Order(6)
  @ParameterizedTest(name = "{0}")
  @MethodSource("dashboardRows")
  @DisplayName("Dashboard: behind the login session, never HTTP Basic")
  void dashboard(Row row) throws Exception {
    run(row);
  }

  @Order(7)
  @ParameterizedTest(name = "{0}")
  @MethodSource("actuatorRows")
  @DisplayName("Actuator: health for all, figures for managers, policy staff and administrators")
  void actuator(Row row) throws Exception {
    run(row);
  }

  @Order(8)
  @Test
  @DisplayName("policy editor / Cockpit REST and engine REST: no process instance at all, running or historic")
  void policyEditorSeesNoInstance() throws Exception {
    WebSession cockpit = session(Who.POL, "cockpit");
    for (String path : List.of(ENGINE + "/process-instance/count",
        ENGINE + "/history/process-instance/count")) {
      Answer answer = cockpit.send(Req.get(path));
      assertThat(answer.status()).as("%s: %s", path, answer).isEqualTo(200);
      assertThat(json.readTree(answer.body()).get("count").asLong()).as(path).isZero();
    }
    for (String path : List.of("/engine-rest/process-instance/count",
        "/engine-rest/history/process-instance/count", "/engine-rest/task/count")) {
      Answer answer = basic(Who.POL, Req.get(path));
      assertThat(answer.status()).as("%s: %s", path, answer).isEqualTo(200);
      assertThat(json.readTree(answer.body()).get("count").asLong()).as(path).isZero();
    }
  }

  @Order(9)
  @ParameterizedTest(name = "{0} / Tasklist REST: GET " + ENGINE + "/filter lists \"My group tasks\"")
  @MethodSource("officers")
  @DisplayName("Tasklist: every officer can read the shared \"My group tasks\" filter")
  void officersReadTheGroupTaskFilter(Who who) throws Exception {
    Answer filters = session(who, "tasklist").send(Req.get(ENGINE + "/filter?resourceType=Task"));
    assertThat(filters.status()).as("%s", filters).isEqualTo(200);
    assertThat(filters.body()).contains(groupTasksFilterId)
        .contains(TasklistFilters.MY_GROUP_TASKS);
  }

  Stream<Who> officers() {
    return Stream.of(Who.F, Who.M, Who.KHI);
  }

  // ---------------------------------------------------------------------------------------------
  // Doing, not only seeing: run last, since a claim that wrongly succeeds leaves its mark

  Stream<Row> claimRows() {
    List<Row> rows = new ArrayList<>();
    // Tasklist first: a claim that wrongly succeeds gives the claimant a lasting grant on the
    // task, which would otherwise open the door for the Tasklist row of the same user.
    for (Object[] cell : new Object[][] {
        {Who.F, Target.KARACHI, OTHER_DISTRICT},
        {Who.M, Target.GIRL, GIRL_FEMALE_ONLY},
        {Who.KHI, Target.BOY, OTHER_DISTRICT}}) {
      Who who = (Who) cell[0];
      rows.add(tasklist(who, "POST " + ENGINE + "/task/{id}/claim", (Target) cell[1],
          (String) cell[2], Expect.REFUSED,
          k -> Req.postJson(ENGINE + "/task/" + k.officerTask() + "/claim",
              "{\"userId\": \"" + who.user + "\"}")));
    }
    String claim = "POST /engine-rest/task/{id}/claim";
    for (Object[] cell : new Object[][] {
        {Who.F, Target.KARACHI, OTHER_DISTRICT},
        {Who.M, Target.GIRL, GIRL_FEMALE_ONLY},
        {Who.KHI, Target.BOY, OTHER_DISTRICT},
        {Who.MPB, Target.GIRL, "own province, an officer's task"},
        {Who.POL, Target.GIRL, NO_AREA},
        {Who.NOBODY, Target.GIRL, null}}) {
      Who who = (Who) cell[0];
      Target target = (Target) cell[1];
      String relation = (String) cell[2];
      String claimant = who.user == null ? "cpo.lahore.m" : who.user;
      rows.add(engine(who, claim, target, relation,
          who == Who.NOBODY ? Expect.UNAUTHORIZED : Expect.REFUSED,
          k -> Req.postJson("/engine-rest/task/" + k.officerTask() + "/claim",
              "{\"userId\": \"" + claimant + "\"}")));
    }
    return rows.stream();
  }

  @Order(20)
  @ParameterizedTest(name = "{0}")
  @MethodSource("claimRows")
  @DisplayName("Claiming another area's task, or a girl's task as a man: refused")
  void claim(Row row) throws Exception {
    try {
      run(row);
    } finally {
      // A claim that wrongly went through is undone for the rows that follow.
      for (Kase kase : kases.values()) {
        for (String taskId : kase.taskIds()) {
          Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
          if (task != null && task.getAssignee() != null) {
            taskService.setAssignee(taskId, null);
          }
        }
      }
    }
  }

  @Order(21)
  @Test
  @DisplayName("female officer of Lahore / Tasklist REST: start the case process under Karachi South's case number (past POST /api/cases and its area check): refused")
  void officerCannotStartACaseOfAnotherDistrict() throws Exception {
    Kase karachi = kase(Target.KARACHI);
    String stageBefore = stageOf(karachi.number());
    // The very variables the intake gave the real Karachi case.
    Map<String, Object> variables = runtimeService.getVariables(karachi.caseInstance());
    Map<String, Object> restVariables = new java.util.LinkedHashMap<>();
    variables.forEach((name, value) -> {
      if (value == null) {
        restVariables.put(name, Map.of("type", "Null"));
      } else if (value instanceof String || value instanceof Boolean || value instanceof Integer
          || value instanceof Long) {
        restVariables.put(name, Map.of("value", value,
            "type", value.getClass().getSimpleName()));
      }
    });
    String definitionKey = runtimeService.createProcessInstanceQuery()
        .processInstanceId(karachi.caseInstance()).singleResult().getProcessDefinitionId()
        .split(":")[0];
    String body = json.writeValueAsString(Map.of("businessKey", karachi.number(),
        "variables", restVariables));
    Answer answer = session(Who.F, "tasklist").send(Req.postJson(ENGINE
        + "/process-definition/key/" + definitionKey + "/start", body));
    String stageAfter = stageOf(karachi.number());
    List<String> forged = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(karachi.number()).rootProcessInstances().list().stream()
        .map(ProcessInstance::getId)
        .filter(id -> !karachi.instanceIds().contains(id))
        .toList();
    try {
      assertThat(answer.status())
          .as("cpo.lahore.f starts %s for %s (Karachi South) through Tasklist's REST API:"
              + " answered %s: %s; new instances under that case number: %s; the Karachi"
              + " case file went from [%s] to [%s]", definitionKey, karachi.number(),
              answer.status(), abbreviate(answer.body()), forged, stageBefore, stageAfter)
          .isIn(403, 404);
    } finally {
      for (String id : forged) {
        if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
          runtimeService.deleteProcessInstance(id, "AccessMatrixTest: forged start removed");
        }
      }
    }
  }

  /** The case file as the administrator sees it: stage, since when, open tasks, deadlines. */
  private String stageOf(String caseNumber) throws Exception {
    Answer file = basic(Who.ADM, Req.get("/api/cases/" + caseNumber));
    if (file.status() != 200) {
      return "(" + file.status() + ")";
    }
    JsonNode view = json.readTree(file.body());
    return view.path("stage").asText() + " since " + view.path("stageEnteredAt").asText() + ", "
        + view.path("tasks").size() + " open tasks, " + view.path("deadlines").size()
        + " deadlines";
  }

  @Order(22)
  @Test
  @DisplayName("female officer of Lahore / Tasklist REST: setting femaleOfficersGroup=cpo-pb-lahore through her task does not re-route a girl's case to male officers (R-GIRL-FEMALE-CARE)")
  void anOfficerCannotReRouteAGirlsCase() throws Exception {
    Instant custody = cases.now().minus(Duration.ofHours(2));
    String girl = cases.report(Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE",
        custody.plus(Duration.ofMinutes(30)), custody));
    String femaleOfficers = AreaGroups.femaleOfficers("PB", "Lahore");
    Kase kase = kase(girl, femaleOfficers);
    WebSession female = session(Who.F, "tasklist");
    Answer claim = female.send(Req.postJson(ENGINE + "/task/" + kase.officerTask() + "/claim",
        "{\"userId\": \"cpo.lahore.f\"}"));
    assertThat(claim.status()).as("claim: %s", claim).isEqualTo(204);
    Answer set = female.send(new Req("PUT", ENGINE + "/task/" + kase.officerTask()
        + "/variables/femaleOfficersGroup", "application/json",
        "{\"value\": \"cpo-pb-lahore\", \"type\": \"String\"}"));
    Object routing = runtimeService.getVariable(kase.workInstance(), "femaleOfficersGroup");
    assertThat(routing)
        .as("cpo.lahore.f set femaleOfficersGroup=cpo-pb-lahore on her task %s of girl %s"
            + " through Tasklist's REST API (answered %s: %s): the case's routing variable is"
            + " now %s, so every later officer task of this girl (candidateGroups ${childSex =="
            + " 'F' ? femaleOfficersGroup : officersGroup}) is offered to male officers too",
            kase.officerTask(), girl, set.status(), abbreviate(set.body()), routing)
        .isEqualTo(femaleOfficers);
  }

  // ---------------------------------------------------------------------------------------------
  // Changing a case: every write operation, for every role, on its own and another area's case.
  // Each row is one role, one operation, one case; a row that rightly succeeds must have changed
  // the case and is undone at once; a refused row must leave the case exactly as it was (its
  // tasks' hands, candidates, due dates, comments and files, its variables, its timers and its
  // instances), so an answer of 403 that still did the work is caught.

  /** Who works each case (R-GIRL-FEMALE-CARE: the girl's officer is a woman). */
  private static String officerOf(Target target) {
    return switch (target) {
      case GIRL -> "cpo.lahore.f";
      case BOY -> "cpo.lahore.m";
      case KARACHI -> "cpo.karachi";
    };
  }

  private static String supervisorOf(Target target) {
    return target == Target.KARACHI ? "supervisor.karachi" : "supervisor.lahore";
  }

  private static String officerGroupOf(Target target) {
    return switch (target) {
      case GIRL -> AreaGroups.femaleOfficers("PB", "Lahore");
      case BOY -> AreaGroups.officers("PB", "Lahore");
      case KARACHI -> AreaGroups.officers("SD", "Karachi South");
    };
  }

  /** Someone else the pathway routes the case's task to: who a task is handed to. */
  private static String otherHand(Who who, Target target) {
    return officerOf(target).equals(who.user) ? supervisorOf(target) : officerOf(target);
  }

  /** A role against one case: the same pairs for every operation. */
  record Cell(Who who, Target target, String relation) {

    String key() {
      return who + ":" + target;
    }
  }

  private static final List<Cell> CELLS = List.of(
      new Cell(Who.NOBODY, Target.GIRL, null),
      new Cell(Who.F, Target.GIRL, OWN_DISTRICT),
      new Cell(Who.F, Target.KARACHI, OTHER_DISTRICT),
      new Cell(Who.M, Target.BOY, OWN_DISTRICT),
      new Cell(Who.M, Target.GIRL, GIRL_FEMALE_ONLY),
      new Cell(Who.M, Target.KARACHI, OTHER_DISTRICT),
      new Cell(Who.KHI, Target.KARACHI, OWN_DISTRICT),
      new Cell(Who.KHI, Target.GIRL, OTHER_DISTRICT),
      new Cell(Who.SUP, Target.GIRL, OWN_DISTRICT),
      new Cell(Who.SUP, Target.KARACHI, OTHER_DISTRICT),
      new Cell(Who.MPB, Target.GIRL, OWN_PROVINCE),
      new Cell(Who.MPB, Target.KARACHI, OTHER_PROVINCE),
      new Cell(Who.MSD, Target.KARACHI, OWN_PROVINCE),
      new Cell(Who.MSD, Target.GIRL, OTHER_PROVINCE),
      new Cell(Who.POL, Target.GIRL, NO_AREA),
      new Cell(Who.POL, Target.KARACHI, NO_AREA),
      new Cell(Who.ADM, Target.GIRL, NATIONAL),
      new Cell(Who.ADM, Target.KARACHI, NATIONAL));

  /** Who may work each case's task: its officers, its district's supervisors, administrators. */
  private static final Set<String> WORKERS =
      Set.of("F:GIRL", "M:BOY", "KHI:KARACHI", "SUP:GIRL", "ADM:GIRL", "ADM:KARACHI");
  /** Who may take a case's task: the people it is routed to (an administrator is not one). */
  private static final Set<String> TAKERS = Set.of("F:GIRL", "M:BOY", "KHI:KARACHI", "SUP:GIRL");
  /** Who may hand a case's task to someone else or change its candidates. */
  private static final Set<String> REASSIGNERS = Set.of("SUP:GIRL", "ADM:GIRL", "ADM:KARACHI");
  private static final Set<String> ADMINISTRATORS = Set.of("ADM:GIRL", "ADM:KARACHI");
  private static final Set<String> NOBODY_AT_ALL = Set.of();

  /**
   * How a write row touches its case: {@code prepare} sets the stage (e.g. a task already
   * claimed) and {@code lasting} marks a change that cannot be undone (a timer run, a case
   * deleted), which the row list puts last.
   */
  record Effect(Consumer<Kase> prepare, boolean lasting) {

    static final Effect UNDONE = new Effect(k -> {}, false);
  }

  record WriteRow(Row row, Effect effect) {

    @Override
    public String toString() {
      return row.toString();
    }
  }

  /**
   * One operation for every pair of {@link #CELLS}: those in {@code allowed} get {@code success},
   * others who may work the task get 403 (the engine refuses the change itself), the rest 403 or
   * 404 (the task is not theirs to see), and no credentials 401.
   */
  private List<WriteRow> everyone(String app, String what, Set<String> allowed, Expect success,
      Effect effect, java.util.function.BiFunction<Cell, Kase, Req> request) {
    return everyone(app, what, allowed, success, Expect.REFUSED, effect, request);
  }

  /** As above, with {@code unseen} the answer to those who may not see the task at all. */
  private List<WriteRow> everyone(String app, String what, Set<String> allowed, Expect success,
      Expect unseen, Effect effect, java.util.function.BiFunction<Cell, Kase, Req> request) {
    List<WriteRow> rows = new ArrayList<>();
    for (Cell cell : CELLS) {
      if (app != null && !mayLogInto(cell.who(), app)) {
        continue;
      }
      Expect expect = cell.who() == Who.NOBODY ? Expect.UNAUTHORIZED
          : allowed.contains(cell.key()) ? success
          : WORKERS.contains(cell.key()) ? Expect.FORBIDDEN : unseen;
      rows.add(new WriteRow(writeRow(app, cell.who(), what, cell.target(), cell.relation(),
          expect, k -> request.apply(cell, k)), effect));
    }
    return rows;
  }

  private static Row writeRow(String app, Who who, String what, Target target, String relation,
      Expect expect, Function<Kase, Req> request) {
    String door = app == null ? "engine REST" : "tasklist".equals(app) ? "Tasklist REST"
        : "Cockpit REST";
    return new Row(who, door, what + " of the " + target.label, target, relation, expect, app,
        request);
  }

  private static boolean mayLogInto(Who who, String app) {
    return who == Who.NOBODY || switch (app) {
      case "tasklist" -> List.of(Who.F, Who.M, Who.KHI, Who.SUP, Who.ADM).contains(who);
      case "cockpit" -> List.of(Who.SUP, Who.MPB, Who.MSD, Who.POL, Who.ADM).contains(who);
      default -> false;
    };
  }

  private static String base(String app) {
    return app == null ? "/engine-rest" : ENGINE;
  }

  private static String userJson(String user) {
    return "{\"userId\": \"" + user + "\"}";
  }

  private static final String NOTE = "matrixNote";
  private static final String NOTE_VALUE = "{\"value\": \"checked\", \"type\": \"String\"}";

  /** The same girl's value turned the other way: the re-routing an insider would want. */
  private static String flippedSex(Target target) {
    return target == Target.GIRL ? "M" : "F";
  }

  /** The case's warning timer (R-COURT-24H), whose run only marks the clock at risk. */
  private String warningTimer(Kase kase) {
    // One instance at a time: the engine's job query cannot combine an activity with a list of
    // instances (its SQL lacks an AND between them).
    return kase.instanceIds().stream()
        .map(id -> managementService.createJobQuery().processInstanceId(id)
            .activityId("Timer_CourtWarning").singleResult())
        .filter(java.util.Objects::nonNull).map(Job::getId).findFirst()
        .orElseThrow(() -> new AssertionError("Case " + kase.number()
            + " has no Timer_CourtWarning job"));
  }

  /** Tasklist's "save" of a task with every field as it is, but the due date a month later. */
  private Req moveDueDate(String base, Kase kase) {
    Task task = taskService.createTaskQuery().taskId(kase.officerTask()).singleResult();
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("name", task.getName());
    body.put("description", task.getDescription());
    body.put("priority", task.getPriority());
    body.put("assignee", task.getAssignee());
    body.put("owner", task.getOwner());
    body.put("due", REST_DATE.format(Instant.now().plus(Duration.ofDays(30))));
    body.put("followUp", task.getFollowUpDate() == null ? null
        : REST_DATE.format(task.getFollowUpDate().toInstant()));
    body.put("parentTaskId", task.getParentTaskId());
    body.put("caseInstanceId", task.getCaseInstanceId());
    body.put("tenantId", task.getTenantId());
    try {
      return Req.putJson(base + "/task/" + kase.officerTask(), json.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final java.time.format.DateTimeFormatter REST_DATE =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
          .withZone(java.time.ZoneOffset.UTC);

  private static Req urlAttachment(String base, Kase kase) {
    String boundary = "matrixBoundary";
    StringBuilder body = new StringBuilder();
    for (String[] part : new String[][] {{"attachment-name", "receipt"},
        {"attachment-description", "court receipt"}, {"attachment-type", "text/uri-list"},
        {"url", "https://example.invalid/receipt"}}) {
      body.append("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"").append(part[0]).append("\"\r\n\r\n")
          .append(part[1]).append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return new Req("POST", base + "/task/" + kase.officerTask() + "/attachment/create",
        "multipart/form-data; boundary=" + boundary, body.toString());
  }

  Stream<WriteRow> writeRows() {
    List<WriteRow> rows = new ArrayList<>();
    // Officers take and give back their own tasks; only supervisors and administrators hand a
    // task to someone else, and only to someone the pathway routes it to (R-GIRL-FEMALE-CARE).
    for (String app : java.util.Arrays.asList(null, "tasklist")) {
      String b = base(app);
      rows.addAll(everyone(app, "POST " + b + "/task/{id}/claim for oneself", TAKERS,
          Expect.NO_CONTENT, Effect.UNDONE, (c, k) -> Req.postJson(b + "/task/"
              + k.officerTask() + "/claim", userJson(c.who().user == null
                  ? officerOf(c.target()) : c.who().user))));
      rows.addAll(everyone(app, "POST " + b + "/task/{id}/assignee (to someone else it is"
          + " routed to)", REASSIGNERS, Expect.NO_CONTENT, Effect.UNDONE,
          (c, k) -> Req.postJson(b + "/task/" + k.officerTask() + "/assignee",
              userJson(otherHand(c.who(), c.target())))));
      rows.addAll(everyone(app, "POST " + b + "/task/{id}/delegate (to someone else it is"
          + " routed to)", REASSIGNERS, Expect.NO_CONTENT, Effect.UNDONE,
          (c, k) -> Req.postJson(b + "/task/" + k.officerTask() + "/delegate",
              userJson(otherHand(c.who(), c.target())))));
      rows.addAll(everyone(app, "POST " + b + "/task/{id}/identity-links (a candidate it is"
          + " routed to)", REASSIGNERS, Expect.NO_CONTENT, Effect.UNDONE,
          (c, k) -> Req.postJson(b + "/task/" + k.officerTask() + "/identity-links",
              "{\"userId\": \"" + otherHand(c.who(), c.target())
                  + "\", \"type\": \"candidate\"}")));
    }
    // Giving back a task: its own officer holds it.
    Effect claimedByItsOfficer = new Effect(
        k -> taskService.setAssignee(k.officerTask(), officerOf(targetOf(k))), false);
    Set<String> unclaimers = Set.of("F:GIRL", "M:BOY", "KHI:KARACHI", "SUP:GIRL", "ADM:GIRL",
        "ADM:KARACHI");
    rows.addAll(everyone(null, "POST /engine-rest/task/{id}/unclaim (held by its officer)",
        unclaimers, Expect.NO_CONTENT, claimedByItsOfficer,
        (c, k) -> Req.postJson("/engine-rest/task/" + k.officerTask() + "/unclaim", "{}")));
    rows.addAll(everyone(null, "POST /engine-rest/task/{id}/identity-links/delete (its"
        + " officers' candidate group)", REASSIGNERS, Expect.NO_CONTENT, Effect.UNDONE,
        (c, k) -> Req.postJson("/engine-rest/task/" + k.officerTask()
            + "/identity-links/delete", "{\"groupId\": \"" + officerGroupOf(c.target())
                + "\", \"type\": \"candidate\"}")));
    // Nobody, an administrator included, hands a girl's task to a man or a focal point, or
    // offers it to the district's male officers (R-GIRL-FEMALE-CARE).
    for (Who who : List.of(Who.SUP, Who.ADM)) {
      for (String[] change : new String[][] {
          {"/assignee", userJson("cpo.lahore.m"), "assignee: a male officer"},
          {"/delegate", userJson("focal.police.lahore"), "delegate: a focal point"},
          {"/identity-links", "{\"groupId\": \"" + AreaGroups.officers("PB", "Lahore")
              + "\", \"type\": \"candidate\"}", "identity-links: the male officers' group"}}) {
        rows.add(new WriteRow(writeRow(null, who, "POST /engine-rest/task/{id}" + change[2],
            Target.GIRL, GIRL_FEMALE_ONLY + " (R-GIRL-FEMALE-CARE)", Expect.FORBIDDEN,
            k -> Req.postJson("/engine-rest/task/" + k.officerTask() + change[0], change[1])),
            Effect.UNDONE));
      }
    }

    // The due date of Apply to the magistrate is the R-COURT-24H clock's: nobody moves it.
    for (String app : java.util.Arrays.asList(null, "tasklist")) {
      String b = base(app);
      rows.addAll(everyone(app, "PUT " + b + "/task/{id} with the due date a month later",
          NOBODY_AT_ALL, Expect.NO_CONTENT, Effect.UNDONE, (c, k) -> moveDueDate(b, k)));
    }

    // Comments and files: whoever may work the task; a task one may not see is not found.
    for (String app : java.util.Arrays.asList(null, "tasklist")) {
      String b = base(app);
      rows.addAll(everyone(app, "POST " + b + "/task/{id}/comment/create", WORKERS, Expect.OK,
          Expect.REFUSED, Effect.UNDONE, (c, k) -> Req.postJson(b + "/task/" + k.officerTask()
              + "/comment/create", "{\"message\": \"Magistrate's office called back\"}")));
    }
    rows.addAll(everyone(null, "POST /engine-rest/task/{id}/attachment/create (a link)",
        WORKERS, Expect.OK, Expect.REFUSED, Effect.UNDONE,
        (c, k) -> urlAttachment("/engine-rest", k)));

    // Variables, by every path: an ordinary one by whoever may work the task (the instance's
    // own only by administrators); the routing ones by nobody (R-GIRL-FEMALE-CARE).
    for (String app : java.util.Arrays.asList(null, "tasklist")) {
      String b = base(app);
      rows.addAll(everyone(app, "PUT " + b + "/task/{id}/variables/" + NOTE, WORKERS,
          Expect.NO_CONTENT, Effect.UNDONE, (c, k) -> Req.putJson(b + "/task/"
              + k.officerTask() + "/variables/" + NOTE, NOTE_VALUE)));
      rows.addAll(everyone(app, "PUT " + b + "/task/{id}/variables/childSex", NOBODY_AT_ALL,
          Expect.NO_CONTENT, Effect.UNDONE, (c, k) -> Req.putJson(b + "/task/"
              + k.officerTask() + "/variables/childSex",
              "{\"value\": \"" + flippedSex(c.target()) + "\", \"type\": \"String\"}")));
    }
    rows.addAll(everyone(null, "PUT /engine-rest/task/{id}/localVariables/" + NOTE, WORKERS,
        Expect.NO_CONTENT, Effect.UNDONE, (c, k) -> Req.putJson("/engine-rest/task/"
            + k.officerTask() + "/localVariables/" + NOTE, NOTE_VALUE)));
    rows.addAll(everyone(null, "POST /engine-rest/task/{id}/variables {modifications: "
        + NOTE + "}", WORKERS, Expect.NO_CONTENT, Effect.UNDONE,
        (c, k) -> Req.postJson("/engine-rest/task/" + k.officerTask() + "/variables",
            "{\"modifications\": {\"" + NOTE + "\": " + NOTE_VALUE + "}}")));
    rows.addAll(everyone(null, "PUT /engine-rest/task/{id}/localVariables/femaleOfficersGroup",
        NOBODY_AT_ALL, Expect.NO_CONTENT, Effect.UNDONE, (c, k) -> Req.putJson(
            "/engine-rest/task/" + k.officerTask() + "/localVariables/femaleOfficersGroup",
            "{\"value\": \"" + AreaGroups.officers("PB", "Lahore")
                + "\", \"type\": \"String\"}")));
    rows.addAll(everyone(null, "POST /engine-rest/task/{id}/variables {modifications: province}",
        NOBODY_AT_ALL, Expect.NO_CONTENT, Effect.UNDONE, (c, k) -> Req.postJson(
            "/engine-rest/task/" + k.officerTask() + "/variables",
            "{\"modifications\": {\"province\": {\"value\": \"SD\", \"type\": \"String\"}}}")));
    rows.addAll(everyone(null, "DELETE /engine-rest/task/{id}/variables/district",
        NOBODY_AT_ALL, Expect.NO_CONTENT, Effect.UNDONE, (c, k) -> new Req("DELETE",
            "/engine-rest/task/" + k.officerTask() + "/variables/district", null, null)));
    for (String app : java.util.Arrays.asList(null, "cockpit")) {
      String b = base(app);
      rows.addAll(everyone(app, "PUT " + b + "/process-instance/{id}/variables/" + NOTE,
          ADMINISTRATORS, Expect.NO_CONTENT, Effect.UNDONE, (c, k) -> Req.putJson(b
              + "/process-instance/" + k.workInstance() + "/variables/" + NOTE, NOTE_VALUE)));
      rows.addAll(everyone(app, "PUT " + b + "/process-instance/{id}/variables/childSex",
          NOBODY_AT_ALL, Expect.NO_CONTENT, Effect.UNDONE, (c, k) -> Req.putJson(b
              + "/process-instance/" + k.workInstance() + "/variables/childSex",
              "{\"value\": \"" + flippedSex(c.target()) + "\", \"type\": \"String\"}")));
    }
    rows.addAll(everyone(null, "POST /engine-rest/process-instance/{id}/variables"
        + " {modifications: officersGroup}", NOBODY_AT_ALL, Expect.NO_CONTENT, Effect.UNDONE,
        (c, k) -> Req.postJson("/engine-rest/process-instance/" + k.workInstance()
            + "/variables", "{\"modifications\": {\"officersGroup\": {\"value\": \""
                + AreaGroups.officers("PB", "Lahore") + "\", \"type\": \"String\"}}}")));
    rows.addAll(everyone(null, "PUT /engine-rest/execution/{id}/localVariables/childSex",
        NOBODY_AT_ALL, Expect.NO_CONTENT, Effect.UNDONE, (c, k) -> Req.putJson(
            "/engine-rest/execution/" + k.workInstance() + "/localVariables/childSex",
            "{\"value\": \"" + flippedSex(c.target()) + "\", \"type\": \"String\"}")));

    // The statutory timers (R-COURT-24H) and the instances: administrators only.
    for (String app : java.util.Arrays.asList(null, "cockpit")) {
      String b = base(app);
      rows.addAll(everyone(app, "PUT " + b + "/job/{warning timer}/retries", ADMINISTRATORS,
          Expect.NO_CONTENT, Effect.UNDONE, (c, k) -> Req.putJson(b + "/job/" + warningTimer(k)
              + "/retries", "{\"retries\": 0}")));
      rows.addAll(everyone(app, "PUT " + b + "/job/{warning timer}/duedate", ADMINISTRATORS,
          Expect.NO_CONTENT, Effect.UNDONE, (c, k) -> Req.putJson(b + "/job/" + warningTimer(k)
              + "/duedate", "{\"duedate\": \"" + REST_DATE.format(Instant.now()
                  .plus(Duration.ofDays(30))) + "\"}")));
      rows.addAll(everyone(app, "PUT " + b + "/job/{warning timer}/suspended", ADMINISTRATORS,
          Expect.NO_CONTENT, Effect.UNDONE, (c, k) -> Req.putJson(b + "/job/" + warningTimer(k)
              + "/suspended", "{\"suspended\": true}")));
      rows.addAll(everyone(app, "PUT " + b + "/process-instance/{id}/suspended",
          ADMINISTRATORS, Expect.NO_CONTENT, Effect.UNDONE, (c, k) -> Req.putJson(b
              + "/process-instance/" + k.workInstance() + "/suspended",
              "{\"suspended\": true}")));
    }
    // Deleting a statutory timer cannot be undone: the administrator's own row is left out.
    rows.addAll(everyone(null, "DELETE /engine-rest/job/{warning timer}", NOBODY_AT_ALL,
        Expect.NO_CONTENT, Effect.UNDONE,
        (c, k) -> new Req("DELETE", "/engine-rest/job/" + warningTimer(k), null, null)).stream()
        .filter(row -> row.row().who() != Who.ADM).toList());
    // Running the warning timer only marks the clock at risk; the administrator's rows run it
    // for good, so they come last among the timers' rows.
    for (String app : java.util.Arrays.asList("cockpit", null)) {
      String b = base(app);
      List<WriteRow> execute = everyone(app, "POST " + b + "/job/{warning timer}/execute",
          ADMINISTRATORS, Expect.NO_CONTENT, new Effect(k -> {}, true),
          (c, k) -> Req.postJson(b + "/job/" + warningTimer(k) + "/execute", "{}"));
      rows.addAll(execute.stream().filter(row -> app != null ? row.row().who() != Who.ADM
          : true).toList());
    }
    // Deleting a case: the administrator's rows come last of all.
    rows.addAll(everyone(null, "DELETE /engine-rest/process-instance/{id} (the case)",
        ADMINISTRATORS, Expect.NO_CONTENT, new Effect(k -> {}, true),
        (c, k) -> new Req("DELETE", "/engine-rest/process-instance/" + k.caseInstance(), null,
            null)));
    return rows.stream();
  }

  private Target targetOf(Kase kase) {
    return kases.entrySet().stream().filter(e -> e.getValue() == kase).map(Map.Entry::getKey)
        .findFirst().orElseThrow();
  }

  @Order(23)
  @ParameterizedTest(name = "{0}")
  @MethodSource("writeRows")
  @DisplayName("Changing a case: claim, assign, delegate, candidates, due date, comments, files, variables, timers, suspend, delete")
  void write(WriteRow write) throws Exception {
    Row row = write.row();
    Kase kase = kase(row.target());
    Snapshot baseline = snapshot(kase);
    write.effect().prepare().accept(kase);
    Snapshot before = snapshot(kase);
    AssertionError answer = null;
    try {
      try {
        run(row);
      } catch (AssertionError wrongAnswer) {
        answer = wrongAnswer;
      }
      Snapshot after = snapshot(kase);
      boolean success = row.expect() == Expect.OK || row.expect() == Expect.NO_CONTENT;
      String what = row + (answer == null ? "" : "\n  " + answer.getMessage());
      if (success) {
        assertThat(after.text()).as("the change was made: %s", what).isNotEqualTo(before.text());
      } else {
        assertThat(after.text()).as("a refused change leaves the case as it was: %s", what)
            .isEqualTo(before.text());
      }
      if (answer != null) {
        throw answer;
      }
    } finally {
      if (!write.effect().lasting()) {
        restore(baseline);
        assertThat(snapshot(kase).text()).as("undone after: %s", row).isEqualTo(baseline.text());
      }
    }
  }

  /** Everything of a case a write could change, and can be put back. */
  record Snapshot(List<TaskState> tasks, List<VariableInstance> variables, List<Job> jobs,
      List<ProcessInstance> instances) {

    String text() {
      StringBuilder text = new StringBuilder();
      tasks.forEach(task -> text.append(task).append('\n'));
      variables.stream().map(v -> "variable " + v.getName() + "@" + v.getExecutionId()
          + (v.getTaskId() == null ? "" : "/task " + v.getTaskId()) + " = " + valueOf(v))
          .sorted().forEach(line -> text.append(line).append('\n'));
      jobs.stream().map(job -> "job " + job.getId() + " retries " + job.getRetries() + " due "
          + job.getDuedate() + (job.isSuspended() ? " suspended" : "")).sorted()
          .forEach(line -> text.append(line).append('\n'));
      instances.stream().map(instance -> "instance " + instance.getId()
          + (instance.isSuspended() ? " suspended" : "")).sorted()
          .forEach(line -> text.append(line).append('\n'));
      return text.toString();
    }

    static String valueOf(VariableInstance variable) {
      TypedValue value = variable.getTypedValue();
      return value instanceof SerializableValue serializable && !serializable.isDeserialized()
          ? serializable.getValueSerialized() : String.valueOf(value.getValue());
    }
  }

  record TaskState(String id, String assignee, String owner, DelegationState delegation,
      java.util.Date due, List<String> candidates, List<String> comments,
      List<String> attachments) {}

  private Snapshot snapshot(Kase kase) {
    List<TaskState> tasks = new ArrayList<>();
    for (String id : kase.taskIds()) {
      Task task = taskService.createTaskQuery().taskId(id).singleResult();
      if (task == null) {
        continue;
      }
      List<String> candidates = taskService.getIdentityLinksForTask(id).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
          .map(link -> link.getUserId() != null ? "user:" + link.getUserId()
              : "group:" + link.getGroupId())
          .sorted().toList();
      tasks.add(new TaskState(id, task.getAssignee(), task.getOwner(), task.getDelegationState(),
          task.getDueDate(), candidates,
          taskService.getTaskComments(id).stream().map(Comment::getId).sorted().toList(),
          taskService.getTaskAttachments(id).stream().map(Attachment::getId).sorted().toList()));
    }
    String[] ids = kase.instanceIds().toArray(String[]::new);
    return new Snapshot(tasks,
        runtimeService.createVariableInstanceQuery().processInstanceIdIn(ids)
            .disableCustomObjectDeserialization().list(),
        managementService.createJobQuery().processInstanceIds(kase.instanceIds()).list(),
        runtimeService.createProcessInstanceQuery().processInstanceIds(kase.instanceIds())
            .list());
  }

  private CommandExecutor commands() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  /** Puts a case back as it was: done by the application, not by a person. */
  private void restore(Snapshot baseline) {
    for (TaskState was : baseline.tasks()) {
      commands().execute(context -> {
        TaskEntity task = context.getTaskManager().findTaskById(was.id());
        if (task != null) {
          task.setAssigneeWithoutCascade(was.assignee());
          task.setOwnerWithoutCascade(was.owner());
          task.setDelegationStateWithoutCascade(was.delegation());
          task.setDueDateWithoutCascade(was.due());
        }
        return null;
      });
      if (taskService.createTaskQuery().taskId(was.id()).count() == 0) {
        continue;
      }
      for (IdentityLink link : taskService.getIdentityLinksForTask(was.id())) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (link.getUserId() != null && !was.candidates().contains("user:" + link.getUserId())) {
          taskService.deleteCandidateUser(was.id(), link.getUserId());
        } else if (link.getGroupId() != null
            && !was.candidates().contains("group:" + link.getGroupId())) {
          taskService.deleteCandidateGroup(was.id(), link.getGroupId());
        }
      }
      for (String candidate : was.candidates()) {
        String[] kindAndId = candidate.split(":", 2);
        boolean present = taskService.getIdentityLinksForTask(was.id()).stream()
            .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                && kindAndId[1].equals("user".equals(kindAndId[0]) ? link.getUserId()
                    : link.getGroupId()));
        if (!present && "user".equals(kindAndId[0])) {
          taskService.addCandidateUser(was.id(), kindAndId[1]);
        } else if (!present) {
          taskService.addCandidateGroup(was.id(), kindAndId[1]);
        }
      }
      taskService.getTaskComments(was.id()).stream()
          .filter(comment -> !was.comments().contains(comment.getId()))
          .forEach(comment -> taskService.deleteTaskComment(was.id(), comment.getId()));
      taskService.getTaskAttachments(was.id()).stream()
          .filter(attachment -> !was.attachments().contains(attachment.getId()))
          .forEach(attachment -> taskService.deleteTaskAttachment(was.id(), attachment.getId()));
    }
    Map<String, VariableInstance> variables = new java.util.HashMap<>();
    baseline.variables().forEach(v -> variables.put(v.getId(), v));
    String[] ids = baseline.instances().stream().map(ProcessInstance::getId)
        .toArray(String[]::new);
    if (ids.length > 0) {
      for (VariableInstance now : runtimeService.createVariableInstanceQuery()
          .processInstanceIdIn(ids).disableCustomObjectDeserialization().list()) {
        VariableInstance was = variables.remove(now.getId());
        if (was == null || !was.getName().equals(now.getName())) {
          if (now.getTaskId() != null) {
            taskService.removeVariableLocal(now.getTaskId(), now.getName());
          } else {
            runtimeService.removeVariableLocal(now.getExecutionId(), now.getName());
          }
        } else if (!Snapshot.valueOf(was).equals(Snapshot.valueOf(now))) {
          runtimeService.setVariableLocal(was.getExecutionId(), was.getName(),
              was.getTypedValue());
        }
      }
    }
    // A variable removed by a row comes back (ids change, values do not).
    variables.values().forEach(was -> {
      if (was.getTaskId() != null) {
        taskService.setVariableLocal(was.getTaskId(), was.getName(), was.getTypedValue());
      } else {
        runtimeService.setVariableLocal(was.getExecutionId(), was.getName(),
            was.getTypedValue());
      }
    });
    for (Job was : baseline.jobs()) {
      Job now = managementService.createJobQuery().jobId(was.getId()).singleResult();
      if (now == null) {
        continue;
      }
      if (now.getRetries() != was.getRetries()) {
        managementService.setJobRetries(was.getId(), was.getRetries());
      }
      if (!java.util.Objects.equals(now.getDuedate(), was.getDuedate())) {
        managementService.setJobDuedate(was.getId(), was.getDuedate());
      }
      if (now.isSuspended() && !was.isSuspended()) {
        managementService.activateJobById(was.getId());
      }
    }
    for (ProcessInstance was : baseline.instances()) {
      ProcessInstance now = runtimeService.createProcessInstanceQuery()
          .processInstanceId(was.getId()).singleResult();
      if (now != null && now.isSuspended() && !was.isSuspended()) {
        runtimeService.activateProcessInstanceById(was.getId());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Running a row

  private void run(Row row) throws Exception {
    Kase kase = kase(row.target());
    Req request = row.request().apply(kase);
    Answer answer;
    if (row.app() == null) {
      answer = basic(row.who(), request);
    } else if (PAGES.equals(row.app())) {
      answer = pageSession(row.who()).send(request);
    } else if (row.who() == Who.NOBODY) {
      answer = new WebSession().send(request);
    } else {
      answer = session(row.who(), row.app()).send(request);
    }
    check(row, request, answer, kase);
  }

  private void check(Row row, Req request, Answer answer, Kase kase) {
    String what = row + "\n  " + request.method() + " " + request.path() + "\n  answered "
        + answer.status() + ": " + abbreviate(answer.body());
    Set<String> marks = kase == null ? Set.of() : kase.marks();
    switch (row.expect()) {
      case SHOWN, LISTED -> {
        assertThat(answer.status()).as(what).isEqualTo(200);
        assertThat(marks).as("the answer carries the case: " + what)
            .anyMatch(answer.body()::contains);
      }
      case ABSENT -> {
        assertThat(answer.status()).as(what).isEqualTo(200);
        assertThat(marks).as("nothing of the case may be in the answer: " + what)
            .noneMatch(answer.body()::contains);
      }
      case IDENTITY_SHOWN -> {
        assertThat(answer.status()).as(what).isEqualTo(200);
        assertThat(answer.body()).as(what).contains(CHILD_NAME);
      }
      case OK -> assertThat(answer.status()).as(what).isEqualTo(200);
      case NO_CONTENT -> assertThat(answer.status()).as(what).isEqualTo(204);
      case INVALID -> assertThat(answer.status()).as(what).isEqualTo(400);
      case UNAUTHORIZED -> assertThat(answer.status()).as(what).isEqualTo(401);
      case FORBIDDEN -> assertThat(answer.status()).as(what).isEqualTo(403);
      case NOT_FOUND -> assertThat(answer.status()).as(what).isEqualTo(404);
      case REFUSED -> assertThat(answer.status()).as(what).isIn(403, 404);
      case REFUSED_LOGIN -> assertThat(answer.status()).as(what).isIn(401, 403);
      case LOGIN_PAGE -> {
        assertThat(answer.status()).as(what).isEqualTo(302);
        assertThat(answer.location()).as(what).endsWith("/login");
        assertThat(answer.challenge()).as(what).isNull();
      }
      default -> fail("No check for " + row.expect());
    }
    if (answer.status() >= 400) {
      assertThat(answer.body()).as("a refusal reveals nothing: " + what)
          .doesNotContain(CHILD_NAME);
      if (kase != null) {
        kase.taskIds().forEach(task -> {
          if (!request.path().contains(task)) {
            assertThat(answer.body()).as("a refusal reveals no task: " + what)
                .doesNotContain(task);
          }
        });
      }
    }
  }

  private static String abbreviate(String body) {
    String flat = body.replaceAll("\\s+", " ");
    return flat.length() <= 600 ? flat : flat.substring(0, 600) + "...";
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private Answer basic(Who who, Req req) throws IOException, InterruptedException {
    HttpRequest.Builder builder = builder(base() + req.path(), req);
    if (who.user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (who.user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response = http.send(builder.build(),
        HttpResponse.BodyHandlers.ofString());
    return Answer.of(response);
  }

  private static HttpRequest.Builder builder(String url, Req req) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", ACCEPT);
    HttpRequest.BodyPublisher body = req.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(req.body());
    if (req.contentType() != null) {
      builder.header("Content-Type", req.contentType());
    }
    return builder.method(req.method(), body);
  }

  private WebSession session(Who who, String app) throws Exception {
    String key = who.user + "@" + app;
    WebSession session = sessions.get(key);
    if (session == null) {
      session = new WebSession();
      Answer login = session.login(app, who.user);
      assertThat(login.status()).as("%s logs into %s: %s", who.user, app, login).isEqualTo(200);
      sessions.put(key, session);
    }
    return session;
  }

  private PageSessionClient pageSession(Who who) throws Exception {
    PageSessionClient session = new PageSessionClient(new PageSession(port));
    if (who.user != null) {
      HttpResponse<String> login = session.browser().signIn(who.user);
      assertThat(login.headers().firstValue("Location").orElse(""))
          .as("%s signs in to the dashboard", who.user).doesNotContain("error");
    }
    return session;
  }

  /** The dashboard's login session, sending the matrix's requests with its XSRF token. */
  private record PageSessionClient(PageSession browser) {

    Answer send(Req req) throws IOException, InterruptedException {
      HttpRequest.Builder request = browser.request(req.path())
          .timeout(Duration.ofSeconds(60))
          .header("Accept", "application/json");
      browser.token().filter(token -> !"GET".equals(req.method()))
          .ifPresent(token -> request.header("X-XSRF-TOKEN", token));
      if (req.contentType() != null) {
        request.header("Content-Type", req.contentType());
      }
      request.method(req.method(), req.body() == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(req.body()));
      return Answer.of(browser.send(request));
    }
  }

  /** A login session with Tasklist or Cockpit, sending the matrix's requests. */
  private final class WebSession {

    private final WebappSession browser = new WebappSession(port, ACCEPT);

    Answer login(String app, String user) throws IOException, InterruptedException {
      HttpResponse<String> login = browser.login(app, user);
      return new Answer(login.statusCode(), login.body());
    }

    Answer send(Req req) throws IOException, InterruptedException {
      HttpResponse<String> response = browser.send(req.method(), req.path(), req.contentType(),
          req.body());
      return new Answer(response.statusCode(), response.body());
    }
  }
}
