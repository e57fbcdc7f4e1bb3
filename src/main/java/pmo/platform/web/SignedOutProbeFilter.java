package pmo.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every Tasklist, Cockpit and Admin page first asks {@code GET <app>/api/admin/auth/user/<engine>} who is signed in;
 * without a session Camunda answers 404, which the browser logs as a console error on every login page. The webapps'
 * own code takes any answer but 200 as "nobody" (and 2xx raises no error notice), so for a request without a session
 * of that engine Camunda's 404 is turned into 204. The request still passes through Camunda (its CSRF filter hands
 * out the session's token on this very read, which clients rely on before they log in). A signed-in session, any other
 * method and any longer path are not touched. No setting of the webapps switches the probe off (checked in 7.24's
 * bootstrap code).
 */
final class SignedOutProbeFilter extends OncePerRequestFilter {

  private final String probePrefix;

  SignedOutProbeFilter(String applicationPath) {
    this.probePrefix = applicationPath + "/api/admin/auth/user/";
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String engine = engineOfProbe(request);
    if (engine != null && !signedIn(request.getSession(false), engine)) {
      chain.doFilter(request, new NobodyIsNoContent(response));
      return;
    }
    chain.doFilter(request, response);
  }

  /** The engine name of a who-is-signed-in probe, or null for any other request. */
  String engineOfProbe(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) {
      return null;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(probePrefix)) {
      return null;
    }
    String engine = path.substring(probePrefix.length());
    return engine.isEmpty() || engine.contains("/") ? null : engine;
  }

  private static boolean signedIn(HttpSession session, String engine) {
    return session != null && AuthenticationUtil.getAuthsFromSession(session).hasAuthenticationForProcessEngine(engine);
  }

  /** Camunda's "nobody is signed in" (404, set or sent as an error) becomes 204 without a body. */
  private static final class NobodyIsNoContent extends HttpServletResponseWrapper {

    NobodyIsNoContent(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int status) {
      super.setStatus(status == SC_NOT_FOUND ? SC_NO_CONTENT : status);
    }

    @Override
    public void sendError(int status) throws IOException {
      if (status == SC_NOT_FOUND) {
        super.setStatus(SC_NO_CONTENT);
      } else {
        super.sendError(status);
      }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (status == SC_NOT_FOUND) {
        super.setStatus(SC_NO_CONTENT);
      } else {
        super.sendError(status, message);
      }
    }
  }
}
