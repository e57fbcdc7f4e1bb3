package pmo.platform.web;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import pmo.platform.ConflictException;
import pmo.platform.FieldError;
import pmo.platform.ForbiddenActionException;
import pmo.platform.InvalidInputException;
import pmo.platform.NotFoundException;

/**
 * Every error of the application's REST API as RFC 7807 problem details; bad input names each field and reason. What
 * the handlers below do not name is classified by {@link Failures} (the engine's and the database's exceptions: a lost
 * race or a deadlock 409, a taken unique key 409 with the field, the database down 503); the rest is 500 without
 * internals, and logged.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return badRequest(e.errors());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() == null ? "a valid value" : e.getRequiredType().getSimpleName();
    return badRequest(List.of(new FieldError(e.getName(), "must be " + expected + ", got '" + e.getValue() + "'")));
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    if (!e.errors().isEmpty()) {
      problem.setProperty("errors", e.errors());
    }
    return problem;
  }

  /** The engine's, the database's and anything else's failures: see {@link Failures}. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> other(Exception e) {
    Failures.Answer answer = Failures.of(e).orElse(null);
    if (answer == null) {
      log.error("Unexpected failure of a REST call", e);
      answer = Failures.Answer.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
          "an unexpected error occurred; it was logged");
    } else if (answer.status().is5xxServerError()) {
      log.warn("REST call failed: {}", answer.detail(), e);
    }
    return ResponseEntity.status(answer.status()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemResponses.problemDetail(answer));
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail lostRace(OptimisticLockingFailureException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", "the record was changed by someone else meanwhile; reload and retry");
  }

  @ExceptionHandler({AccessDeniedException.class, ForbiddenActionException.class})
  ProblemDetail forbidden(RuntimeException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    if (Failures.chain(e).stream().anyMatch(PayloadTooLargeException.class::isInstance)) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ProblemResponses.problemDetail(
          Failures.own(e).orElseThrow()));
    }
    return ResponseEntity.badRequest().body(badRequest(StrictJson.answer(e.getCause()).errors()));
  }

  /**
   * A path no controller answers (an unknown {@code /api/...} path) reaches Spring's static resources, whose own answer
   * reads "No static resource api/…": the caller asked for an API resource, so it is told that none is there.
   */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(HttpStatus.NOT_FOUND, "Not found", "nothing is at /" + e.getResourcePath().replaceFirst("^/+", "")));
  }

  static ProblemDetail badRequest(List<FieldError> errors) {
    String detail = errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", detail);
    problem.setProperty("errors", errors);
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
