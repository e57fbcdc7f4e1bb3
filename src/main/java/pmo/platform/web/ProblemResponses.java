package pmo.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** One shape for every error answer (RFC 9457 problem details), whether Spring MVC, Jersey or a filter writes it. */
final class ProblemResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemResponses() {
  }

  static ProblemDetail problemDetail(Failures.Answer answer) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(answer.status(), answer.detail());
    problem.setTitle(answer.title());
    if (!answer.errors().isEmpty()) {
      problem.setProperty("errors", answer.errors());
    }
    return problem;
  }

  /**
   * The members of a problem as a map, for writers without Spring's ProblemDetail support. {@code message} repeats
   * the detail for the Camunda webapps and clients, which show a failed call's {@code message}.
   */
  static Map<String, Object> body(Failures.Answer answer, boolean withMessage) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", answer.title());
    body.put("status", answer.status().value());
    if (answer.detail() != null) {
      body.put("detail", answer.detail());
      if (withMessage) {
        body.put("message", answer.detail());
      }
    }
    if (!answer.errors().isEmpty()) {
      body.put("errors", answer.errors());
    }
    return body;
  }

  static void write(HttpServletResponse response, Failures.Answer answer) throws IOException {
    response.setStatus(answer.status().value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), body(answer, false));
  }
}
