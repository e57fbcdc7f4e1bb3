package pmo.platform.web;

import pmo.platform.ConflictException;
import pmo.platform.ForbiddenActionException;
import pmo.platform.InvalidInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Answers {@code /engine-rest} failures caused by the governance rules the way the rest of the API does: a broken
 * four-eyes rule is 403, a form or service validation error 400 with the fields. The engine wraps exceptions thrown by
 * task listeners, so the cause chain is searched; anything else gets Camunda's own answer.
 */
@Priority(1000)
class EngineRestExceptionMapper implements ExceptionMapper<ProcessEngineException> {

  @Override
  public Response toResponse(ProcessEngineException exception) {
    return answer(exception);
  }

  /** Camunda's REST resources wrap some engine failures (task completion) into their own exception. */
  @Priority(1000)
  static class Wrapped implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      return answer(exception);
    }
  }

  /** The governance rules' own exceptions, thrown before the engine wraps anything (the form contract). */
  @Priority(1000)
  static class Invalid implements ExceptionMapper<InvalidInputException> {

    @Override
    public Response toResponse(InvalidInputException exception) {
      return answer(exception);
    }
  }

  @Priority(1000)
  static class Forbidden implements ExceptionMapper<ForbiddenActionException> {

    @Override
    public Response toResponse(ForbiddenActionException exception) {
      return answer(exception);
    }
  }

  @Priority(1000)
  static class Conflict implements ExceptionMapper<ConflictException> {

    @Override
    public Response toResponse(ConflictException exception) {
      return answer(Response.Status.CONFLICT, exception, null);
    }
  }

  static Response answer(RuntimeException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof ForbiddenActionException forbidden) {
        return answer(Response.Status.FORBIDDEN, forbidden, null);
      }
      if (cause instanceof ConflictException conflict) {
        return answer(Response.Status.CONFLICT, conflict, null);
      }
      if (cause instanceof InvalidInputException invalid) {
        return answer(Response.Status.BAD_REQUEST, invalid, invalid);
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }

  private static Response answer(Response.Status status, RuntimeException cause, InvalidInputException invalid) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", cause.getClass().getSimpleName());
    body.put("message", cause.getMessage());
    if (invalid != null) {
      body.put("errors", invalid.errors());
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
