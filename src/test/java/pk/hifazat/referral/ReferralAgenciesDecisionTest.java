package pk.hifazat.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.HifazatTest;

/** The referral agencies table, one case per rule: which agencies a case needs and who is next. */
@HifazatTest
class ReferralAgenciesDecisionTest {

  @Autowired DecisionService decisionService;
  @Autowired ReferralPlanner planner;

  /** Every row the table collects, as AGENCY=FALLBACKS, in the table's order. */
  private List<String> rows(Map<String, Object> variables) {
    return decisionService.evaluateDecisionByKey(ReferralPlanner.DECISION)
        .variables(variables)
        .evaluate()
        .stream()
        .map(row -> row.getEntry("agency") + "="
            + (row.get("fallbackAgencies") == null ? "" : row.get("fallbackAgencies")))
        .toList();
  }

  private static Map<String, Object> facts(String offences, boolean medical, boolean psychosocial,
      boolean shelter, boolean education, String province) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("offenceTypes", offences);
    variables.put("needsMedical", medical);
    variables.put("needsPsychosocial", psychosocial);
    variables.put("needsShelter", shelter);
    variables.put("needsEducation", education);
    variables.put("province", province);
    return variables;
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("R-REFERRAL: each row of the table refers the case to its agency, with its fallbacks in order")
  @CsvSource(delimiter = ';', value = {
      "Rule_Police; ILLEGAL_ADOPTION; false; false; false; false; PB;"
          + " POLICE=DISTRICT_POLICE_OFFICER,JUSTICE_OF_PEACE|SOCIAL_WORKER=|LEGAL_AID=NGO_LEGAL_AID",
      "Rule_Fia; TRAFFICKING; false; false; false; false; SD;"
          + " POLICE=DISTRICT_POLICE_OFFICER,JUSTICE_OF_PEACE|FIA=|SOCIAL_WORKER=|LEGAL_AID=NGO_LEGAL_AID",
      "Rule_Cybercrime (CSAM); CSAM; false; false; false; false; ICT;"
          + " POLICE=DISTRICT_POLICE_OFFICER,JUSTICE_OF_PEACE|CYBERCRIME=|SOCIAL_WORKER=|LEGAL_AID=NGO_LEGAL_AID",
      "Rule_Cybercrime (online exploitation); ONLINE_SEXUAL_EXPLOITATION; false; false; false; false; KP;"
          + " POLICE=DISTRICT_POLICE_OFFICER,JUSTICE_OF_PEACE|CYBERCRIME=|SOCIAL_WORKER=|LEGAL_AID=NGO_LEGAL_AID",
      "Rule_HospitalMedical; ILLEGAL_ADOPTION; true; false; false; false; PB;"
          + " POLICE=DISTRICT_POLICE_OFFICER,JUSTICE_OF_PEACE|HOSPITAL_CPU=DISTRICT_HEADQUARTERS_HOSPITAL"
          + "|SOCIAL_WORKER=|LEGAL_AID=NGO_LEGAL_AID",
      "Rule_HospitalForensic; SEXUAL_ABUSE; false; false; false; false; BA;"
          + " POLICE=DISTRICT_POLICE_OFFICER,JUSTICE_OF_PEACE|HOSPITAL_CPU=DISTRICT_HEADQUARTERS_HOSPITAL"
          + "|SOCIAL_WORKER=|LEGAL_AID=NGO_LEGAL_AID",
      "Rule_Psychologist; ILLEGAL_ADOPTION; false; true; false; false; PB;"
          + " POLICE=DISTRICT_POLICE_OFFICER,JUSTICE_OF_PEACE|PSYCHOLOGIST=NGO_PSYCHOSOCIAL_SUPPORT"
          + "|SOCIAL_WORKER=|LEGAL_AID=NGO_LEGAL_AID",
      "Rule_Shelter; ILLEGAL_ADOPTION; false; false; true; false; PB;"
          + " POLICE=DISTRICT_POLICE_OFFICER,JUSTICE_OF_PEACE|SOCIAL_WORKER=|LEGAL_AID=NGO_LEGAL_AID"
          + "|SHELTER=CHILD_PROTECTION_INSTITUTION",
      "Rule_ShelterNoStatute; ILLEGAL_ADOPTION; false; false; true; false; GB;"
          + " POLICE=DISTRICT_POLICE_OFFICER,JUSTICE_OF_PEACE|SOCIAL_WORKER=|LEGAL_AID=NGO_LEGAL_AID"
          + "|SHELTER=SOCIAL_WELFARE_SHELTER",
      "Rule_Education; ILLEGAL_ADOPTION; false; false; false; true; PB;"
          + " POLICE=DISTRICT_POLICE_OFFICER,JUSTICE_OF_PEACE|SOCIAL_WORKER=|LEGAL_AID=NGO_LEGAL_AID"
          + "|EDUCATION=NON_FORMAL_EDUCATION",
      "Rule_SocialProtection; FORCED_LABOUR; false; false; false; false; PB;"
          + " POLICE=DISTRICT_POLICE_OFFICER,JUSTICE_OF_PEACE|SOCIAL_WORKER=|LEGAL_AID=NGO_LEGAL_AID"
          + "|SOCIAL_PROTECTION=PAKISTAN_BAIT_UL_MAL"})
  void eachRuleRefersToItsAgency(String rule, String offences, boolean medical,
      boolean psychosocial, boolean shelter, boolean education, String province,
      String expected) {
    assertThat(rows(facts(offences, medical, psychosocial, shelter, education, province)))
        .containsExactly(expected.split("\\|"));
  }

