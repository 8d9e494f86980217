package pk.hifazat.enginerest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.dto.task.TaskDto;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

/**
 * The engine REST API's JSON, as the engine configures it, taking back a task as it gave it.
 * Tasklist sets a task's due or follow-up date by sending the whole task it read; every pathway
 * task names its Camunda Form ({@code camundaFormRef}), which the engine writes out but cannot
 * read in (an interface, and the model's to set, not the caller's), so every such change was
 * refused. The form reference is now only written: what a caller sends for it is passed over.
 */
@Provider
@Priority(1)
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
public class TaskSentBackAsRead implements ContextResolver<ObjectMapper> {

  private final ObjectMapper mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper())
      .addMixIn(TaskDto.class, FormReferenceOnlyWritten.class);

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return mapper;
  }

  @JsonIgnoreProperties(value = "camundaFormRef", allowGetters = true)
  private interface FormReferenceOnlyWritten {}
}
