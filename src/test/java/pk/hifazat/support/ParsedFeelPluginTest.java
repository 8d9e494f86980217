package pk.hifazat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.HifazatTest;

/** The service's decisions run on the FEEL engine that parses each expression once. */
@HifazatTest
class ParsedFeelPluginTest {

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired DecisionService decisions;

  @Test
  @DisplayName("The engine's decisions parse their expressions once, not for every case")
  void theEnginesDecisionsParseTheirExpressionsOnce() {
    FeelEngine feel = configuration.getDmnEngineConfiguration().getFeelEngine();
    assertThat(feel).isInstanceOf(ParsedFeelEngine.class);
    Map<String, Object> report = Map.of("immediateDanger", false,
        "offenceTypes", List.of("TRAFFICKING"), "childAgeYears", 14,
        "indicatorMovedByThirdParty", true, "indicatorDocumentsHeld", true,
        "indicatorSexualExploitation", false, "indicatorOnlineAbuse", false,
        "indicatorWorkingChild", false, "indicatorMarriageArranged", false);
    Map<String, Object> priority =
        decisions.evaluateDecisionTableByKey("triage", report).getSingleResult().getEntryMap();
    long parsed = ((ParsedFeelEngine) feel).parsed();

    for (int again = 0; again < 5; again++) {
      assertThat(decisions.evaluateDecisionTableByKey("triage", report).getSingleResult()
          .getEntryMap()).isEqualTo(priority);
    }

    assertThat(((ParsedFeelEngine) feel).parsed()).isEqualTo(parsed).isPositive();
  }
}
