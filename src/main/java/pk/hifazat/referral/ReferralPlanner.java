package pk.hifazat.referral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * Asks the decision table {@code referralAgencies} (processes/agencies.dmn) which agencies a case
 * needs (R-REFERRAL, R-LEGAL-AID). The table holds the policy; this only collects its rows: an
 * agency several rows name is referred once, with the fallbacks of its first row.
 */
@Service
class ReferralPlanner {

  static final String DECISION = "referralAgencies";

  private final DecisionService decisionService;

  ReferralPlanner(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  AgencyPlan plan(ReferralNeeds needs) {
    Map<String, List<String>> fallbacks = new LinkedHashMap<>();
    for (DmnDecisionResultEntries row : decisionService.evaluateDecisionByKey(DECISION)
        .variables(needs.decisionVariables())
        .evaluate()) {
      String agency = row.getEntry("agency");
      // An empty cell is no entry at all: no fallback, the officer finds the next agency.
      Object next = row.get("fallbackAgencies");
      fallbacks.putIfAbsent(agency.trim(),
          AgencyPlan.split(next == null ? null : next.toString(), ","));
    }
    return new AgencyPlan(fallbacks);
  }
}
