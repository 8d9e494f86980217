package pk.hifazat.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.sla.Clock;
import pk.hifazat.sla.DeadlineClocks;

/**
 * The same child found again in another district: the officer sees a possible earlier case by
 * district, stage and dates, never the other child's identity or (outside their area) the other
 * case's number; the other district's supervisor confirms or declines, and a confirmed match
 * links the cases and counts the child as found again. Over real HTTP, as the officers work.
 */
@HifazatTest
class SameChildFoundAgainTest {

  private static final String KHI_OFFICER = "cpo.khisouth.f";
  private static final String KHI_SUPERVISOR = "supervisor.khisouth";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String[][] LETTERS = {{"b", "ب"}, {"d", "د"}, {"f", "ف"}, {"g", "گ"},
      {"j", "ج"}, {"l", "ل"}, {"m", "م"}, {"n", "ن"}, {"p", "پ"}, {"r", "ر"}, {"t", "ت"},
      {"z", "ز"}};

  @LocalServerPort int port;
  @Autowired CaseDriver cases;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired DeadlineClocks clocks;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  /** A made-up name part, in Latin letters and in Urdu script, that no other test uses. */
  record Word(String latin, String urdu) {
    static Word fresh() {
      StringBuilder latin = new StringBuilder();
      StringBuilder urdu = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        String[] letter = LETTERS[RANDOM.nextInt(LETTERS.length)];
        latin.append(i == 0 ? letter[0].toUpperCase() : letter[0]).append(i < 3 ? "a" : "");
        urdu.append(letter[1]).append(i < 3 ? "ا" : "");
      }
      return new Word(latin.toString(), urdu.toString());
    }
  }

  @BeforeEach
  void karachiSouthHasAFemaleOfficerAndASupervisor() {
    group("officers");
    group("supervisors");
    group(AreaGroups.officers("SD", "Karachi South"));
    group(AreaGroups.femaleOfficers("SD", "Karachi South"));
    group(AreaGroups.supervisors("SD", "Karachi South"));
    user(KHI_OFFICER, "officers", AreaGroups.officers("SD", "Karachi South"),
        AreaGroups.femaleOfficers("SD", "Karachi South"));
    user(KHI_SUPERVISOR, "supervisors", AreaGroups.supervisors("SD", "Karachi South"));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  // --- the scenario's parts ---------------------------------------------------------------

  /** A girl reported in the district, {@code daysAgo} days ago, aged 13. */
  private String girl(String province, String district, int daysAgo, String offences)
      throws Exception {
    Instant reported = cases.now().minus(Duration.ofDays(daysAgo));
    return cases.report(Reports.notInCustody(province, district, "F", offences, reported)
        .replace("\"ageYears\": 12", "\"ageYears\": 13"));
  }

  private void identity(String user, String caseNumber, String name, String father,
      String address) throws Exception {
    String body = json.writeValueAsString(Map.of("name", name, "parents", List.of(father),
        "address", address));
    Answer put = send(user, "PUT", "/api/cases/" + caseNumber + "/identity", body);
    assertThat(put.status()).as(put.body()).isEqualTo(204);
  }

  private JsonNode matchesOf(String user, String caseNumber) throws Exception {
    Answer answer = send(user, "GET", "/api/cases/" + caseNumber + "/possible-matches", null);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  record Pair(String lahore, String karachi, Word first, Word family, Word father,
      List<Answer> answers) {}

  /**
   * A girl reported in Lahore five days ago, her identity written in Latin letters; the same
   * girl reported in Karachi South today, her identity in Urdu script, first and family name
   * swapped.
   */
  private Pair sameGirlInLahoreAndKarachi(String offences) throws Exception {
    Word first = Word.fresh();
    Word family = Word.fresh();
    Word father = Word.fresh();
    String lahore = girl("PB", "Lahore", 5, "CHILD_MARRIAGE");
    identity("cpo.lahore.f", lahore, first.latin() + " " + family.latin(),
        "Muhammad " + father.latin(), "House 12, Street 4, Shadman, Lahore");
    String karachi = girl("SD", "Karachi South", 0, offences);
    identity(KHI_OFFICER, karachi, family.urdu() + " " + first.urdu(),
        "محمد " + father.urdu(), "Flat 3, Lyari, Karachi");
    return new Pair(lahore, karachi, first, family, father, new ArrayList<>());
  }

  // --- scenarios --------------------------------------------------------------------------

  @Test
  @DisplayName("R-NO-DISCLOSURE: a girl found in Karachi South is shown a possible earlier case in Lahore, by district, stage and dates only")
  void girlFoundInKarachiIsShownTheEarlierLahoreCaseWithoutItsIdentity() throws Exception {
    Pair pair = sameGirlInLahoreAndKarachi("TRAFFICKING");

    JsonNode answer = matchesOf(KHI_OFFICER, pair.karachi());

    assertThat(answer.path("possibleMatches")).hasSize(1);
    JsonNode match = answer.path("possibleMatches").get(0);
    assertThat(match.path("province").asText()).isEqualTo("PB");
    assertThat(match.path("district").asText()).isEqualTo("Lahore");
    assertThat(match.path("earlier").asBoolean()).isTrue();
    assertThat(match.path("stage").asText()).isNotBlank();
    assertThat(match.path("reportedAt").asText()).isNotBlank();
    assertThat(match.path("status").asText()).isEqualTo("POSSIBLE");
    assertThat(match.path("reasons")).extracting(JsonNode::asText)
        .contains("NAME", "BIRTH_YEAR", "PARENT");
    assertThat(match.path("caseNumber").isNull()).as("Lahore's case number").isTrue();
    assertThat(answer.toString()).doesNotContain(pair.lahore(), pair.first().latin(),
        pair.family().latin(), pair.father().latin(), "Shadman");
    // Lahore sees the later case in Karachi South the same way.
    JsonNode fromLahore = matchesOf("cpo.lahore.f", pair.lahore());
    assertThat(fromLahore.path("possibleMatches").get(0).path("district").asText())
        .isEqualTo("Karachi South");
    assertThat(fromLahore.path("possibleMatches").get(0).path("earlier").asBoolean()).isFalse();
    assertThat(fromLahore.toString()).doesNotContain(pair.karachi(), pair.first().urdu(),
        pair.family().urdu(), pair.father().urdu(), "Lyari");
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a different girl with the same name but another father is not offered as a match")
  void sameNameWithAnotherFatherIsNotOffered() throws Exception {
    Word first = Word.fresh();
    Word family = Word.fresh();
    String lahore = girl("PB", "Lahore", 5, "CHILD_MARRIAGE");
    identity("cpo.lahore.f", lahore, first.latin() + " " + family.latin(),
        Word.fresh().latin(), "Lahore");
    String karachi = girl("SD", "Karachi South", 0, "TRAFFICKING");
    identity(KHI_OFFICER, karachi, first.latin() + " " + family.latin(), Word.fresh().latin(),
        "Karachi");

    assertThat(matchesOf(KHI_OFFICER, karachi).path("possibleMatches")).isEmpty();
  }

  @Test
  @DisplayName("R-MATCH-LINK: Lahore's supervisor confirms the same girl: the cases are linked, Karachi's case has Lahore's as its previous case, and she is counted as trafficked again")
  void confirmedMatchLinksTheCasesAndCountsTheChildAsTraffickedAgain() throws Exception {
    Pair pair = sameGirlInLahoreAndKarachi("TRAFFICKING");
    String matchId = matchesOf(KHI_OFFICER, pair.karachi()).path("possibleMatches").get(0)
        .path("id").asText();

    Answer asked = send(KHI_OFFICER, "POST", "/api/cases/" + pair.karachi()
        + "/possible-matches/" + matchId + "/link-request", null);
    assertThat(asked.status()).as(asked.body()).isEqualTo(202);
    assertThat(json.readTree(asked.body()).path("status").asText()).isEqualTo("REQUESTED");

    Task task = confirmationTask(pair.lahore());
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anyMatch(link -> AreaGroups.supervisors("PB", "Lahore").equals(link.getGroupId()));
    // R-MATCH-LINK: the supervisor answers within 3 days of the request.
    Clock clock = clocks.ofCase(pair.lahore()).stream()
        .filter(c -> c.rule().equals("R-MATCH-LINK")).findFirst().orElseThrow();
    assertThat(task.getDueDate().toInstant()).isEqualTo(clock.dueAt());
    assertThat(Duration.between(clock.startedAt(), clock.dueAt())).isEqualTo(Duration.ofDays(3));

    Answer done = complete("supervisor.lahore", task.getId(), "SAME_CHILD");
    assertThat(done.status()).as(done.body()).isEqualTo(204);

    JsonNode karachi = matchesOf(KHI_OFFICER, pair.karachi());
    assertThat(karachi.path("possibleMatches").get(0).path("status").asText())
        .isEqualTo("CONFIRMED");
    assertThat(karachi.path("previousDistrict").asText()).isEqualTo("Lahore");
    assertThat(karachi.path("previousCaseNumber").isNull())
        .as("Lahore's case number, which Karachi South may not open").isTrue();
    assertThat(jdbc.sql("select previous_case_number, re_trafficked from case_link"
            + " where case_number = ?").param(pair.karachi()).query().singleRow())
        .containsEntry("PREVIOUS_CASE_NUMBER", pair.lahore())
        .containsEntry("RE_TRAFFICKED", true);
    assertThat(clocks.ofCase(pair.lahore()).stream()
        .filter(c -> c.rule().equals("R-MATCH-LINK")).findFirst().orElseThrow().status().name())
        .isEqualTo("MET");
  }

  @Test
  @DisplayName("R-MATCH-LINK: a declined match changes nothing but its status; it cannot be asked again")
  void declinedMatchLinksNothing() throws Exception {
    Pair pair = sameGirlInLahoreAndKarachi("FORCED_LABOUR");
    String matchId = matchesOf(KHI_OFFICER, pair.karachi()).path("possibleMatches").get(0)
        .path("id").asText();
    String path = "/api/cases/" + pair.karachi() + "/possible-matches/" + matchId
        + "/link-request";
    assertThat(send(KHI_OFFICER, "POST", path, null).status()).isEqualTo(202);

    Answer done = complete("supervisor.lahore", confirmationTask(pair.lahore()).getId(),
        "NOT_THE_SAME");
    assertThat(done.status()).as(done.body()).isEqualTo(204);

    JsonNode karachi = matchesOf(KHI_OFFICER, pair.karachi());
    assertThat(karachi.path("possibleMatches").get(0).path("status").asText())
        .isEqualTo("DECLINED");
    assertThat(karachi.path("previousDistrict").isNull()).isTrue();
    assertThat(jdbc.sql("select count(*) from case_link where case_number = ?")
        .param(pair.karachi()).query(Integer.class).single()).isZero();
    Answer again = send(KHI_OFFICER, "POST", path, null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
  }

  @Test
  @DisplayName("R-MATCH-LINK: within one district the officer sees the earlier case's number, and after confirmation it is the later case's previous case")
  void withinOneDistrictTheEarlierCaseNumberIsShownAndBecomesThePrevious() throws Exception {
    Word first = Word.fresh();
    Word father = Word.fresh();
    String earlier = girl("PB", "Lahore", 30, "CHILD_MARRIAGE");
    identity("cpo.lahore.f", earlier, "Fatima " + first.latin(), father.latin(), "Lahore");
    String later = girl("PB", "Lahore", 0, "EXPLOITATION_IN_PROSTITUTION");
    identity("cpo.lahore.f", later, first.urdu() + " فاطمہ", father.urdu(), "Lahore");

    JsonNode match = matchesOf("cpo.lahore.f", later).path("possibleMatches").get(0);
    assertThat(match.path("caseNumber").asText()).isEqualTo(earlier);
    assertThat(send("cpo.lahore.f", "POST", "/api/cases/" + later + "/possible-matches/"
        + match.path("id").asText() + "/link-request", null).status()).isEqualTo(202);
    complete("supervisor.lahore", confirmationTask(earlier).getId(), "SAME_CHILD");

    JsonNode answer = matchesOf("supervisor.lahore", later);
    assertThat(answer.path("previousCaseNumber").asText()).isEqualTo(earlier);
    assertThat(jdbc.sql("select re_trafficked from case_link where case_number = ?")
        .param(later).query(Boolean.class).single()).isFalse();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: the Karachi girl's identity and case number appear in no answer Lahore's supervisor gets about the request, through the API or the engine REST API")
  void otherDistrictsIdentityNeverAppearsInAnyDoor() throws Exception {
    Pair pair = sameGirlInLahoreAndKarachi("TRAFFICKING");
    String matchId = matchesOf(KHI_OFFICER, pair.karachi()).path("possibleMatches").get(0)
        .path("id").asText();
    send(KHI_OFFICER, "POST", "/api/cases/" + pair.karachi() + "/possible-matches/" + matchId
        + "/link-request", null);
    Task task = confirmationTask(pair.lahore());
    String instance = task.getProcessInstanceId();
    List<String> karachiMarks = List.of(pair.karachi(), pair.first().urdu(),
        pair.family().urdu(), pair.father().urdu(), "Lyari", pair.first().latin(),
        pair.family().latin(), pair.father().latin());

    List<String> doors = List.of(
        "/api/cases/" + pair.lahore() + "/possible-matches",
        "/api/cases/" + pair.lahore(),
        "/engine-rest/task/" + task.getId(),
        "/engine-rest/task/" + task.getId() + "/variables",
        "/engine-rest/task/" + task.getId() + "/form-variables",
        "/engine-rest/task/" + task.getId() + "/rendered-form",
        "/engine-rest/task?processInstanceBusinessKey=" + pair.lahore(),
        "/engine-rest/process-instance/" + instance + "/variables",
        "/engine-rest/history/variable-instance?processInstanceId=" + instance,
        "/engine-rest/history/detail?processInstanceId=" + instance,
        "/engine-rest/history/process-instance?processInstanceId=" + instance);
    Answer variables = send("supervisor.lahore", "GET",
        "/engine-rest/task/" + task.getId() + "/variables", null);
    assertThat(variables.status()).isEqualTo(200);
    assertThat(variables.body()).as("the task names the asking district").contains("Karachi South");
    for (String door : doors) {
      Answer answer = send("supervisor.lahore", "GET", door, null);
      assertThat(answer.body()).as(door).doesNotContain(karachiMarks);
    }
    // The asking officer learns nothing of Lahore's girl through the engine either.
    for (String door : List.of("/engine-rest/task/" + task.getId() + "/variables",
        "/engine-rest/history/variable-instance?processInstanceId=" + instance,
        "/engine-rest/process-instance?businessKey=" + pair.lahore(),
        "/api/cases/" + pair.karachi() + "/possible-matches",
        "/api/cases/" + pair.karachi())) {
      Answer answer = send(KHI_OFFICER, "GET", door, null);
      assertThat(answer.body()).as(door).doesNotContain(pair.lahore(), pair.first().latin(),
          pair.family().latin(), pair.father().latin(), "Shadman");
    }
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a match is asked about only from one of its own cases; another case's or an unknown match is not found")
  void matchIsAskedAboutOnlyFromItsOwnCases() throws Exception {
    Pair pair = sameGirlInLahoreAndKarachi("TRAFFICKING");
    String matchId = matchesOf(KHI_OFFICER, pair.karachi()).path("possibleMatches").get(0)
        .path("id").asText();
    String elsewhere = girl("SD", "Karachi South", 1, "TRAFFICKING");

    Answer foreign = send(KHI_OFFICER, "POST", "/api/cases/" + elsewhere + "/possible-matches/"
        + matchId + "/link-request", null);
    Answer unknown = send(KHI_OFFICER, "POST", "/api/cases/" + pair.karachi()
        + "/possible-matches/00000000-0000-0000-0000-000000000000/link-request", null);

    assertThat(foreign.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(jdbc.sql("select status from possible_match where id = ?").param(matchId)
        .query(String.class).single()).isEqualTo("POSSIBLE");
  }

  // --- helpers ----------------------------------------------------------------------------

  private Task confirmationTask(String caseNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_ConfirmSameChild").singleResult();
  }

  private Answer complete(String user, String taskId, String decision) throws Exception {
    return send(user, "POST", "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\": {\"sameChildDecision\": {\"value\": \"" + decision
            + "\", \"type\": \"String\"}}}");
  }

  record Answer(int status, String body, String contentType) {}

  private Answer send(String user, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + CaseDriver.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = http.send(request.build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(response.statusCode(), response.body(),
        response.headers().firstValue("Content-Type").orElse(""));
  }

  private void group(String id) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(id);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void user(String id, String... groups) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName("Test");
      user.setLastName(id);
      user.setEmail(id + "@hifazat.invalid");
      user.setPassword(CaseDriver.PASSWORD);
      identityService.saveUser(user);
    }
    for (String group : groups) {
      if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identityService.createMembership(id, group);
      }
    }
  }
}
