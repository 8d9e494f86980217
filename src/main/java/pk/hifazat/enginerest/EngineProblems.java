package pk.hifazat.enginerest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.engine.impl.evaluation.DecisionTableEvaluationHandler;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotAllowedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pk.hifazat.support.VariableTooLarge;

/**
 * How every engine REST error is answered, through {@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine} alike: an RFC 9457 problem body that keeps the engine's {@code type}
 * and {@code message} (Tasklist, Cockpit and Modeler show them), and a 4xx status for whatever
 * the caller caused. Only a failure of our own is a 500 and logged with its stack trace.
 *
 * <p>A task that is gone answers 409 when it existed (completed or deleted by someone else,
 * e.g. two officers completing it at once) and 404 when it never did; a change that lost the race
 * against another ({@link OptimisticLockingException}) answers 409 as well.
 */
final class EngineProblems {

  static final String MEDIA_TYPE = "application/problem+json";

  private static final Logger log = LoggerFactory.getLogger(EngineProblems.class);

  /** A request on one task: {@code task/{id}} or {@code task/{id}/...}. */
  private static final Pattern TASK_PATH = Pattern.compile("(?:^|/)task/([^/?]+)");
  private static final Pattern MISSING_TASK = Pattern.compile("Cannot find task with id (\\S+)");
  /** How the REST API's comment and attachment resources say a task is not the caller's. */
  private static final Pattern UNSEEN_TASK = Pattern.compile("No task found for task id (\\S+)");
  /** A decision evaluated on the values the caller sends: {@code decision-definition/...}. */
  private static final Pattern DECISION_PATH = Pattern.compile("(?:^|/)decision-definition/");
  /** The decision engine's refusal of a value of a type its table's clause cannot take. */
  private static final String VALUE_NOT_OF_TYPE = "DMN-01005";

  private EngineProblems() {}

  static Response answer(Throwable exception) {
    return answer(exception, null);
  }

  /**
   * The answer to a request on the given engine path. A refusal about a task named in the path
   * that existed and is gone is a 409, however the engine words it ("Cannot find task", "task
   * ... doesn't exist", a grant that went with the task): the caller lost a race.
   */
  static Response answer(Throwable exception, String path) {
    Answer answer = classify(exception, path);
    if (answer.status == 400 || answer.status == 403 || answer.status == 404) {
      String taskId = taskInPath(path);
      if (taskId != null && taskExisted(taskId) && !taskExists(taskId)) {
        answer = new Answer(409, "TaskGone", "Task " + taskId
            + " was completed or deleted by someone else");
      }
    }
    if (answer.status >= 500) {
      log.warn("Engine REST request failed", exception);
    } else {
      // The caller's mistake or a race it lost: worth a line when debugging, not a stack trace.
      log.debug("Engine REST request refused with {}: {}", answer.status,
          withoutValues(exception.getMessage()));
    }
    return answer(Response.Status.fromStatusCode(answer.status), answer.type, answer.message);
  }

  static Response answer(Response.Status status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    String detail = withoutValues(message);
    body.put("type", type);
    body.put("title", status.getReasonPhrase());
    body.put("status", status.getStatusCode());
    body.put("detail", detail);
    // Camunda's own clients read the message.
    body.put("message", detail);
    return Response.status(status).type(MEDIA_TYPE).entity(body).build();
  }

  /** "Cannot convert value 'Amina' of type 'Boolean'" becomes "Cannot convert value of type". */
  static String withoutValues(String message) {
    return message == null ? null
        : message.replaceAll("(?i)value '[^']*'", "value").replaceAll("(?i)value \"[^\"]*\"",
            "value");
  }

  private record Answer(int status, String type, String message) {}

  /**
   * The decision engine refusing a value given to a table's input that the input's type cannot
   * take (DMN-01005 where the table reads its inputs). The same refusal of an output is the
   * table's own fault, whoever asked.
   */
  static boolean refusedDecisionInput(Throwable exception) {
    if (!(exception instanceof DmnEngineException) || exception.getMessage() == null
        || !exception.getMessage().startsWith(VALUE_NOT_OF_TYPE)) {
      return false;
    }
    for (StackTraceElement frame : exception.getStackTrace()) {
      if (frame.getClassName().equals(DecisionTableEvaluationHandler.class.getName())) {
        return frame.getMethodName().equals("evaluateInput");
      }
    }
    return false;
  }

