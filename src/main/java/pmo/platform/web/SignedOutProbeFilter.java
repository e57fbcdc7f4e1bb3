package pmo.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every Tasklist, Cockpit and Admin page first asks {@code GET <app>/api/admin/auth/user/<engine>} who is signed in;
 * without a session Camunda answers 404, which the browser logs as a console error on every login page. The webapps'
 * own code takes any answer but 200 as "nobody" (and 2xx raises no error notice), so the signed-out case is answered
 * 204 here, before Camunda. A signed-in session, any other method and any longer path pass through unchanged. No
 * configuration of the webapps switches the probe off (checked in 7.24's bootstrap code).
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
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      response.setHeader("Cache-Control", "no-store");
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
}
