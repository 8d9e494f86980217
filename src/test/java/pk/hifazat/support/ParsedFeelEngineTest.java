package pk.hifazat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The decision tables and the forms' hide conditions are evaluated by a FEEL engine that parses
 * each expression once, and decides exactly as Camunda's own FEEL engine does.
 */
class ParsedFeelEngineTest {

  private final ParsedFeelEngine parsedOnce = new ParsedFeelEngine(List.of());
  private final ScalaFeelEngine camundas = new ScalaFeelEngine(List.of());

  private static VariableContext values(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return Variables.fromMap(map).asVariableContext();
  }

  /** The value, or the failure's kind and message: what a caller of either engine sees. */
  private static Object outcome(Supplier<Object> evaluation) {
    try {
      return Objects.requireNonNullElse(evaluation.get(), "null");
    } catch (RuntimeException failure) {
      return failure.getClass().getName() + ": " + failure.getMessage();
    }
  }

  @Test
  @DisplayName("An expression is parsed once, and evaluated on each case's own values")
  void anExpressionIsParsedOnceAndEvaluatedOnEachCasesValues() {
    for (int age = 10; age < 20; age++) {
      boolean child = parsedOnce.evaluateSimpleExpression("childAgeYears < 18",
          values("childAgeYears", age));
      assertThat(child).as("age %d", age).isEqualTo(age < 18);
      assertThat(parsedOnce.evaluateSimpleUnaryTests("< 18", "childAgeYears",
          values("childAgeYears", age))).as("age %d as a table's input", age).isEqualTo(age < 18);
    }
    assertThat(parsedOnce.parsed()).isEqualTo(2);
  }

  @Test
  @DisplayName("Expressions of every kind, and their failures, come out as with Camunda's own FEEL")
  void everyExpressionComesOutAsWithCamundasOwnFeel() {
    List<String> expressions = List.of("childAgeYears < 18", "childSex = \"F\"",
        "contains(offenceTypes, \"TRAFFICKING\") or contains(offenceTypes, \"SALE_OF_CHILD\")",
        "count([indicatorMovedByThirdParty, indicatorDocumentsHeld][item = true])",
        "if immediateDanger then \"EMERGENCY\" else \"STANDARD\"", "notAVariable", "null",
        "date(\"2026-12-05\") + duration(\"P1D\")", "1 +", "childAgeYears + \"years\"",
        "unknownFunction(1)", "string length(district)", "");
    List<String> unaryTests = List.of("< 18", ">= 18", "[10..17]", "-", "\"PB\",\"SD\"",
        "not(\"PB\")", "? > 3", "null", "true", "< ", "\"F\"", "contains(?, \"TRAFFICKING\")");
    List<VariableContext> contexts = List.of(
        values("childAgeYears", 12, "childSex", "F", "district", "LHR", "immediateDanger", true,
            "offenceTypes", List.of("TRAFFICKING"), "indicatorMovedByThirdParty", true,
            "indicatorDocumentsHeld", false, "province", "PB"),
        values("childAgeYears", 17L, "childSex", "M", "district", "KHI", "immediateDanger", false,
            "offenceTypes", List.of(), "indicatorMovedByThirdParty", false,
            "indicatorDocumentsHeld", true, "province", "SD"),
        values("childAgeYears", null, "childSex", null, "district", null,
            "immediateDanger", null, "offenceTypes", null, "province", null));

    List<String> different = new ArrayList<>();
    for (VariableContext context : contexts) {
      for (String expression : expressions) {
        Object expected = outcome(() -> camundas.evaluateSimpleExpression(expression, context));
        for (int time = 1; time <= 2; time++) {
          Object actual = outcome(() -> parsedOnce.evaluateSimpleExpression(expression, context));
          if (!expected.equals(actual)) {
            different.add(expression + " (" + time + "): " + actual + " instead of " + expected);
          }
        }
      }
      for (String test : unaryTests) {
        for (String input : List.of("childAgeYears", "province", "offenceTypes", "district")) {
          Object expected = outcome(() -> camundas.evaluateSimpleUnaryTests(test, input, context));
          for (int time = 1; time <= 2; time++) {
            Object actual =
                outcome(() -> parsedOnce.evaluateSimpleUnaryTests(test, input, context));
            if (!expected.equals(actual)) {
              different.add(test + " on " + input + " (" + time + "): " + actual + " instead of "
                  + expected);
            }
          }
        }
      }
    }
    assertThat(different).isEmpty();
    assertThat(parsedOnce.parsed()).isEqualTo(expressions.size() + unaryTests.size());
  }

