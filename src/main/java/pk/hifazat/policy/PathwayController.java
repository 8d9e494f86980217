package pk.hifazat.policy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import pk.hifazat.checks.CheckReport;
import pk.hifazat.checks.Finding;
import pk.hifazat.checks.PathwayChecks;
import pk.hifazat.checks.PathwayFiles;
import pk.hifazat.support.EngineAsSystem;
import pk.hifazat.support.NotFoundException;
import pk.hifazat.support.QueryParameters;

/**
 * The pathways for policy staff: every version of every model with the cases on it, a dry run of
 * the checks for changed files, deployment through the checks, and the record of every change.
 * Only policy editors and administrators reach it (security configuration).
 */
@RestController
@RequestMapping("/api/pathways")
class PathwayController {

  /** Deployments from this door are named alike, apart from the folders' own deployments. */
  static final String DEPLOYMENT_NAME = "hifazat-policy-changes";

  private final RepositoryService repository;
  private final ManagementService management;
  private final EngineAsSystem system;
  private final PathwayChecks checks;
  private final PathwayDeploymentRecords records;

  PathwayController(RepositoryService repository, ManagementService management,
      EngineAsSystem system, PathwayChecks checks, PathwayDeploymentRecords records) {
    this.repository = repository;
    this.management = management;
    this.system = system;
    this.checks = checks;
    this.records = records;
  }

  record Version(String id, int version, String deploymentId, Instant deployedAt,
      Long runningCases) {}

  record Pathway(String key, String name, String kind, String resource, List<Version> versions) {}

  record Waiting(String activityId, long waiting) {}

  record WaitingCases(String definitionId, List<Waiting> activities) {}

  @GetMapping
  List<Pathway> pathways() {
    return system.query(() -> {
      Map<String, Instant> deployed = repository.createDeploymentQuery().list().stream()
          .collect(Collectors.toMap(Deployment::getId,
              deployment -> deployment.getDeploymentTime().toInstant()));
      Map<String, Long> running = management.createProcessDefinitionStatisticsQuery().list()
          .stream().collect(Collectors.toMap(ProcessDefinitionStatistics::getId,
              statistics -> (long) statistics.getInstances()));
      List<Pathway> pathways = new ArrayList<>();
      group(repository.createProcessDefinitionQuery().list(), ProcessDefinition::getKey)
          .forEach((key, versions) -> pathways.add(new Pathway(key, versions.get(0).getName(),
              "process", versions.get(0).getResourceName(), versions.stream()
                  .map(d -> new Version(d.getId(), d.getVersion(), d.getDeploymentId(),
                      deployed.get(d.getDeploymentId()), running.getOrDefault(d.getId(), 0L)))
                  .toList())));
      group(repository.createDecisionDefinitionQuery().list(), DecisionDefinition::getKey)
          .forEach((key, versions) -> pathways.add(new Pathway(key, versions.get(0).getName(),
              "decision", versions.get(0).getResourceName(), versions.stream()
                  .map(d -> new Version(d.getId(), d.getVersion(), d.getDeploymentId(),
                      deployed.get(d.getDeploymentId()), null))
                  .toList())));
      return pathways;
    });
  }

  /** Definitions by key, each key's versions newest first, keys in alphabetical order. */
  private static <D> Map<String, List<D>> group(List<D> definitions, Function<D, String> key) {
    Comparator<D> newestFirst = Comparator.<D>comparingInt(PathwayController::version).reversed();
    return definitions.stream().sorted(Comparator.comparing(key).thenComparing(newestFirst))
        .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
  }

  private static int version(Object definition) {
    return definition instanceof ProcessDefinition process ? process.getVersion()
        : ((DecisionDefinition) definition).getVersion();
  }

  @GetMapping(value = "/definitions/{definitionId}/xml", produces = MediaType.APPLICATION_XML_VALUE)
  byte[] model(@PathVariable String definitionId) {
    return system.query(() -> {
      if (repository.createProcessDefinitionQuery().processDefinitionId(definitionId).count() > 0) {
        return readAll(repository.getProcessModel(definitionId));
      }
      if (repository.createDecisionDefinitionQuery().decisionDefinitionId(definitionId)
          .count() > 0) {
        return readAll(repository.getDecisionModel(definitionId));
      }
      throw new NotFoundException("No process or decision definition " + definitionId);
    });
  }

  /** How many running cases wait at each step of a version: counts only (R-NO-DISCLOSURE). */
  @GetMapping("/definitions/{definitionId}/waiting")
  WaitingCases waiting(@PathVariable String definitionId) {
    return system.query(() -> {
      if (repository.createProcessDefinitionQuery().processDefinitionId(definitionId)
          .count() == 0) {
        throw new NotFoundException("No process definition " + definitionId);
      }
      List<ActivityStatistics> statistics =
          management.createActivityStatisticsQuery(definitionId).list();
      return new WaitingCases(definitionId, statistics.stream()
          .map(s -> new Waiting(s.getId(), s.getInstances()))
          .sorted(Comparator.comparing(Waiting::activityId)).toList());
    });
  }

  /** The checks of a deployment, without deploying: what would be refused and what would change. */
  @PostMapping(value = "/checks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  CheckReport dryRun(@RequestPart(name = "files", required = false) List<MultipartFile> files) {
    return checks.dryRun(PathwayUpload.read(files));
  }

  @PostMapping(value = "/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<PathwayDeploymentRecord> deploy(
      @RequestPart(name = "files", required = false) List<MultipartFile> files) {
    PathwayFiles change = PathwayUpload.read(files);
    DeploymentBuilder deployment = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DeploymentDoor.POLICY_API_SOURCE);
    for (String name : change.names()) {
      deployment.addInputStream(name, new ByteArrayInputStream(change.bytes(name)));
    }
    Deployment deployed = deployment.deploy();
    PathwayDeploymentRecord record = records.ofDeployment(deployed.getId())
        .orElseThrow(() -> new IllegalStateException("Deployment " + deployed.getId()
            + " was not recorded"));
    return ResponseEntity.status(HttpStatus.CREATED).body(record);
  }

  @GetMapping("/deployments")
  List<PathwayDeploymentRecord> deployments(
      @RequestParam(name = "limit", required = false) Integer limit) {
    return records.newestFirst(QueryParameters.limit("limit", limit, 50, 500));
  }

  @ExceptionHandler(PathwayRefused.class)
  ResponseEntity<ProblemDetail> refused(PathwayRefused refused) {
    List<Finding> findings = refused.findings().stream().filter(Finding::refuses).toList();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The pathway change was refused; nothing was deployed. " + findings.size()
            + " finding(s): " + findings.stream().map(Finding::line)
                .collect(Collectors.joining("; ")));
    problem.setTitle("Pathway change refused");
    problem.setProperty("findings", refused.findings());
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @ExceptionHandler(PathwayUpload.InvalidUpload.class)
  ResponseEntity<ProblemDetail> invalidUpload(PathwayUpload.InvalidUpload invalid) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        invalid.getMessage());
    problem.setTitle("Invalid request");
    problem.setProperty("errors", invalid.errors);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static byte[] readAll(java.io.InputStream model) {
    try (model) {
      return model.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
