package pk.hifazat.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/**
 * R-NO-DISCLOSURE, "except as a court permits": a court's permission to let an agency know part
 * of a child's identity is recorded from its order, and gives that agency's focal points in the
 * case's district exactly the permitted parts, while it holds; nobody else gains anything.
 */
@HifazatTest
class CourtPermittedDisclosureTest {

  private static final String IDENTITY = """
      {"name": "Zainab Example", "parents": ["Rashida Example"],
       "address": "Street 4, Shahdara, Lahore"}""";

  @Autowired MockMvc mvc;
  @Autowired CaseDriver cases;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  private static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Karachi"));
  }

  private String girlsCaseWithIdentity() throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(2));
    String caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "F", "TRAFFICKING", custody, custody));
    mvc.perform(put("/api/cases/" + caseNumber + "/identity")
        .with(httpBasic("cpo.lahore.f", CaseDriver.PASSWORD))
        .contentType(MediaType.APPLICATION_JSON).content(IDENTITY));
    return caseNumber;
  }

  private MockHttpServletResponse permit(String user, String caseNumber, String body)
      throws Exception {
    return mvc.perform(post("/api/cases/" + caseNumber + "/disclosures")
            .with(httpBasic(user, CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andReturn().getResponse();
  }

  private static String order(String agency, String facts, LocalDate on, LocalDate until) {
    return """
        {"court": "Sessions Court, Lahore", "orderReference": "Crl. Misc. 112/2026",
         "orderedOn": "%s", "agency": "%s", "facts": [%s]%s}""".formatted(on, agency, facts,
        until == null ? "" : ", \"validUntil\": \"" + until + "\"");
  }

  private MockHttpServletResponse disclosed(String user, String caseNumber) throws Exception {
    return mvc.perform(get("/api/cases/" + caseNumber + "/identity/disclosed")
        .with(httpBasic(user, CaseDriver.PASSWORD))).andReturn().getResponse();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: the police focal point learns the child's name the court permitted, and nothing more; the FIA learns nothing")
  void agencyLearnsOnlyWhatTheCourtPermitted() throws Exception {
    String caseNumber = girlsCaseWithIdentity();
    MockHttpServletResponse recorded = permit("cpo.lahore.f", caseNumber,
        order("POLICE", "\"NAME\"", today(), null));
    assertThat(recorded.getStatus()).as(recorded.getContentAsString()).isEqualTo(201);

    MockHttpServletResponse police = disclosed("focal.police.lahore", caseNumber);
    assertThat(police.getStatus()).isEqualTo(200);
    JsonNode shown = json.readTree(police.getContentAsString());
    assertThat(shown.get("name").asText()).isEqualTo("Zainab Example");
    assertThat(police.getContentAsString()).doesNotContain("Rashida", "Shahdara");
    assertThat(shown.at("/permittedBy/0/orderReference").asText())
        .isEqualTo("Crl. Misc. 112/2026");

    for (String other : List.of("focal.fia.lahore", "cpo.lahore.m", "manager.punjab",
        "policy.editor", "admin", "cpo.karachisouth.f")) {
      MockHttpServletResponse refused = disclosed(other, caseNumber);
      assertThat(refused.getStatus()).as(other).isEqualTo(404);
      assertThat(refused.getContentAsString()).as(other).doesNotContain("Zainab");
    }
    // The full identity stays the district's: the permission opens no other door.
    assertThat(mvc.perform(get("/api/cases/" + caseNumber + "/identity")
            .with(httpBasic("focal.police.lahore", CaseDriver.PASSWORD)))
        .andReturn().getResponse().getStatus()).isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from audit_event where case_number = ? and action ="
            + " 'IDENTITY_READ' and user_id = 'focal.police.lahore'").param(caseNumber)
        .query(Long.class).single()).isOne();
    assertThat(jdbc.sql("select count(*) from audit_event where case_number = ? and action ="
            + " 'DISCLOSURE_PERMITTED'").param(caseNumber).query(Long.class).single()).isOne();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a permission that has ended, or has not begun, discloses nothing")
  void permissionOutsideItsTimeDisclosesNothing() throws Exception {
    String caseNumber = girlsCaseWithIdentity();
    assertThat(permit("supervisor.lahore", caseNumber, order("POLICE", "\"NAME\", \"ADDRESS\"",
        today().minusDays(30), today().minusDays(1))).getStatus()).isEqualTo(201);
    assertThat(disclosed("focal.police.lahore", caseNumber).getStatus()).isEqualTo(404);
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE, R-GIRL-FEMALE-CARE: only the case's own officers and supervisors record a court's permission; bad orders are refused naming the field")
  void onlyTheCasesTeamRecordsAPermissionAndBadOrdersAreRefused() throws Exception {
    String caseNumber = girlsCaseWithIdentity();
    for (String outsider : List.of("cpo.lahore.m", "manager.punjab", "policy.editor", "admin",
        "focal.police.lahore", "cpo.karachisouth.f")) {
      assertThat(permit(outsider, caseNumber, order("POLICE", "\"NAME\"", today(), null))
          .getStatus()).as(outsider).isEqualTo(404);
    }
    List<String[]> bad = List.of(
        new String[] {order("NASA", "\"NAME\"", today(), null), "agency"},
        new String[] {order("police", "\"NAME\"", today(), null), "agency"},
        new String[] {order("POLICE", "", today(), null), "facts"},
        new String[] {order("POLICE", "\"SHOE_SIZE\"", today(), null), "facts"},
        new String[] {order("POLICE", "\"NAME\"", today().plusDays(3), null), "orderedOn"},
        new String[] {order("POLICE", "\"NAME\"", today(), today().minusDays(2)), "validUntil"});
    for (String[] attempt : bad) {
      MockHttpServletResponse refused = permit("cpo.lahore.f", caseNumber, attempt[0]);
      assertThat(refused.getStatus()).as(attempt[0]).isEqualTo(400);
      assertThat(refused.getContentAsString()).as(attempt[0]).contains(attempt[1]);
    }
    assertThat(jdbc.sql("select count(*) from disclosure_permission where case_number = ?")
        .param(caseNumber).query(Long.class).single()).isZero();
  }
}