  @Test
  @DisplayName("R-LEGAL-AID: every child victim is referred for free legal aid, and to a social worker, whatever the case")
  void everyChildGetsLegalAidAndASocialWorker() {
    assertThat(rows(facts("", false, false, false, false, "AJK")))
        .containsExactly("SOCIAL_WORKER=", "LEGAL_AID=NGO_LEGAL_AID");
  }

  @Test
  @DisplayName("R-REFERRAL: needs that identification did not record count as not needed")
  void absentNeedsCountAsNotNeeded() {
    Map<String, Object> onlyOffences = new HashMap<>();
    onlyOffences.put("offenceTypes", "TRAFFICKING,CSAM");
    onlyOffences.put("province", "PB");

    assertThat(rows(onlyOffences)).containsExactly(
        "POLICE=DISTRICT_POLICE_OFFICER,JUSTICE_OF_PEACE", "FIA=", "CYBERCRIME=",
        "SOCIAL_WORKER=", "LEGAL_AID=NGO_LEGAL_AID");
  }

  @Test
  @DisplayName("R-REFERRAL: an agency two rows name is referred once, with the fallbacks of its first row")
  void agencyNamedTwiceIsReferredOnce() {
    AgencyPlan plan = planner.plan(new ReferralNeeds(
        "SALE_OF_CHILD,SEXUAL_ABUSE,ORGAN_TRANSFER", true, true, true, true, "PB"));

    assertThat(plan.agencies()).containsExactly("POLICE", "HOSPITAL_CPU", "PSYCHOLOGIST",
        "SOCIAL_WORKER", "LEGAL_AID", "SHELTER", "EDUCATION", "SOCIAL_PROTECTION");
    assertThat(plan.fallbackChains()).containsExactly(
        entry("POLICE", List.of("DISTRICT_POLICE_OFFICER", "JUSTICE_OF_PEACE")),
        entry("HOSPITAL_CPU", List.of("DISTRICT_HEADQUARTERS_HOSPITAL")),
        entry("PSYCHOLOGIST", List.of("NGO_PSYCHOSOCIAL_SUPPORT")),
        entry("LEGAL_AID", List.of("NGO_LEGAL_AID")),
        entry("SHELTER", List.of("CHILD_PROTECTION_INSTITUTION")),
        entry("EDUCATION", List.of("NON_FORMAL_EDUCATION")),
        entry("SOCIAL_PROTECTION", List.of("PAKISTAN_BAIT_UL_MAL")));
    assertThat(AgencyPlan.nextAgency(plan.fallbackChains(), "POLICE"))
        .contains("DISTRICT_POLICE_OFFICER");
    assertThat(AgencyPlan.nextAgency(plan.fallbackChains(), "DISTRICT_POLICE_OFFICER"))
        .contains("JUSTICE_OF_PEACE");
    assertThat(AgencyPlan.nextAgency(plan.fallbackChains(), "JUSTICE_OF_PEACE")).isEmpty();
    assertThat(AgencyPlan.nextAgency(plan.fallbackChains(), "SOCIAL_WORKER")).isEmpty();
    assertThat(AgencyPlan.nextAgency(null, "POLICE")).isEmpty();
  }
}
