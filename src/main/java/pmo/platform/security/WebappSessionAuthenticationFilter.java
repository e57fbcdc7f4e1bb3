package pmo.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import pmo.platform.identity.Directory;

/**
 * The API's second way in, for our own pages (the auditor's page and the others under {@code /}): the session of the
 * Camunda webapps. Whoever signed in to Tasklist, Cockpit or a page's sign-in form (which uses the webapps' own login)
 * calls {@code /api} with that session's cookie and no password. Only when the request carries no HTTP Basic
 * credentials (those win), and with the user's groups read afresh, as Basic does.
 *
 * <p>Reads ({@code GET}, {@code HEAD}) need the session only; anything that changes data needs the webapps' CSRF token
 * too ({@code X-XSRF-TOKEN} equal to the session's), as the webapps' own API does, so that a page on another site
 * cannot ride the cookie. A user who no longer exists is not signed in.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  /** Where the webapps keep who signed in ({@code AuthenticationUtil}'s session key) and their CSRF token. */
  static final String AUTHENTICATIONS = "authenticatedUser";
  static final String CSRF_TOKEN = "CAMUNDA_CSRF_TOKEN";
  static final String CSRF_HEADER = "X-XSRF-TOKEN";
  private static final Set<String> READS = Set.of("GET", "HEAD");

  private final String engine;
  private final Directory directory;

  WebappSessionAuthenticationFilter(String engine, Directory directory) {
    this.engine = engine;
    this.directory = directory;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var context = SecurityContextHolder.getContext();
    HttpSession session = request.getSession(false);
    if ((context.getAuthentication() == null || !context.getAuthentication().isAuthenticated())
        && session != null && (READS.contains(request.getMethod()) || csrfTokenMatches(request, session))) {
      String user = signedIn(session);
      if (user != null && directory.userExists(user)) {
        var groups = directory.groupsOf(user).stream().map(SimpleGrantedAuthority::new).toList();
        // a context of its own for this request (Spring Security's way), not the one it may share
        var signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, groups));
        SecurityContextHolder.setContext(signedIn);
      }
    }
    chain.doFilter(request, response);
  }

  private String signedIn(HttpSession session) {
    if (session.getAttribute(AUTHENTICATIONS) instanceof Authentications all
        && all.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication user) {
      return user.getName();
    }
    return null;
  }

  private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
    String sent = request.getHeader(CSRF_HEADER);
    return sent != null && session.getAttribute(CSRF_TOKEN) instanceof String expected
        && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
