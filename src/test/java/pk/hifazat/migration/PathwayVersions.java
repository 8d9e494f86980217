package pk.hifazat.migration;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import pk.hifazat.CaseDriver;

/**
 * What the migration tests share: new versions of the real pathways deployed by the test and
 * removed after it (with every case the test started), the migration API as a policy editor,
 * the batch's jobs run by hand (no job executor in tests), and clock rows read as stored.
 */
class PathwayVersions {

  static final String EDITOR = "policy.editor";

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final MockMvc mvc;
  private final ObjectMapper json;
  private final JdbcClient jdbc;
  private final List<String> deployments = new ArrayList<>();
  private final List<String> caseNumbers = new ArrayList<>();
  private final List<String> batches = new ArrayList<>();

  PathwayVersions(RepositoryService repositoryService, RuntimeService runtimeService,
      ManagementService managementService, MockMvc mvc, ObjectMapper json, JdbcClient jdbc) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.mvc = mvc;
    this.json = json;
    this.jdbc = jdbc;
  }

  /** Replaces exactly one occurrence, so that a changed model is the change the test means. */
  static String changeOnce(String model, String from, String to) {
    int at = model.indexOf(from);
    if (at < 0 || model.indexOf(from, at + 1) >= 0) {
      throw new IllegalArgumentException("Expected exactly one '" + from + "' in the model");
    }
    return model.replace(from, to);
  }

  /** Deploys a new version of a pathway and answers its process definition. */
  ProcessDefinition deploy(String file, String model) {
    String deployment = repositoryService.createDeployment().name("test: " + file)
        .addString(file, model).deploy().getId();
    deployments.add(deployment);
    return repositoryService.createProcessDefinitionQuery().deploymentId(deployment)
        .singleResult();
  }

  /** Remembers a case the test started, to remove it afterwards. */
  String started(String caseNumber) {
    caseNumbers.add(caseNumber);
    return caseNumber;
  }

  /**
   * Removes the test's unfinished batches and cases, then its versions, so that "latest" is
   * again the real one.
   */
  void cleanUp() {
    for (String batch : batches) {
      if (managementService.createBatchQuery().batchId(batch).count() > 0) {
        managementService.deleteBatch(batch, true);
      }
    }
    for (String caseNumber : caseNumbers) {
      for (List<ProcessInstance> left = instances(caseNumber); !left.isEmpty();
          left = instances(caseNumber)) {
        runtimeService.deleteProcessInstanceIfExists(left.get(0).getId(), "test over", false,
            true, false, false);
      }
    }
    for (String deployment : deployments) {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  private List<ProcessInstance> instances(String caseNumber) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .list();
  }

  MvcResult propose(String user, String key, String from, String to) throws Exception {
    MockHttpServletRequestBuilder request = get("/api/pathways/" + key + "/migration")
        .with(httpBasic(user, CaseDriver.PASSWORD));
    if (from != null) {
      request.param("from", from);
    }
    if (to != null) {
      request.param("to", to);
    }
    return mvc.perform(request).andReturn();
  }

  JsonNode proposal(String key, String from, String to) throws Exception {
    return body(propose(EDITOR, key, from, to), 200);
  }

  MvcResult migrate(String user, String key, Map<String, Object> request) throws Exception {
    MvcResult result = mvc.perform(post("/api/pathways/" + key + "/migration")
            .with(httpBasic(user, CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(request)))
        .andReturn();
    if (result.getResponse().getStatus() == 202) {
      batches.add(json.readTree(result.getResponse().getContentAsString()).get("batchId")
          .asText());
    }
    return result;
  }

  MvcResult status(String user, String batchId) throws Exception {
    return mvc.perform(get("/api/pathways/migrations/" + batchId)
        .with(httpBasic(user, CaseDriver.PASSWORD))).andReturn();
  }

  JsonNode body(MvcResult result, int status) throws Exception {
    String content = result.getResponse().getContentAsString();
    if (result.getResponse().getStatus() != status) {
      throw new AssertionError("Expected " + status + " but was "
          + result.getResponse().getStatus() + ": " + content);
    }
    return json.readTree(content);
  }

  /** Runs the batch as the job executor would: the seed job, every migration job, the monitor. */
  void runBatch(String batchId) {
    Batch batch = seed(batchId);
    jobs(batch.getBatchJobDefinitionId())
        .forEach(job -> managementService.executeJob(job.getId()));
    jobs(batch.getMonitorJobDefinitionId())
        .forEach(job -> managementService.executeJob(job.getId()));
  }

  /** Runs the batch's seed job, which creates its migration jobs. */
  Batch seed(String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    for (List<Job> seed = jobs(batch.getSeedJobDefinitionId()); !seed.isEmpty();
        seed = jobs(batch.getSeedJobDefinitionId())) {
      managementService.executeJob(seed.get(0).getId());
    }
    return batch;
  }

  /** Runs the batch's migration jobs until each has succeeded or used up its retries. */
  void runMigrationJobsToTheEnd(Batch batch) {
    for (List<Job> left = jobs(batch.getBatchJobDefinitionId()).stream()
            .filter(job -> job.getRetries() > 0).toList();
        !left.isEmpty();
        left = jobs(batch.getBatchJobDefinitionId()).stream()
            .filter(job -> job.getRetries() > 0).toList()) {
      try {
        managementService.executeJob(left.get(0).getId());
      } catch (RuntimeException failed) {
        // The engine records the failure on the job and lowers its retries.
      }
    }
  }

  private List<Job> jobs(String jobDefinitionId) {
    return managementService.createJobQuery().jobDefinitionId(jobDefinitionId).list();
  }

  /** Every clock of a process instance, every column as stored, in a stable order. */
  List<Map<String, Object>> clockRows(String processInstanceId) {
    return jdbc.sql("select * from sla_clock where process_instance_id = ? order by id")
        .param(processInstanceId).query().listOfRows();
  }

  String definitionOf(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult().getProcessDefinitionId();
  }
}
