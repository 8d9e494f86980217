package pk.hifazat.courtproduction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.HifazatTest;

/** The jurisdiction table, one case per rule: what differs between the seven zones. */
@HifazatTest
class JurisdictionDecisionTest {

  @Autowired DecisionService decisionService;

  @ParameterizedTest(name = "{0}: {1}")
  @org.junit.jupiter.api.DisplayName("R-MAGISTRATE: each zone has its statute; only Sindh applies to a magistrate; GB and AJK take the national default")
  @CsvSource({
      "PB, Punjab Destitute and Neglected Children Act 2004, false, false",
      "SD, Sindh Child Protection Authority Act 2011, true, false",
      "KP, KP Child Protection and Welfare Act 2010, false, false",
      "BA, Balochistan Child Protection Act 2016, false, false",
      "ICT, ICT Child Protection Act 2018, false, false",
      "GB, National default (no provincial statute enacted), false, true",
      "AJK, National default (no provincial statute enacted), false, true"})
  void eachZoneHasItsStatuteAndOnlySindhAppliesToAMagistrate(String province, String statute,
      boolean magistrate, boolean nationalDefault) {
    DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey("jurisdiction")
        .variables(Map.of("province", province))
        .evaluate()
        .getSingleResult();

    assertThat(result.<String>getEntry("statute")).isEqualTo(statute);
    assertThat(result.<Boolean>getEntry("magistrateApplicationRequired")).isEqualTo(magistrate);
    assertThat(result.<Boolean>getEntry("nationalDefaultApplied")).isEqualTo(nationalDefault);
  }
}
