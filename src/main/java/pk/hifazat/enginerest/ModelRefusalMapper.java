package pk.hifazat.enginerest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.ProcessEngineException;
import pk.hifazat.policy.PathwayRefused;

/**
 * A pathway change the checks refuse, or a model the engine cannot parse (malformed XML, a DOCTYPE with external entities or entity
 * expansion, an invalid DMN) is the uploader's mistake: answered 400 with the parser's message,
 * not 500. The engine refuses such documents before anything is deployed.
 */
@Provider
@Priority(1)
public class ModelRefusalMapper implements ExceptionMapper<ProcessEngineException> {

  @Context private UriInfo request;

  /** The engine's codes for "could not parse" a BPMN document and "could not transform" a DMN. */
  private static final String[] PARSE_FAILURES = {"ENGINE-09003", "ENGINE-22004"};

  @Override
  public Response toResponse(ProcessEngineException exception) {
    if (exception instanceof PathwayRefused) {
      // Camunda Modeler shows this message to the policy editor who pressed Deploy.
      return FormRefusalMapper.answer(Response.Status.BAD_REQUEST, "PathwayRefused",
          exception.getMessage());
    }
    if (isParseFailure(exception)) {
      return FormRefusalMapper.answer(Response.Status.BAD_REQUEST, "ModelRefused",
          exception.getMessage());
    }
    return EngineProblems.answer(exception, EngineProblems.path(request));
  }

  private static boolean isParseFailure(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.camunda.bpm.engine.ParseException
          || cause instanceof org.xml.sax.SAXException
          || cause instanceof org.camunda.bpm.model.xml.ModelParseException
          || cause instanceof org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException) {
        return true;
      }
      String message = cause.getMessage();
      if (message != null) {
        for (String marker : PARSE_FAILURES) {
          if (message.contains(marker)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
