package pmo.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import pmo.platform.identity.Directory;

/**
 * Two doors. The APIs ({@code /api/**}, {@code /engine-rest/**}) take stateless HTTP Basic against the engine's
 * identity service, or else the Camunda webapps' session ({@link WebappSessionAuthenticationFilter}, for our own
 * pages), and run each request as that user; without either, a 401 that says how to sign in
 * ({@link ApiAuthenticationEntryPoint}). The Camunda webapps keep their own login, session and CSRF
 * protection; everything else (static pages, health) is open. The engine API's password check for any user
 * ({@code identity/verify}, on {@code /engine-rest} and on the webapps' own engine API) is closed: it would let a
 * logged-in user guess other users' passwords past the login throttle ({@link LoginThrottleFilter}), which watches
 * only the two login doors.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identityService, ProcessEngine engine, Directory directory, ObjectMapper json)
      throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    ApiAuthenticationEntryPoint notSignedIn = new ApiAuthenticationEntryPoint(json);
    return http
        .securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(paths.matcher("/engine-rest/identity/verify")).denyAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(notSignedIn))
        .exceptionHandling(failures -> failures.authenticationEntryPoint(notSignedIn))
        // no Basic credentials: the webapps' session, for our own pages (reads; writes with its CSRF token)
        .addFilterAfter(new WebappSessionAuthenticationFilter(engine.getName(), directory),
            BasicAuthenticationFilter.class)
        // this chain's own manager, without the global one as parent: that one holds the same provider bean, and a
        // wrong password would be checked twice (twice the cost, two failures counted by the engine)
        .authenticationManager(new ProviderManager(provider))
        // stateless, and the webapps' session is never given a new id here: setting the policy installs Spring's
        // SessionManagementFilter, whose default session fixation protection changed the session id on every /api
        // request read with the session (the context is never stored), so one of a page's two concurrent reads came
        // with the id the other had just replaced and got a 401 (the page's sign-in form again right after signing
        // in). The webapps' login starts a new session itself.
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        // Basic auth sends no cookie a third-party page could ride on, and the webapps' session is taken for a change
        // only with the webapps' CSRF token (WebappSessionAuthenticationFilter): Spring's CSRF filter has nothing to add
        .csrf(csrf -> csrf.disable())
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webSecurity(HttpSecurity http, CamundaBpmProperties camunda) throws Exception {
    String webapp = camunda.getWebapp().getApplicationPath();
    return http
        // the Camunda webapps authenticate on their own and have their own CSRF filter
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(PathPatternRequestMatcher.withDefaults()
                .matcher(webapp + "/api/engine/engine/*/identity/verify")).denyAll()
            .anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .build();
  }
}
