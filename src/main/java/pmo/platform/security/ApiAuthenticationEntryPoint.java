package pmo.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The API's answer to a request without valid credentials: 401 with problem details saying how to sign in. Clients
 * such as curl get the {@code WWW-Authenticate: Basic} challenge; our pages, which say so with
 * {@code X-Requested-With}, do not, so the browser shows the page's own sign-in instead of its password dialog.
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

  static final String REALM = "PMO Governance";

  private final ObjectMapper json;

  ApiAuthenticationEntryPoint(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    if (request.getHeader("X-Requested-With") == null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
    }
    boolean triedPassword = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, triedPassword
        ? "Wrong user or password."
        : "Sign in first: HTTP Basic with your Tasklist user and password, or the session of Tasklist, Cockpit or a"
            + " page's sign-in.");
    problem.setTitle(triedPassword ? "Wrong user or password" : "Not signed in");
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
