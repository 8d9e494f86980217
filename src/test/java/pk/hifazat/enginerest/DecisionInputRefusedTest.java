package pk.hifazat.enginerest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;

/**
 * A decision evaluated through the engine's API on an input its table cannot take (the triage
 * table, R-TRIAGE, asked about a child's age in words) is the caller's mistake: 400 with a problem
 * body that names the type and not the value, and no stack trace in the error log. A table whose
 * own output cannot be of its type stays a failure, whoever asked.
 */
@HifazatTest
@ExtendWith(OutputCaptureExtension.class)
class DecisionInputRefusedTest {

  @Autowired RepositoryService repositoryService;
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> evaluate(String decision, String variables) throws Exception {
    String credentials = Base64.getEncoder().encodeToString(
        ("admin:" + CaseDriver.PASSWORD).getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/engine-rest/decision-definition/" + decision
                    + "/evaluate"))
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": " + variables + "}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String triageById() {
    return "" + repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("triage")
        .latestVersion().singleResult().getId();
  }

  @ParameterizedTest(name = "{0} = {1}, by {2}")
  @CsvSource(delimiter = '|', value = {
      "childAgeYears   | \"twelve\"           | key | integer",
      "childAgeYears   | \"12.5\"             | id  | integer",
      "immediateDanger | \"Amina said so\"    | key | boolean",
      "immediateDanger | \"2026-12-05\"       | id  | boolean"})
  @DisplayName("A value the decision table cannot take is refused as the caller's mistake")
  void aValueTheTableCannotTakeIsRefused(String variable, String value, String by, String type,
      CapturedOutput log) throws Exception {
    String decision = by.strip().equals("key") ? "key/triage" : triageById();

    HttpResponse<String> answer = evaluate(decision, "{\"" + variable.strip()
        + "\": {\"value\": " + value.strip() + ", \"type\": \"String\"}}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(kind -> assertThat(kind).startsWith("application/problem+json"));
    assertThat(answer.body()).contains("for clause with type '" + type.strip() + "'")
        .doesNotContain(value.strip().replace("\"", ""));
    assertThat(log.getAll()).doesNotContain("ENGINE-16004").doesNotContain("DmnEngineException")
        .doesNotContain("Engine REST request failed");
  }

  @Test
  @DisplayName("A table whose own output cannot be of its type is not the caller's mistake")
  void aTablesOwnOutputOfTheWrongTypeIsNotTheCallersMistake() {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnDecision table = engine.parseDecision("hours", new ByteArrayInputStream("""
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Hours"
            name="Hours" namespace="http://hifazat.pk/dmn">
          <decision id="hours" name="Response hours">
            <decisionTable id="DecisionTable_Hours">
              <input id="Input_Age" label="Age">
                <inputExpression id="InputExpression_Age" typeRef="integer">
                  <text>childAgeYears</text>
                </inputExpression>
              </input>
              <output id="Output_Hours" name="responseHours" typeRef="integer" />
              <rule id="Rule_Any">
                <inputEntry id="InputEntry_Any"><text>-</text></inputEntry>
                <outputEntry id="OutputEntry_Words"><text>"a day"</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>""".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> engine.evaluateDecisionTable(table,
            Variables.putValue("childAgeYears", "twelve")))
        .satisfies(refusal -> assertThat(EngineProblems.refusedDecisionInput(refusal)).isTrue());
    assertThatThrownBy(() -> engine.evaluateDecisionTable(table,
            Variables.putValue("childAgeYears", 12)))
        .hasMessageStartingWith("DMN-01005")
        .satisfies(refusal -> assertThat(EngineProblems.refusedDecisionInput(refusal)).isFalse());
  }

  @Test
  @DisplayName("The same table given values of its own types decides, and an unknown one is 404")
  void valuesOfItsTypesAreDecidedAndAnUnknownTableIsNotFound() throws Exception {
    HttpResponse<String> decided = evaluate("key/triage",
        "{\"childAgeYears\": {\"value\": 12, \"type\": \"Integer\"},"
            + " \"immediateDanger\": {\"value\": true, \"type\": \"Boolean\"}}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    assertThat(decided.body()).contains("EMERGENCY");

    assertThat(evaluate("key/noSuchTable", "{}").statusCode()).isEqualTo(404);
  }
}
