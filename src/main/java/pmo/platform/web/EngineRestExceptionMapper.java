package pmo.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.http.HttpStatus;

/**
 * Answers the failures of the engine's REST API ({@code /engine-rest} and Tasklist's {@code /camunda/api/engine}) as
 * problem details with the status the rest of the application gives: the governance rules' own exceptions (bad input
 * 400 with the fields, a broken four-eyes rule 403, 404, 409), a lost race (two users completing one task, two votes
 * at once) 409, a deadlock 409 (retry), the database down 503, and a body over the limit 413. The engine wraps what
 * listeners throw, so the cause chain is searched. Where Camunda itself already answers 4xx (a parse error, a missing
 * parameter, its own authorization check) its answer is kept, because Camunda Modeler and the webapps read it. Anything
 * else is 500 without internals (it is logged).
 *
 * <p>Three mappers, because JAX-RS picks the mapper of the nearest exception type and Camunda registers its own for
 * {@link ProcessEngineException}, {@link RestException} and {@link Throwable}; the priority makes ours win the tie.
 */
@Priority(1000)
class EngineRestExceptionMapper implements ExceptionMapper<ProcessEngineException> {

  /** {@code .../task/{id}/complete} and {@code .../submit-form}: the task a late second completion asked for. */
  private static final Pattern TASK_COMPLETION = Pattern.compile("(?:^|/)task/([^/]+)/(?:complete|submit-form)/?$");

  @Context
  private UriInfo uri;

  @Override
  public Response toResponse(ProcessEngineException exception) {
    return answer(exception, uri);
  }

  /** Camunda's REST resources wrap some engine failures (task completion) into their own exception. */
  @Priority(1000)
  static class Wrapped implements ExceptionMapper<RestException> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(RestException exception) {
      return answer(exception, uri);
    }
  }

  /** What Camunda does not wrap: the governance rules' exceptions thrown at a start, JSON and I/O failures. */
  @Priority(1000)
  static class Anything implements ExceptionMapper<Throwable> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(Throwable exception) {
      return answer(exception, uri);
    }
  }

  /**
   * JSON that cannot be read (Camunda answers it 400 as plain text): problem details naming the field, which includes
   * the {@link StrictJson} failures (text after the value, control characters in a text). One mapper per type that
   * Camunda maps itself, so ours wins the tie.
   */
  @Priority(1000)
  static class UnreadableJson implements ExceptionMapper<com.fasterxml.jackson.databind.JsonMappingException> {

    @Override
    public Response toResponse(com.fasterxml.jackson.databind.JsonMappingException exception) {
      return problem(StrictJson.answer(exception));
    }
  }

  /** JSON that is not JSON. */
  @Priority(1000)
  static class MalformedJson implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {

    @Override
    public Response toResponse(com.fasterxml.jackson.core.JsonParseException exception) {
      return problem(StrictJson.answer(exception));
    }
  }

  static Response answer(Throwable exception, UriInfo uri) {
    ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
    Optional<Failures.Answer> own = Failures.own(exception);
    if (own.isPresent()) {
      return problem(own.get());
    }
    Optional<Failures.Answer> completed = completedMeanwhile(exception, uri);
    if (completed.isPresent()) {
      return problem(completed.get());
    }
    Optional<Failures.Answer> known = Failures.of(exception);
    boolean engineNotFound = known.map(a -> a.status() == HttpStatus.NOT_FOUND).orElse(false);
    if (camunda.getStatus(exception).getFamily() == Response.Status.Family.CLIENT_ERROR && !engineNotFound) {
      return camunda.getResponse(exception);
    }
    if (known.isPresent()) {
      return problem(known.get());
    }
    Response original = camunda.getResponse(exception); // logs it
    if (original.getStatus() < 500) {
      return original;
    }
    return problem(Failures.Answer.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", safeDetail(exception)));
  }

  /**
   * A completion of a task that no longer exists because someone else completed it first is a lost race (409), not a
   * missing record: the task's history says which. Looked up without authorization checks, since the caller may not
   * read history; it tells only that the task was completed.
   */
  private static Optional<Failures.Answer> completedMeanwhile(Throwable exception, UriInfo uri) {
    if (uri == null || Failures.chain(exception).stream().noneMatch(NullValueException.class::isInstance)) {
      return Optional.empty();
    }
    Matcher m = TASK_COMPLETION.matcher(uri.getPath());
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
    if (!m.find() || engine == null) {
      return Optional.empty();
    }
    String taskId = m.group(1);
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    long finished = configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
        () -> engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().count()));
    return finished == 0 ? Optional.empty() : Optional.of(Failures.Answer.of(HttpStatus.CONFLICT, "Conflict",
        "task " + taskId + " was completed by someone else meanwhile; reload"));
  }

  /** The message of an unexpected failure, unless it may carry SQL or database internals. */
  private static String safeDetail(Throwable exception) {
    boolean database = Failures.chain(exception).stream().anyMatch(t -> t instanceof SQLException
        || t.getClass().getName().startsWith("org.apache.ibatis."));
    return database || exception.getMessage() == null ? "an unexpected error occurred; it was logged"
        : exception.getMessage();
  }

  private static Response problem(Failures.Answer answer) {
    return Response.status(answer.status().value())
        .type(MediaType.valueOf("application/problem+json"))
        .entity(ProblemResponses.body(answer, true))
        .build();
  }
}
