package pk.hifazat.checks;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * Whether the engine itself accepts each model, asked of the engine's own BPMN parser (with every
 * parse listener of ours) and DMN engine, without deploying anything. Runs in a command context.
 */
final class EngineAcceptance {

  private static final String RULE = "engine";

  private EngineAcceptance() {}

  static void check(PathwayFiles files, ParsedPathways parsed,
      ProcessEngineConfigurationImpl engine, List<Finding> findings) {
    DeploymentEntity deployment = new DeploymentEntity();
    deployment.setId("pathway-check");
    deployment.setNew(true);
    for (String name : parsed.processes.keySet()) {
      try {
        bpmnParser(engine).createParse()
            .sourceInputStream(new ByteArrayInputStream(files.bytes(name)))
            .deployment(deployment)
            .name(name)
            .execute();
      } catch (ParseException e) {
        for (ResourceReport report : e.getResorceReports()) {
          for (Problem problem : report.getErrors()) {
            findings.add(Finding.error(name, element(problem), RULE, problem.getMessage()));
          }
        }
      } catch (ProcessEngineException e) {
        findings.add(Finding.error(name, null, RULE, e.getMessage()));
      }
    }
    // The DMN engine reads a file with the model API, as the checks did: it is given their model
    // to transform rather than reading and validating the same XML again.
    parsed.decisions.forEach((name, model) -> {
      try {
        engine.getDmnEngine().parseDecisionRequirementsGraph(model);
      } catch (DmnEngineException | ProcessEngineException e) {
        DmnEngineMessage refusal = DmnEngineMessage.of(e.getMessage());
        findings.add(Finding.error(name, refusal.element(), RULE, refusal.text()));
      }
    });
  }

  /** The parser the engine deploys with, with all its parse listeners. */
  private static BpmnParser bpmnParser(ProcessEngineConfigurationImpl engine) {
    return engine.getDeployers().stream()
        .filter(BpmnDeployer.class::isInstance).map(BpmnDeployer.class::cast)
        .findFirst().orElseThrow(() -> new IllegalStateException("The engine deploys no BPMN"))
        .getBpmnParser();
  }

  private static String element(Problem problem) {
    if (problem.getMainElementId() != null) {
      return problem.getMainElementId();
    }
    return problem.getLine() > 0 ? "line " + problem.getLine() : null;
  }
}
