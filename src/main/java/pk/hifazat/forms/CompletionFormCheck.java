package pk.hifazat.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.area.RoutingVariables;
import pk.hifazat.documents.CaseDocuments;

/**
 * Refuses to complete a task whose variables break its Camunda Form's validation, or whose form
 * asks for a paper of the case (a field with the custom property {@code documentType}) and is
 * given an id that is not a document of that type attached to the case. The engine REST API
 * answers the refusal with 400 and the task stays open.
 */
@Component
class CompletionFormCheck {

  private final FormService formService;
  private final IdentityService identityService;
  private final RepositoryService repositoryService;
  private final ObjectMapper json;
  private final CaseDocuments documents;
  /**
   * Each deployed form read and parsed once: a deployed form never changes (a change is a new
   * definition with an id of its own), so nothing here goes stale.
   */
  private final Map<String, JsonNode> schemas = new ConcurrentHashMap<>();

  CompletionFormCheck(FormService formService, RepositoryService repositoryService,
      IdentityService identityService, ObjectMapper json, CaseDocuments documents) {
    this.formService = formService;
    this.identityService = identityService;
    this.repositoryService = repositoryService;
    this.json = json;
    this.documents = documents;
  }

  void check(DelegateTask task) {
    JsonNode schema = schemaOf(task);
    // The task's values gathered once for all of the form's hide conditions, when it has any.
    Supplier<VariableContext> values =
        SingletonSupplier.of(() -> Variables.fromMap(task.getVariables()).asVariableContext());
    List<String> problems = new ArrayList<>(FormSchemaValidator.validate(schema,
        task::getVariable, ClockUtil.getCurrentTime().toInstant(),
        code -> agencyInTheDistrict(task, code), expression -> hides(values, expression)));
    checkPapers(schema.path("components"), task, problems);
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(task.getTaskDefinitionKey(),
          "Not saved, please correct the form / محفوظ نہیں ہوا، فارم درست کریں: '"
              + task.getName() + "': "
              + String.join("; ", problems));
    }
  }

  /**
   * Evaluates a field's hide condition as the form does (FEEL, with the engine's own FEEL engine)
   * on the task's values; null when it cannot be told, e.g. a value the condition does not expect.
   */
  private static Boolean hides(Supplier<VariableContext> values, String expression) {
    if (expression == null || !expression.startsWith("=")) {
      return null;
    }
    try {
      FeelEngine feel = ((DefaultDmnEngineConfiguration) Context.getProcessEngineConfiguration()
          .getDmnEngineConfiguration()).getFeelEngine();
      Object hidden = feel.evaluateSimpleExpression(expression.substring(1), values.get());
      return hidden instanceof Boolean value ? value : null;
    } catch (RuntimeException cannotTell) {
      return null;
    }
  }

  /**
   * A field that asks for a paper (the age report for R-AGE-DISPUTE, the court's order) holds
   * the id of a document of that type attached to this case (the business key), not any id.
   */
  private void checkPapers(JsonNode components, DelegateTask task, List<String> problems) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        checkPapers(component.get("components"), task, problems);
      }
      String type = component.path("properties").path("documentType").asText("");
      String key = component.path("key").asText("");
      Object value = key.isEmpty() ? null : task.getVariable(key);
      if (type.isEmpty() || value == null || value instanceof String text && text.isBlank()) {
        continue; // a missing value is the required rule's to refuse
      }
      String caseNumber = task.getExecution().getProcessBusinessKey();
      if (!(value instanceof String id) || caseNumber == null
          || !documents.holds(caseNumber, id.strip(), type)) {
        problems.add("'" + key + "' (" + component.path("label").asText(key) + ") is not the id"
            + " of a document of type " + type + " attached to case " + caseNumber
            + ": attach it first (POST /api/cases/" + caseNumber + "/documents)");
      }
    }
  }

  /** R-REFERRAL: an agency has focal points in the case's district, members of its group. */
  private boolean agencyInTheDistrict(DelegateTask task, String code) {
    String province = RoutingVariables.PROVINCE.from(task);
    String district = RoutingVariables.DISTRICT.from(task);
    if (province == null || district == null || !code.matches("[A-Za-z][A-Za-z0-9_]{1,39}")) {
      return false;
    }
    String group = AreaGroups.agency(code, province, district);
    return Context.getCommandContext().runWithoutAuthorization(
        () -> identityService.createUserQuery().memberOfGroup(group).count() > 0);
  }

  /** The task's form as its binding resolves it now (latest, deployment or version). */
  private JsonNode schemaOf(DelegateTask task) {
    TaskFormData form = formOf(task);
    CamundaFormRef ref = form.getCamundaFormRef();
    // Whoever completes the task may; the form is read as the engine reads it for them.
    CommandContext command = Context.getCommandContext();
    CamundaFormDefinition definition = ref == null ? null
        : command.runWithoutAuthorization(
            new GetCamundaFormDefinitionCmd(ref, form.getDeploymentId()));
    if (definition == null) {
      return parse(task.getId(), formService.getDeployedTaskForm(task.getId()));
    }
    return schemas.computeIfAbsent(definition.getId(), id -> parse(task.getId(),
        command.runWithoutAuthorization(() -> repositoryService.getResourceAsStream(
            definition.getDeploymentId(), definition.getResourceName()))));
  }

  /**
   * The task's form data, made by the task's own form handler as the engine makes it for
   * whoever opens the form. The task is being completed by someone the engine let complete it:
   * it need not ask again, in a read of its own, whether they may read it.
   */
  private TaskFormData formOf(DelegateTask task) {
    if (task instanceof TaskEntity entity && entity.getTaskDefinition() != null
        && entity.getTaskDefinition().getTaskFormHandler() != null) {
      return entity.getTaskDefinition().getTaskFormHandler().createTaskForm(entity);
    }
    return formService.getTaskFormData(task.getId());
  }

  private JsonNode parse(String taskId, InputStream resource) {
    try (InputStream form = resource) {
      return json.readTree(form);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the form of task " + taskId, e);
    }
  }
}
