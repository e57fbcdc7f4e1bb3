package pmo.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A request that presents a password, through one of the two doors that take one: HTTP Basic on {@code /api/**} and
 * {@code /engine-rest/**}, and the Camunda webapps' login form ({@code POST <webapp>/api/admin/auth/user/{engine}/
 * login/{app}}, fields {@code username} and {@code password}). Both end in the engine's {@code checkPassword}.
 *
 * @param user the user name as presented (an empty string when none could be read)
 * @param door which door, for reading the outcome from the response
 */
record LoginAttempt(String user, Door door) {

  /** What the response status says about the password, per door. */
  enum Door {
    /**
     * Spring Security answers 401 to wrong Basic credentials and lets nothing through; any other status comes after a
     * successful authentication.
     */
    BASIC {
      @Override
      Outcome outcome(int status) {
        return status == 401 ? Outcome.FAILED : Outcome.SUCCEEDED;
      }
    },
    /**
     * The webapp answers 401 to a wrong password and 200 to a login; anything else (unknown engine, CSRF refusal, a
     * user without access to the app) says nothing reliable, and must not reset the count.
     */
    WEBAPP {
      @Override
      Outcome outcome(int status) {
        return status == 401 ? Outcome.FAILED : status >= 200 && status < 300 ? Outcome.SUCCEEDED : Outcome.UNKNOWN;
      }
    };

    abstract Outcome outcome(int status);
  }

  enum Outcome { FAILED, SUCCEEDED, UNKNOWN }

  /** Recognises the login requests of both doors. */
  static final class Recogniser {

    private final RequestMatcher apis;
    private final RequestMatcher webappLogin;

    /** @param webappPath where the Camunda webapps live ({@code camunda.bpm.webapp.application-path}) */
    Recogniser(String webappPath) {
      PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
      this.apis = new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**"));
      this.webappLogin = paths.matcher(HttpMethod.POST, webappPath + "/api/admin/auth/user/*/login/*");
    }

    /** The login this request attempts, or null when it presents no password. */
    LoginAttempt of(HttpServletRequest request) {
      if (webappLogin.matches(request)) {
        String user = request.getParameter("username");
        return new LoginAttempt(user == null ? "" : user, Door.WEBAPP);
      }
      String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6) && apis.matches(request)) {
        return new LoginAttempt(basicUser(authorization.substring(6).trim()), Door.BASIC);
      }
      return null;
    }

    /** The user part of Basic credentials, read as Spring Security reads it (UTF-8); empty when malformed. */
    private static String basicUser(String token) {
      try {
        String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? "" : decoded.substring(0, colon);
      } catch (IllegalArgumentException e) {
        return "";
      }
    }
  }
}
