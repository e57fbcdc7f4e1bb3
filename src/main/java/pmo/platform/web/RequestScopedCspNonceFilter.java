package pmo.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda 7.24's webapps keep the Content-Security-Policy nonce of a response in an attribute of the
 * <em>servlet context</em> ({@code org.camunda.bpm.csp.nonce}): the header filter stores a fresh nonce there for every
 * request and puts it in the header; the index page of Tasklist, Cockpit or Admin then reads it back to stamp its
 * {@code <script nonce>} tags. Any other webapp request between the two (another user's Tasklist polling its task list
 * does it every ten seconds) replaces the attribute, the page's scripts carry another request's nonce, the browser
 * refuses every one of them and the user sees a blank Tasklist until the next reload (CI run of 2026-12-01; Operaton
 * fixed the same defect in its fork by scoping the nonce to the request).
 *
 * <p>This filter runs before Camunda's on the webapps' path and gives Camunda a view of the servlet context in which
 * that one attribute belongs to the request: each response's page and header agree, whatever else is served at the
 * same time. Every other attribute and method goes to the real servlet context.
 */
final class RequestScopedCspNonceFilter extends OncePerRequestFilter {

  /** The attribute Camunda's {@code ContentSecurityPolicyProvider} writes and {@code ProcessEnginesFilter} reads. */
  static final String NONCE_ATTRIBUTE = "org.camunda.bpm.csp.nonce";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new NonceInRequest(request), response);
  }

  private static final class NonceInRequest extends HttpServletRequestWrapper {

    private final ServletContext context;

    NonceInRequest(HttpServletRequest request) {
      super(request);
      this.context = requestScoped(request.getServletContext(), request);
    }

    @Override
    public ServletContext getServletContext() {
      return context;
    }
  }

  /** The servlet context, except that the nonce attribute is read from and written to the request. */
  static ServletContext requestScoped(ServletContext context, ServletRequest request) {
    return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
        new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
          if (args != null && args.length > 0 && NONCE_ATTRIBUTE.equals(args[0])) {
            switch (method.getName()) {
              case "getAttribute" -> {
                return request.getAttribute(NONCE_ATTRIBUTE);
              }
              case "setAttribute" -> {
                request.setAttribute(NONCE_ATTRIBUTE, args[1]);
                return null;
              }
              case "removeAttribute" -> {
                request.removeAttribute(NONCE_ATTRIBUTE);
                return null;
              }
              default -> { }
            }
          }
          return invoke(method, context, args);
        });
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
