package pmo.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's REST API has no resource at its root, so {@code /engine-rest/}, the address people open first (and
 * the one Camunda Modeler is given), answered Camunda's bare 404. It now sends a GET there on to
 * {@code /engine-rest/engine}, the list of the engines, which shows the API is there and answers. Only the root: every
 * other path goes to the API untouched.
 */
class EngineRestRoot extends OncePerRequestFilter {

  static final String[] ROOTS = {"/engine-rest", "/engine-rest/"};

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws jakarta.servlet.ServletException, IOException {
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
      response.sendRedirect(request.getContextPath() + "/engine-rest/engine");
      return;
    }
    chain.doFilter(request, response);
  }
}