  @Test
  @DisplayName("Officers completing tasks at once share the parses, each on their own values")
  void requestsAtOnceShareTheParsesEachOnItsOwnValues() throws Exception {
    ExecutorService requests = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> wrong = new ArrayList<>();
      for (int request = 0; request < 4; request++) {
        wrong.add(requests.submit(() -> {
          List<String> seen = new ArrayList<>();
          for (int age = 0; age < 400; age++) {
            VariableContext values = values("childAgeYears", age % 25, "province",
                age % 2 == 0 ? "PB" : "SD");
            boolean child = parsedOnce.evaluateSimpleExpression("childAgeYears < 18", values);
            boolean punjab = parsedOnce.evaluateSimpleUnaryTests("\"PB\"", "province", values);
            if (child != age % 25 < 18 || punjab != (age % 2 == 0)) {
              seen.add("age " + age % 25 + ": " + child + ", " + punjab);
            }
          }
          return seen;
        }));
      }
      for (Future<List<String>> request : wrong) {
        assertThat(request.get(1, TimeUnit.MINUTES)).isEmpty();
      }
    } finally {
      requests.shutdownNow();
    }
    assertThat(parsedOnce.parsed()).isEqualTo(2);
  }

  @Test
  @DisplayName("The triage table (R-TRIAGE) decides every report as with Camunda's own FEEL")
  void theTriageTableDecidesAsWithCamundasOwnFeel() throws Exception {
    DmnEngine withParsedOnce = engine(() -> parsedOnce);
    DmnEngine withCamundas = engine(() -> camundas);
    try (InputStream first = Files.newInputStream(Path.of("processes/triage.dmn"));
        InputStream second = Files.newInputStream(Path.of("processes/triage.dmn"))) {
      DmnDecision parsedTriage = withParsedOnce.parseDecision("triage", first);
      DmnDecision camundasTriage = withCamundas.parseDecision("triage", second);
      List<List<String>> offences = List.of(List.of(), List.of("TRAFFICKING"),
          List.of("SEXUAL_ABUSE"), List.of("FORCED_LABOUR", "SALE_OF_CHILD"));
      int reports = 0;
      for (boolean danger : new boolean[] {false, true}) {
        for (List<String> offenceTypes : offences) {
          for (int indicators = 0; indicators <= 3; indicators++) {
            for (Integer age : new Integer[] {null, 9, 15, 17, 18}) {
              Map<String, Object> report = new HashMap<>();
              report.put("immediateDanger", danger);
              report.put("offenceTypes", offenceTypes);
              report.put("childAgeYears", age);
              List<String> indicatorNames = List.of("indicatorMovedByThirdParty",
                  "indicatorDocumentsHeld", "indicatorSexualExploitation",
                  "indicatorOnlineAbuse", "indicatorWorkingChild", "indicatorMarriageArranged");
              for (int i = 0; i < indicatorNames.size(); i++) {
                report.put(indicatorNames.get(i), i < indicators);
              }
              assertThat(withParsedOnce.evaluateDecisionTable(parsedTriage, report)
                      .getResultList())
                  .as("report %s", report)
                  .isEqualTo(withCamundas.evaluateDecisionTable(camundasTriage, report)
                      .getResultList());
              reports++;
            }
          }
        }
      }
      assertThat(reports).isEqualTo(160);
    }
  }

  private static DmnEngine engine(Supplier<FeelEngine> feel) {
    DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration)
        DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(feel::get);
    return configuration.buildEngine();
  }
}
