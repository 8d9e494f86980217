package pk.hifazat.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.casefile.CaseFiles;

/** {@code POST /api/cases}: a good report opens a case; a bad one opens nothing and says why. */
@HifazatTest
class IntakeApiTest {

  private static final Instant HOUR_AGO = Instant.now().minus(Duration.ofHours(1));

  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtimeService;
  @Autowired CaseFiles files;

  private static String valid() {
    return Reports.inCustody("PB", "Lahore", "F", "TRAFFICKING,EXPLOITATION_IN_PROSTITUTION",
        HOUR_AGO, HOUR_AGO.minus(Duration.ofMinutes(30)));
  }

  @Test
  @DisplayName("R-INTAKE-SOURCES: a report answers 201 with its Location and starts the case under its case number")
  void reportOpensCaseUnderItsCaseNumber() throws Exception {
    String location = mvc.perform(post("/api/cases").with(httpBasic("cpo.lahore.f", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(valid()))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", matchesPattern("/api/cases/PB-\\d{4}-\\d{6}")))
        .andExpect(jsonPath("$.caseNumber", matchesPattern("PB-\\d{4}-\\d{6}")))
        .andExpect(jsonPath("$.processInstanceId").isNotEmpty())
        .andReturn().getResponse().getHeader("Location");
    String caseNumber = location.substring(location.lastIndexOf('/') + 1);

    mvc.perform(get(location).with(httpBasic("cpo.lahore.f", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.caseNumber").value(caseNumber))
        .andExpect(jsonPath("$.source").value("HELPLINE_1098"))
        .andExpect(jsonPath("$.child.sex").value("F"))
        .andExpect(jsonPath("$.stage").value("COURT_PRODUCTION"))
        .andExpect(jsonPath("$.tasks[0].name").isNotEmpty())
        .andExpect(jsonPath("$.tasks[0].candidateGroups", hasItem("cpo-pb-lahore-female")))
        .andExpect(jsonPath("$.deadlines[?(@.rule == 'R-COURT-24H')].status").value("RUNNING"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("courtProduction").count()).isOne();
  }

  @Test
  @DisplayName("R-DATA-DISAGGREGATED: the case file keeps sex, age, nationality, religion, ethnicity, socioeconomic status and residence")
  void caseFileKeepsTheDisaggregationFacts() throws Exception {
    String location = mvc.perform(post("/api/cases").with(httpBasic("cpo.lahore.f", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(valid()))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getHeader("Location");

    mvc.perform(get(location).with(httpBasic("supervisor.lahore", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.child.sex").value("F"))
        .andExpect(jsonPath("$.child.ageYears").value(14))
        .andExpect(jsonPath("$.child.nationality").value("PK"))
        .andExpect(jsonPath("$.child.religion").value("Islam"))
        .andExpect(jsonPath("$.child.ethnicity").value("Punjabi"))
        .andExpect(jsonPath("$.child.socioeconomicStatus").value("Low income"))
        .andExpect(jsonPath("$.child.residence").value("URBAN"))
        .andExpect(jsonPath("$.offenceTypes[0]").value("TRAFFICKING"))
        .andExpect(jsonPath("$.province").value("PB"))
        .andExpect(jsonPath("$.district").value("Lahore"));
  }

  @Test
  void districtIsMatchedToTheRegistrySpelling() throws Exception {
    mvc.perform(post("/api/cases").with(httpBasic("cpo.lahore.f", "demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(valid().replace("\"Lahore\"", "\"  LAHORE \"")))
        .andExpect(status().isCreated());
  }

  @Test
  void unknownCaseIsNotFound() throws Exception {
    mvc.perform(get("/api/cases/PB-1999-000001").with(httpBasic("admin", "demo")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404));
  }

  @Test
  void reportWithoutCredentialsIsRefused() throws Exception {
    mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(valid()))
        .andExpect(status().isUnauthorized());
    // Not an officer others log in as: a wrong password delays the user's next login.
    mvc.perform(post("/api/cases").with(httpBasic("policy.editor", "wrong"))
            .contentType(MediaType.APPLICATION_JSON).content(valid()))
        .andExpect(status().isUnauthorized());
  }

  static Stream<Arguments> badReports() {
    String future = Reports.iso(Instant.now().plus(Duration.ofHours(3)));
    return Stream.of(
        Arguments.of("unknown province", valid().replace("\"PB\"", "\"PUNJAB\""), "province"),
        Arguments.of("district of another province", valid().replace("\"Lahore\"", "\"Quetta\""),
            "district"),
        Arguments.of("unknown offence", valid().replace("\"TRAFFICKING\"", "\"THEFT\""),
            "offenceTypes[0]"),
        Arguments.of("no offence", valid().replaceAll("\\[\"TRAFFICKING\", "
            + "\"EXPLOITATION_IN_PROSTITUTION\"\\]", "[]"), "offenceTypes"),
        Arguments.of("age over 17", valid().replace("\"ageYears\": 14", "\"ageYears\": 19"),
            "child.ageYears"),
        Arguments.of("negative age", valid().replace("\"ageYears\": 14", "\"ageYears\": -1"),
            "child.ageYears"),
        Arguments.of("unknown sex", valid().replace("\"sex\": \"F\"", "\"sex\": \"female\""),
            "child.sex"),
        Arguments.of("unknown source", valid().replace("HELPLINE_1098", "RADIO"), "source"),
        Arguments.of("unknown nationality", valid().replace("\"PK\"", "\"XX\""),
            "child.nationality"),
        Arguments.of("report in the future",
            valid().replaceFirst("\"reportedAt\": \"[^\"]+\"", "\"reportedAt\": \"" + future + "\""),
            "reportedAt"),
        Arguments.of("custody in the future",
            valid().replaceFirst("\"takenAt\": \"[^\"]+\"", "\"takenAt\": \"" + future + "\""),
            "custody.takenAt"),
        Arguments.of("time without offset",
            valid().replaceFirst("\"reportedAt\": \"[^\"]+\"",
                "\"reportedAt\": \"2026-11-20T09:30:00\""), "reportedAt"),
        Arguments.of("missing child", valid().replaceFirst("\"child\": \\{[^}]+},", ""), "child"),
        Arguments.of("missing district", valid().replace("\"district\": \"Lahore\",", ""),
            "district"),
        Arguments.of("markup in free text", valid().replace("\"Punjabi\"",
            "\"<script>alert(1)</script>\""), "child.ethnicity"),
        Arguments.of("unknown field", valid().replace("\"source\"", "\"childName\": \"A\", \"source\""),
            "childName"),
        Arguments.of("age as text", valid().replace("\"ageYears\": 14", "\"ageYears\": \"old\""),
            "child.ageYears"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badReports")
  @DisplayName("Bad input answers 400 naming the field, and starts nothing")
  void badReportIsRefusedAndStartsNothing(String what, String body, String field)
      throws Exception {
    long instances = runtimeService.createProcessInstanceQuery().count();
    long caseFiles = files.count();

    mvc.perform(post("/api/cases").with(httpBasic("cpo.lahore.f", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.errors[*].field", hasItem(field)));

    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(files.count()).isEqualTo(caseFiles);
  }

  @Test
  void everyBadFieldIsNamedAtOnce() throws Exception {
    String body = valid().replace("\"PB\"", "\"XX\"").replace("HELPLINE_1098", "RADIO")
        .replace("\"ageYears\": 14", "\"ageYears\": 30");
    mvc.perform(post("/api/cases").with(httpBasic("cpo.lahore.f", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("province")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("source")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("child.ageYears")));
  }

  @Test
  void malformedJsonIsRefusedAndStartsNothing() throws Exception {
    long instances = runtimeService.createProcessInstanceQuery().count();
    mvc.perform(post("/api/cases").with(httpBasic("cpo.lahore.f", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"province\": \"PB\", "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("The request body is not well-formed JSON"));
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  @DisplayName("R-AGE-DISPUTE: a person whose age is disputed is registered as a child until the court decides")
  void disputedAgeOver17IsAccepted() throws Exception {
    mvc.perform(post("/api/cases").with(httpBasic("cpo.lahore.f", "demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(valid().replace("\"ageYears\": 14, \"ageDisputed\": false",
                "\"ageYears\": 19, \"ageDisputed\": true")))
        .andExpect(status().isCreated());
  }
}
