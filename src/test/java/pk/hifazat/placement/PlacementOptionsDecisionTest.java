package pk.hifazat.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.HifazatTest;

/** The placementOptions table, one case per rule, and the family options a perpetrator rules out. */
@HifazatTest
class PlacementOptionsDecisionTest {

  @Autowired DecisionService decisionService;

  private DmnDecisionResultEntries decide(Map<String, Object> assessment) {
    return decisionService.evaluateDecisionByKey("placementOptions")
        .variables(assessment)
        .evaluate()
        .getSingleResult();
  }

  private static Map<String, Object> assessment(Object perpetrator, Boolean parents,
      Boolean extendedFamily, Boolean suitablePerson) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("perpetratorInHousehold", perpetrator);
    variables.put("parentsAbleToCare", parents);
    variables.put("extendedFamilyAvailable", extendedFamily);
    variables.put("suitablePersonAvailable", suitablePerson);
    return variables;
  }

  @ParameterizedTest(name = "{4}: {5}")
  @DisplayName("R-PLACEMENT-ORDER: parental care, then extended family, then a suitable person, and only then an institution")
  @CsvSource({
      // perpetrator, parents, extended family, suitable person, option, court order needed
      "false, true,  true,  true,  PARENTAL_CARE,   false",
      "false, false, true,  true,  EXTENDED_FAMILY, true",
      "false, false, false, true,  SUITABLE_PERSON, true",
      "false, false, false, false, INSTITUTION,     true"})
  void eachRuleChoosesTheMostPreferredOptionAvailable(boolean perpetrator, boolean parents,
      boolean extendedFamily, boolean suitablePerson, String option, boolean courtOrderNeeded) {
    DmnDecisionResultEntries result =
        decide(assessment(perpetrator, parents, extendedFamily, suitablePerson));

    assertThat(result.<String>getEntry("placementOption")).isEqualTo(option);
    assertThat(result.<Boolean>getEntry("courtOrderNeeded")).isEqualTo(courtOrderNeeded);
  }

  @ParameterizedTest(name = "suitable person available: {0} -> {1}")
  @DisplayName("R-NO-REMOVAL: a perpetrator in the household rules out the parents and the extended family, and removal needs the court")
  @CsvSource({"true, SUITABLE_PERSON", "false, INSTITUTION"})
  void perpetratorInTheHouseholdRulesOutTheFamilyOptions(boolean suitablePerson, String option) {
    DmnDecisionResultEntries result = decide(assessment(true, true, true, suitablePerson));

    assertThat(result.<String>getEntry("placementOption")).isEqualTo(option);
    assertThat(result.<Boolean>getEntry("courtOrderNeeded")).isTrue();
  }

  @Test
  @DisplayName("R-NO-REMOVAL: a child whose parents can care and no perpetrator lives with stays home without a court order")
  void childStaysWithParentsWithoutACourtOrder() {
    DmnDecisionResultEntries result = decide(assessment(false, true, false, false));

    assertThat(result.<String>getEntry("placementOption")).isEqualTo("PARENTAL_CARE");
    assertThat(result.<Boolean>getEntry("courtOrderNeeded")).isFalse();
  }

  @Test
  @DisplayName("R-NO-REMOVAL: the Yes/No answer of the assessment form ('true'/'false') is read as a boolean")
  void formAnswersAsTextAreReadAsBooleans() {
    assertThat(decide(assessment("false", true, false, false)).<String>getEntry("placementOption"))
        .isEqualTo("PARENTAL_CARE");
    assertThat(decide(assessment("true", true, false, false)).<String>getEntry("placementOption"))
        .isEqualTo("INSTITUTION");
  }

  @Test
  @DisplayName("R-NO-REMOVAL: an unanswered perpetrator question never leaves the child with the family; unticked availabilities count as no")
  void unansweredQuestionsTakeTheSafeOption() {
    assertThat(decide(assessment(null, true, true, null)).<String>getEntry("placementOption"))
        .isEqualTo("INSTITUTION");
    assertThat(decide(assessment(false, null, null, true)).<String>getEntry("placementOption"))
        .isEqualTo("SUITABLE_PERSON");
  }
}
