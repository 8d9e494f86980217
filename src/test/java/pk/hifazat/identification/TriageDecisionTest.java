package pk.hifazat.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.HifazatTest;

/** The triage table (R-ID-TRIAGE), one case per rule, and what it does with a disputed age. */
@HifazatTest
class TriageDecisionTest {

  private static final List<String> INDICATORS = List.of("indicatorMovedByThirdParty",
      "indicatorDocumentsHeld", "indicatorSexualExploitation", "indicatorOnlineAbuse",
      "indicatorWorkingChild", "indicatorMarriageArranged");
  /** Each evaluation gets its own instant, which finds it again in the decision history. */
  private static Instant evaluatedAt = Instant.parse("2031-01-01T00:00:00Z");

  @Autowired DecisionService decisionService;
  @Autowired HistoryService historyService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** The screening as the form leaves it: every indicator answered, the listed ones ticked. */
  private static Map<String, Object> screening(boolean immediateDanger, String offenceTypes,
      String indicators, int childAgeYears) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("immediateDanger", immediateDanger);
    variables.put("offenceTypes", offenceTypes);
    variables.put("childAgeYears", childAgeYears);
    INDICATORS.forEach(indicator -> variables.put(indicator, false));
    if (indicators != null) {
      for (String indicator : indicators.split(";")) {
        assertThat(INDICATORS).contains(indicator);
        variables.put(indicator, true);
      }
    }
    return variables;
  }

  private DmnDecisionResultEntries triage(Map<String, Object> variables) {
    evaluatedAt = evaluatedAt.plus(Duration.ofSeconds(1));
    ClockUtil.setCurrentTime(Date.from(evaluatedAt));
    return decisionService.evaluateDecisionByKey("triage").variables(variables).evaluate()
        .getSingleResult();
  }

  /** The id of the rule that produced the triage just made, read from the decision history. */
  private String matchedRule() {
    HistoricDecisionInstance triage = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("triage").includeOutputs()
        .evaluatedAfter(Date.from(evaluatedAt.minusMillis(500)))
        .evaluatedBefore(Date.from(evaluatedAt.plusMillis(500)))
        .singleResult();
    return triage.getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId)
        .distinct().reduce((first, second) -> first + "," + second).orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("R-ID-TRIAGE: each triage rule sets its response level and the hours it is due within; immediate danger is an emergency within 2 hours")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      Rule_ImmediateDanger          | true  | FORCED_LABOUR          | none                                            | 14 | EMERGENCY  | 2
      Rule_SaleTraffickingOrgans    | false | CHILD_MARRIAGE,TRAFFICKING | none                                        | 15 | URGENT     | 24
      Rule_SexualExploitationOrAbuse| false | CSAM                   | none                                            | 15 | URGENT     | 24
      Rule_YoungChildWithIndicator  | false | FORCED_LABOUR          | indicatorWorkingChild                           | 9  | URGENT     | 24
      Rule_SeveralIndicators        | false | CHILD_MARRIAGE         | indicatorMarriageArranged;indicatorDocumentsHeld | 15 | URGENT     | 24
      Rule_OneIndicator             | false | FORCED_LABOUR          | indicatorWorkingChild                           | 14 | STANDARD   | 72
      Rule_NoConcern                | false | CHILD_MARRIAGE         | none                                            | 15 | NO_CONCERN | 72
      """)
  void eachRuleSetsItsResponse(String rule, boolean immediateDanger, String offenceTypes,
      String indicators, int age, String responseLevel, int responseHours) {
    DmnDecisionResultEntries result =
        triage(screening(immediateDanger, offenceTypes, indicators, age));

    assertThat(result.<String>getEntry("responseLevel")).isEqualTo(responseLevel);
    assertThat(result.<Integer>getEntry("responseHours")).isEqualTo(responseHours);
    assertThat(matchedRule()).isEqualTo(rule);
  }

  @Test
  @DisplayName("R-ID-TRIAGE: immediate danger comes first, even when a grave offence or several indicators would make it only urgent")
  void immediateDangerOutranksEveryOtherRule() {
    DmnDecisionResultEntries result = triage(screening(true, "TRAFFICKING,CSAM",
        "indicatorMovedByThirdParty;indicatorDocumentsHeld;indicatorSexualExploitation", 8));

    assertThat(result.<String>getEntry("responseLevel")).isEqualTo("EMERGENCY");
    assertThat(result.<Integer>getEntry("responseHours")).isEqualTo(2);
    assertThat(matchedRule()).isEqualTo("Rule_ImmediateDanger");
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("R-ID-TRIAGE: every offence of sale, trafficking, organ transfer, sexual exploitation or abuse is urgent without any indicator")
  @CsvSource({
      "SALE_OF_CHILD, Rule_SaleTraffickingOrgans",
      "TRAFFICKING, Rule_SaleTraffickingOrgans",
      "ORGAN_TRANSFER, Rule_SaleTraffickingOrgans",
      "EXPLOITATION_IN_PROSTITUTION, Rule_SexualExploitationOrAbuse",
      "CSAM, Rule_SexualExploitationOrAbuse",
      "ONLINE_SEXUAL_EXPLOITATION, Rule_SexualExploitationOrAbuse",
      "SEXUAL_EXPLOITATION_TRAVEL_TOURISM, Rule_SexualExploitationOrAbuse",
      "SEXUAL_ABUSE, Rule_SexualExploitationOrAbuse"})
  void graveOffencesAreUrgent(String offence, String rule) {
    DmnDecisionResultEntries result = triage(screening(false, "CHILD_MARRIAGE," + offence,
        null, 16));

    assertThat(result.<String>getEntry("responseLevel")).isEqualTo("URGENT");
    assertThat(matchedRule()).isEqualTo(rule);
  }

  @ParameterizedTest(name = "age {0}: {1}")
  @DisplayName("R-AGE-DISPUTE: a person of disputed age 18 or over is triaged exactly as a child until the court decides")
  @CsvSource({
      "19, true,  none,                  EMERGENCY",
      "19, false, indicatorWorkingChild, STANDARD",
      "20, false, indicatorWorkingChild;indicatorDocumentsHeld, URGENT"})
  void disputedAgeIsTriagedAsAChild(int age, boolean immediateDanger, String indicators,
      String responseLevel) {
    DmnDecisionResultEntries result = triage(screening(immediateDanger, "FORCED_LABOUR",
        "none".equals(indicators) ? null : indicators, age));

    assertThat(result.<String>getEntry("responseLevel")).isEqualTo(responseLevel);
  }

  @Test
  @DisplayName("R-ID-EARLY: indicators the screening left unanswered count as not observed")
  void unansweredIndicatorsCountAsNotObserved() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("immediateDanger", false);
    variables.put("offenceTypes", "FORCED_LABOUR");
    variables.put("childAgeYears", 14);
    variables.put("indicatorWorkingChild", true);

    DmnDecisionResultEntries result = triage(variables);

    assertThat(result.<String>getEntry("responseLevel")).isEqualTo("STANDARD");
    assertThat(matchedRule()).isEqualTo("Rule_OneIndicator");
  }
}
