package pk.hifazat.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/**
 * The reads the case record page composes beside the case file: the court's dates, the
 * placement, the referrals, compensation and justice. Each is for those who may read the case
 * file and refused, as "no such case", to everyone else (R-GIRL-FEMALE-CARE, the district);
 * the identity shown behind the page's click is audited once per read (R-NO-DISCLOSURE).
 */
@HifazatTest
class CaseRecordApiTest {

  private static final List<String> PARTS = List.of("court", "placement", "referrals",
      "compensation");

  @Autowired MockMvc mvc;
  @Autowired CaseDriver cases;
  @Autowired ObjectMapper json;

  private MvcResult read(String user, String path) throws Exception {
    return mvc.perform(get(path).with(httpBasic(user, CaseDriver.PASSWORD))).andReturn();
  }

  private JsonNode body(String user, String path) throws Exception {
    MvcResult answer = read(user, path);
    assertThat(answer.getResponse().getStatus()).as(path + " " + answer.getResponse()
        .getContentAsString()).isEqualTo(200);
    return json.readTree(answer.getResponse().getContentAsString());
  }

  /** A girl produced in court, identified as a victim who needs medical care: referred on. */
  private String referredGirlsCase() throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(3));
    String caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE", custody, custody));
    cases.complete(caseNumber, "Task_ArrangeProduction", Map.of(
        "productionCourt", "Guardian Judge, Lahore", "immediateProductionPossible", true));
    cases.screen(caseNumber, false, "indicatorSexualExploitation");
    if (cases.openTasks(caseNumber).stream()
        .anyMatch(task -> task.getTaskDefinitionKey().equals("Task_RecordChildViews"))) {
      cases.complete(caseNumber, "Task_RecordChildViews", Map.of(
          "childViewsSought", true, "childViews", "Wants to go to school"));
    }
    Map<String, Object> decision = new HashMap<>();
    decision.put("identificationOutcome", "CONFIRMED_VICTIM");
    decision.put("outcomeReason", "Screening and the child's account");
    decision.put("placementNeeded", false);
    decision.put("needsMedical", true);
    decision.put("needsPsychosocial", false);
    decision.put("needsShelter", false);
    decision.put("needsEducation", false);
    cases.complete(caseNumber, "Task_DecideIdentificationOutcome", decision);
    return caseNumber;
  }

  @Test
  @DisplayName("R-COURT-24H, R-REFERRAL: the girl's officer reads the court's dates and the referrals of her case")
  void officerReadsTheCourtDatesAndReferrals() throws Exception {
    String caseNumber = referredGirlsCase();

    JsonNode court = body("cpo.lahore.f", "/api/cases/" + caseNumber + "/court");
    assertThat(court.path("productionCourt").asText()).isEqualTo("Guardian Judge, Lahore");
    assertThat(court.path("custodyTakenAt").asText()).isNotBlank();
    JsonNode referrals = body("supervisor.lahore", "/api/cases/" + caseNumber + "/referrals");
    assertThat(referrals).isNotEmpty();
    assertThat(referrals.get(0).path("agency").asText()).isNotBlank();
    assertThat(referrals.get(0).path("status").asText()).isEqualTo("SENT");
    JsonNode money = body("cpo.lahore.f", "/api/cases/" + caseNumber + "/compensation");
    assertThat(money.has("compensation")).isTrue();
    assertThat(money.has("justice")).isTrue();
    assertThat(body("cpo.lahore.f", "/api/cases/" + caseNumber + "/placement").isObject())
        .isTrue();
  }

  @Test
  @DisplayName("R-GIRL-FEMALE-CARE: a male officer is refused every part of the girl's record, however the case number is spelled")
  void maleOfficerIsRefusedEveryPartOfAGirlsRecord() throws Exception {
    String caseNumber = referredGirlsCase();

    for (String spelling : List.of(caseNumber, caseNumber.toLowerCase(),
        caseNumber.replace("-", "%2D"), " " + caseNumber)) {
      for (String part : PARTS) {
        MvcResult answer = read("cpo.lahore.m", "/api/cases/" + spelling + "/" + part);
        assertThat(answer.getResponse().getStatus()).as(spelling + " " + part)
            .isIn(400, 404);
        assertThat(answer.getResponse().getContentAsString()).as(part)
            .doesNotContain("Guardian Judge").doesNotContain("SENT");
      }
    }
  }

  @Test
  @DisplayName("An officer of another district and an agency's focal point are refused every part of the record")
  void othersAreRefusedEveryPartOfTheRecord() throws Exception {
    String caseNumber = referredGirlsCase();

    for (String user : List.of("focal.police.lahore", "policy.editor")) {
      for (String part : PARTS) {
        assertThat(read(user, "/api/cases/" + caseNumber + "/" + part).getResponse()
            .getStatus()).as(user + " " + part).isIn(403, 404);
      }
    }
  }

  private long identityReads(String caseNumber) throws Exception {
    JsonNode trail = json.readTree(mvc.perform(get("/api/audit")
            .param("caseNumber", caseNumber).param("action", "IDENTITY_READ")
            .with(httpBasic("admin", CaseDriver.PASSWORD)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    return trail.size();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: one 'show identity' read writes one audit entry; a refused role reads nothing and leaves no read")
  void identityReadIsAuditedOnceAndRefusedRolesSeeNothing() throws Exception {
    String caseNumber = referredGirlsCase();
    mvc.perform(put("/api/cases/" + caseNumber + "/identity")
            .with(httpBasic("cpo.lahore.f", CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\": \"Test Child\", \"parents\": [\"Test Mother\"]}"))
        .andExpect(status().isNoContent());

    assertThat(body("cpo.lahore.f", "/api/cases/" + caseNumber + "/identity")
        .path("name").asText()).isEqualTo("Test Child");
    assertThat(identityReads(caseNumber)).isEqualTo(1);

    for (String user : List.of("cpo.lahore.m", "manager.punjab", "admin", "policy.editor")) {
      MvcResult refused = read(user, "/api/cases/" + caseNumber + "/identity");
      assertThat(refused.getResponse().getStatus()).as(user).isIn(403, 404);
      assertThat(refused.getResponse().getContentAsString()).as(user)
          .doesNotContain("Test Child").doesNotContain("Test Mother");
    }
    assertThat(identityReads(caseNumber)).isEqualTo(1);
  }
}
