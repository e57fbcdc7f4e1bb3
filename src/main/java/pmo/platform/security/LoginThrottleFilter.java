package pmo.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of both doors that take a password (see {@link LoginAttempt}). A login from a client address that is
 * locked, or for a user who is locked at that address, is answered 429 with {@code Retry-After} and problem details,
 * and the password is not checked at all. Otherwise the request goes on, and its response status tells the
 * {@link LoginThrottle} whether the password was wrong (a failure is counted) or right (the user's count at that
 * address is forgotten).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final LoginAttempt.Recogniser logins;
  private final ObjectMapper json;

  LoginThrottleFilter(LoginThrottle throttle, LoginAttempt.Recogniser logins, ObjectMapper json) {
    this.throttle = throttle;
    this.logins = logins;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    LoginAttempt attempt = logins.of(request);
    if (attempt == null) {
      chain.doFilter(request, response);
      return;
    }
    String address = ClientAddress.of(request);
    Optional<Duration> locked = throttle.lockedFor(attempt.user(), address);
    if (locked.isPresent()) {
      tooManyRequests(response, locked.get());
      return;
    }
    chain.doFilter(request, response);
    switch (attempt.door().outcome(response.getStatus())) {
      case FAILED -> throttle.failed(attempt.user(), address);
      case SUCCEEDED -> throttle.succeeded(attempt.user(), address);
      case UNKNOWN -> { }
    }
  }

  private void tooManyRequests(HttpServletResponse response, Duration locked)
      throws IOException {
    long seconds = Math.max(1, (locked.toMillis() + 999) / 1000);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
        "Too many failed logins from this client; try again in " + seconds + " s");
    problem.setTitle("Too many failed logins");
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
