package pk.hifazat.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.HifazatTest;

/** The compensation eligibility table, one case per rule (R-COMPENSATION, ECPAT-PPA-2020, para. 31). */
@HifazatTest
class CompensationEligibilityDecisionTest {

  private static final Instant EVALUATED = OffsetDateTime.parse("2031-03-01T10:00:00+05:00")
      .toInstant();
  private static final AtomicInteger EVALUATIONS = new AtomicInteger();

  @Autowired DecisionService decisionService;
  @Autowired HistoryService historyService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{0}: {1} / {2} / {3} -> eligible {4}, {5}")
  @DisplayName("R-COMPENSATION: each rule of the eligibility table decides whether and by which scheme the child claims")
  @CsvSource(nullValues = "null", value = {
      "Rule_ChildAtRisk,           CHILD_AT_RISK,    TRAFFICKING,                  PB,  false, null",
      "Rule_NationalDefaultZones,  CONFIRMED_VICTIM, SEXUAL_ABUSE,                 GB,  true,  HUMAN_RIGHTS_RELIEF_FUND",
      "Rule_NationalDefaultZones,  CONFIRMED_VICTIM, TRAFFICKING,                  AJK, true,  HUMAN_RIGHTS_RELIEF_FUND",
      "Rule_HumanRightsViolation,  CONFIRMED_VICTIM, 'TRAFFICKING,FORCED_LABOUR',  SD,  true,  HUMAN_RIGHTS_RELIEF_FUND",
      "Rule_HumanRightsViolation,  CONFIRMED_VICTIM, CHILD_MARRIAGE,               KP,  true,  HUMAN_RIGHTS_RELIEF_FUND",
      "Rule_CourtCompensation,     CONFIRMED_VICTIM, 'SEXUAL_ABUSE,CSAM',          PB,  true,  CRPC_545",
      "Rule_CourtCompensation,     CONFIRMED_VICTIM, EXPLOITATION_IN_PROSTITUTION, ICT, true,  CRPC_545",
      "Rule_NotIdentified,         null,             SEXUAL_ABUSE,                 BA,  false, null"})
  void eachRuleDecidesEligibilityAndScheme(String rule, String identificationOutcome,
      String offenceTypes, String province, boolean eligible, String scheme) {
    // given a moment only this evaluation happens at, to find the rule that matched in history
    Instant at = EVALUATED.plusSeconds(60L * EVALUATIONS.incrementAndGet());
    ClockUtil.setCurrentTime(Date.from(at));
    Map<String, Object> variables = new HashMap<>();
    variables.put("identificationOutcome", identificationOutcome);
    variables.put("offenceTypes", offenceTypes);
    variables.put("province", province);

    // when
    DmnDecisionResultEntries result = decisionService
        .evaluateDecisionByKey("compensationEligibility")
        .variables(variables)
        .evaluate()
        .getSingleResult();

    // then
    assertThat(result.<Boolean>getEntry("eligible")).isEqualTo(eligible);
    assertThat(result.<String>getEntry("scheme")).isEqualTo(scheme);
    HistoricDecisionInstance evaluation = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("compensationEligibility")
        .evaluatedAfter(Date.from(at.minusMillis(1)))
        .evaluatedBefore(Date.from(at.plusMillis(1)))
        .includeOutputs()
        .singleResult();
    assertThat(evaluation.getOutputs()).isNotEmpty()
        .allSatisfy(output -> assertThat(output.getRuleId()).isEqualTo(rule));
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("R-COMPENSATION: a child whose identification is not recorded is not eligible (Rule_NotIdentified)")
  @CsvSource({"PB", "GB"})
  void missingIdentificationOutcomeIsNotEligible(String province) {
    DmnDecisionResultEntries result = decisionService
        .evaluateDecisionByKey("compensationEligibility")
        .variables(Map.of("offenceTypes", "SEXUAL_ABUSE", "province", province))
        .evaluate()
        .getSingleResult();

    assertThat(result.<Boolean>getEntry("eligible")).isFalse();
    assertThat(result.<String>getEntry("scheme")).isNull();
  }
}
