package pmo.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webapps' CSRF token of the caller's session, for our own pages: the webapps hand it out only once, to whichever
 * of their pages made the session (a response header, and a cookie for the webapps' path only), so a page opened after
 * signing in to Tasklist or Cockpit could read with the session but never change anything. A read of the API with the
 * session answers it; another site's page can send the cookie but cannot read the answer (no CORS), which is what keeps
 * the token from it. 204 without a webapps session (HTTP Basic needs no token).
 */
@RestController
class SessionTokenController {

  /** The token as the pages send it back in {@code X-XSRF-TOKEN}. */
  record Token(String token) {
  }

  @GetMapping("/api/session/csrf-token")
  ResponseEntity<Token> token(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(WebappSessionAuthenticationFilter.CSRF_TOKEN);
    if (!(token instanceof String value)) {
      return ResponseEntity.noContent().build();
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Token(value));
  }
}
