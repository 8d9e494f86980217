package pk.hifazat.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a task whose variables break its Camunda Form's validation. The engine
 * REST API answers the refusal with 400 and the task stays open.
 */
@Component
class CompletionFormCheck {

  private final FormService formService;
  private final ObjectMapper json;

  CompletionFormCheck(FormService formService, ObjectMapper json) {
    this.formService = formService;
    this.json = json;
  }

  void check(DelegateTask task) {
    JsonNode schema;
    try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
      schema = json.readTree(form);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the form of task " + task.getId(), e);
    }
    List<String> problems = FormSchemaValidator.validate(schema, task::getVariable,
        ClockUtil.getCurrentTime().toInstant());
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(task.getTaskDefinitionKey(),
          "The form '" + schema.path("id").asText() + "' of task '"
              + task.getTaskDefinitionKey() + "' is not filled in correctly: "
              + String.join("; ", problems));
    }
  }
}