  private static Answer classify(Throwable exception, String path) {
    String message = exception.getMessage();
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof AuthorizationException) {
        return new Answer(403, cause.getClass().getSimpleName(), cause.getMessage());
      }
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      String type = cause.getClass().getSimpleName();
      if (cause instanceof OptimisticLockingException) {
        return new Answer(409, type, "Changed by someone else at the same time: reload it and"
            + " try again");
      }
      if (cause instanceof TaskAlreadyClaimedException
          || cause instanceof SuspendedEntityInteractionException) {
        return new Answer(409, type, cause.getMessage());
      }
      if ((cause instanceof NullValueException || cause instanceof NotFoundException)
          && cause.getMessage() != null) {
        Matcher missing = MISSING_TASK.matcher(cause.getMessage());
        if (missing.find()) {
          String taskId = missing.group(1).replaceAll("[:,.]+$", "");
          return taskExisted(taskId)
              ? new Answer(409, "TaskGone", "Task " + taskId
                  + " was completed or deleted by someone else")
              : new Answer(404, "NotFoundException", "No task with id " + taskId);
        }
      }
      if (cause instanceof NotFoundException) {
        return new Answer(404, type, cause.getMessage());
      }
      if (cause instanceof VariableTooLarge) {
        return new Answer(413, type, cause.getMessage());
      }
      if (cause instanceof FormFieldValidationException || cause instanceof NullValueException
          || cause instanceof NotValidException || cause instanceof NotAllowedException
          || cause instanceof BadUserRequestException || cause instanceof ParseException) {
        return new Answer(400, type, cause.getMessage());
      }
      if (RefusedArguments.refusedByEngine(cause)) {
        return new Answer(400, type, RefusedArguments.explained(cause, message));
      }
      // The engine still logs it as an error: the value may be one of ours, not the caller's.
      if (RefusedArguments.tooLongForItsColumn(cause)) {
        return new Answer(400, "ValueTooLong", "A value is longer than the database keeps for"
            + " it: shorten it and try again");
      }
      // Through the API the caller gives a decision every value: one of a type its table cannot
      // take is their mistake. Elsewhere (a pathway's decision) it stays a failure of ours.
      if (path != null && DECISION_PATH.matcher(path).find() && refusedDecisionInput(cause)) {
        return new Answer(400, type, cause.getMessage());
      }
      // A query parameter that is not of its type: JAX-RS says 404, but the resource exists.
      if (cause instanceof ParamException.QueryParamException parameter) {
        return new Answer(400, "InvalidRequestException", "Query parameter '"
            + parameter.getParameterName() + "' is not of the type it takes");
      }
      if (cause instanceof RestException && cause.getMessage() != null
          && UNSEEN_TASK.matcher(cause.getMessage()).find()) {
        return new Answer(404, "NotFoundException", cause.getMessage());
      }
      if (cause instanceof RestException rest && rest.getStatus() != null
          && rest.getStatus().getStatusCode() < 500) {
        return new Answer(rest.getStatus().getStatusCode(), type, rest.getMessage());
      }
      if (cause instanceof WebApplicationException web
          && web.getResponse().getStatus() < 500) {
        return new Answer(web.getResponse().getStatus(), type, web.getMessage());
      }
    }
    return new Answer(500, exception.getClass().getSimpleName(), message);
  }

  /** The path of the request a mapper answers, relative to its API; null outside a request. */
  static String path(UriInfo request) {
    try {
      return request == null ? null : request.getPath();
    } catch (IllegalStateException outsideARequest) {
      return null;
    }
  }

  private static String taskInPath(String path) {
    if (path == null) {
      return null;
    }
    Matcher task = TASK_PATH.matcher(path);
    return task.find() ? task.group(1) : null;
  }

  private static boolean taskExists(String taskId) {
    return asEngine(engine -> engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0);
  }

  /**
   * Whether history knows the task: then it existed and someone completed or deleted it. Asked
   * as the engine itself, since the task's history may no longer be the caller's to read; the
   * answer tells only that the id was once a task.
   */
  private static boolean taskExisted(String taskId) {
    return asEngine(engine -> engine.getHistoryService().createHistoricTaskInstanceQuery()
        .taskId(taskId).count() > 0);
  }

  private static boolean asEngine(Predicate<ProcessEngine> question) {
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
    if (engine == null) {
      return false;
    }
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return question.test(engine);
    } catch (ProcessEngineException e) {
      return false;
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
