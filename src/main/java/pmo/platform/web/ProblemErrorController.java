package pmo.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}) as problem details instead of Spring Boot's own error JSON: what reaches
 * it failed outside the controllers (a filter threw, the security chain refused, no handler matched), so the failure
 * is classified like any other ({@link Failures}) and otherwise answered with its status and no internals.
 */
@RestController
class ProblemErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  @RequestMapping(path = "${server.error.path:/error}", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE,
      MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Failures.Answer answer = failure == null ? null : Failures.of(failure).orElse(null);
    if (answer == null) {
      HttpStatus status = status(request);
      if (status.is5xxServerError()) {
        log.error("Request to {} failed", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
      }
      answer = Failures.Answer.of(status, status.getReasonPhrase(), status.is5xxServerError()
          ? "an unexpected error occurred; it was logged" : message(request, status));
    }
    return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemResponses.problemDetail(answer));
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }

  private static String message(HttpServletRequest request, HttpStatus status) {
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    return message instanceof String s && !s.isBlank() ? s : status.getReasonPhrase();
  }
}
