package pk.hifazat.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.policy.PathwayVariants;

/** Who may migrate running cases, and how bad requests are answered (RFC 9457 problems). */
@HifazatTest
class PathwayMigrationApiTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  private PathwayVersions versions;

  @BeforeEach
  void setUp() {
    versions = new PathwayVersions(repositoryService, runtimeService, managementService, mvc,
        json, jdbc);
  }

  @AfterEach
  void cleanUp() {
    versions.cleanUp();
  }

  private ProcessDefinition current(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: only policy editors and administrators may see or migrate"
      + " running cases")
  void onlyPolicyEditorsMayMigrate() throws Exception {
    String referral = current("referral").getId();
    long batches = managementService.createBatchQuery().count();
    Map<String, Object> request = Map.of("from", referral);

    for (String outsider : List.of("cpo.lahore.f", "supervisor.lahore", "manager.punjab",
        "focal.police.lahore")) {
      assertThat(versions.propose(outsider, "referral", referral, null).getResponse()
          .getStatus()).as("proposal for %s", outsider).isEqualTo(403);
      assertThat(versions.migrate(outsider, "referral", request).getResponse().getStatus())
          .as("migration by %s", outsider).isEqualTo(403);
      assertThat(versions.status(outsider, "any").getResponse().getStatus())
          .as("batch status for %s", outsider).isEqualTo(403);
    }
    assertThat(mvc.perform(get("/api/pathways/referral/migration").param("from", referral))
        .andReturn().getResponse().getStatus()).isEqualTo(401);
    assertThat(managementService.createBatchQuery().count()).isEqualTo(batches);

    // Policy editors and administrators get through, to be told the latest version is the source.
    for (String editor : List.of(PathwayVersions.EDITOR, "admin")) {
      JsonNode refused = versions.body(versions.propose(editor, "referral", referral, null), 400);
      assertThat(refused.get("errors").findValuesAsText("field")).containsExactly("to");
    }
  }

  @Test
  @DisplayName("Without 'from' the answer lists the versions with their running case counts")
  void aProposalWithoutSourceListsTheVersionsToChooseFrom() throws Exception {
    JsonNode refused = versions.body(versions.propose(PathwayVersions.EDITOR, "referral", null,
        null), 400);

    assertThat(refused.get("title").asText()).isEqualTo("Invalid request");
    assertThat(refused.get("errors").findValuesAsText("field")).containsExactly("from");
    assertThat(refused.get("sources").findValuesAsText("id"))
        .contains(current("referral").getId());
    assertThat(refused.get("sources").get(0).has("runningCases")).isTrue();
  }

  @Test
  @DisplayName("Bad ids answer 400 naming the field, an unknown pathway or batch 404")
  void badIdsAreRefusedNamingTheField() throws Exception {
    String referral = current("referral").getId();
    String court = current("courtProduction").getId();

    assertThat(versions.body(versions.propose(PathwayVersions.EDITOR, "referral", "nonsense",
        null), 400).get("errors").findValuesAsText("field")).containsExactly("from");
    assertThat(versions.body(versions.propose(PathwayVersions.EDITOR, "referral", referral,
        court), 400).get("errors").findValuesAsText("field")).containsExactly("to");
    assertThat(versions.body(versions.propose(PathwayVersions.EDITOR, "referral", referral,
        referral), 400).get("errors").findValuesAsText("field")).containsExactly("to");
    assertThat(versions.body(versions.propose(PathwayVersions.EDITOR, "noSuchPathway", referral,
        null), 404).get("title").asText()).isEqualTo("Not found");
    assertThat(versions.body(versions.status(PathwayVersions.EDITOR, "no-such-batch"), 404)
        .get("title").asText()).isEqualTo("Not found");

    JsonNode emptySelection = versions.body(versions.migrate(PathwayVersions.EDITOR, "referral",
        Map.of("from", referral, "caseNumbers", List.of())), 400);
    assertThat(emptySelection.get("errors").findValuesAsText("field"))
        .containsExactly("caseNumbers");
    JsonNode noSource = versions.body(versions.migrate(PathwayVersions.EDITOR, "referral",
        Map.of("to", referral)), 400);
    assertThat(noSource.get("errors").findValuesAsText("field")).containsExactly("from");
    assertThat(mvc.perform(post("/api/pathways/referral/migration")
            .with(httpBasic(PathwayVersions.EDITOR, CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"from\": \"" + referral
                + "\", \"everything\": true}"))
        .andReturn().getResponse().getStatus()).isEqualTo(400);
  }

  @Test
  @DisplayName("A version no case runs on has nothing to migrate: 409")
  void aVersionWithoutRunningCasesHasNothingToMigrate() throws Exception {
    String running = current("referral").getId();
    ProcessDefinition unused = versions.deploy("referral.bpmn",
        PathwayVariants.committed("referral.bpmn"));

    JsonNode conflict = versions.body(versions.migrate(PathwayVersions.EDITOR, "referral",
        Map.of("from", unused.getId(), "to", running)), 409);

    assertThat(conflict.get("detail").asText()).contains("nothing to migrate");
  }
}
