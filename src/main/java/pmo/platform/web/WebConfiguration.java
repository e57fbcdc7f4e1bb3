package pmo.platform.web;

import jakarta.servlet.ServletRegistration;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  /** Everything the engine's REST API needs to answer like the rest of the application. */
  static final Class<?>[] ENGINE_REST_PROVIDERS = {EngineRestExceptionMapper.class,
      EngineRestExceptionMapper.Wrapped.class, EngineRestExceptionMapper.Anything.class, EngineRestExceptionMapper.UnreadableJson.class,
      EngineRestExceptionMapper.MalformedJson.class, StrictEngineJson.class};

  /** /engine-rest: problem details instead of Camunda's generic 500, strict JSON. */
  @Bean
  ResourceConfigCustomizer engineRestExceptions() {
    return config -> Stream.of(ENGINE_REST_PROVIDERS).forEach(config::register);
  }

  /**
   * Tasklist's and Cockpit's own copy of the engine REST API ({@code /camunda/api/engine}) is a second JAX-RS
   * application, registered by the Camunda webapp starter as the servlet "Engine Api"; Jersey adds the providers
   * named in its init parameter. The starter's initializer is wrapped, so the parameter is set right after it
   * registered the servlet, whatever the order of initializers.
   */
  @Bean
  static BeanPostProcessor webappEngineApiProblems() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof CamundaBpmWebappInitializer camunda)) {
          return bean;
        }
        return (ServletContextInitializer) servletContext -> {
          camunda.onStartup(servletContext);
          ServletRegistration engineApi = servletContext.getServletRegistration("Engine Api");
          if (engineApi != null) {
            engineApi.setInitParameter("jersey.config.server.provider.classnames",
                Stream.of(ENGINE_REST_PROVIDERS).map(Class::getName).collect(Collectors.joining(",")));
          }
        };
      }
    };
  }

  /** /api (and everything else that reads JSON with Spring's mapper): strict JSON. */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJson() {
    return builder -> builder.postConfigurer(StrictJson::apply);
  }

  /** Request bodies are capped before anything reads them (413 problem details). */
  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(
      @Value("${pmo.web.max-body-size:1MB}") DataSize maxBody,
      @Value("${pmo.web.max-deployment-size:10MB}") DataSize maxDeployment) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
        new RequestSizeLimitFilter(maxBody.toBytes(), maxDeployment.toBytes()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** The webapps' who-is-signed-in probe answers 204 instead of 404 without a session (see the filter). */
  @Bean
  FilterRegistrationBean<SignedOutProbeFilter> signedOutProbe(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
    FilterRegistrationBean<SignedOutProbeFilter> registration = new FilterRegistrationBean<>(
        new SignedOutProbeFilter(applicationPath));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    registration.addUrlPatterns(applicationPath + "/api/admin/auth/user/*");
    return registration;
  }

  /** Each webapp response's Content-Security-Policy nonce is its own (see the filter: Camunda shares one). */
  @Bean
  FilterRegistrationBean<RequestScopedCspNonceFilter> requestScopedCspNonce(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
    FilterRegistrationBean<RequestScopedCspNonceFilter> registration = new FilterRegistrationBean<>(
        new RequestScopedCspNonceFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    registration.addUrlPatterns(applicationPath + "/*");
    return registration;
  }

  /** A GET of /engine-rest/ goes on to the list of engines instead of a bare 404 (see {@link EngineRestRoot}). */
  @Bean
  FilterRegistrationBean<EngineRestRoot> engineRestRoot() {
    FilterRegistrationBean<EngineRestRoot> registration = new FilterRegistrationBean<>(new EngineRestRoot());
    registration.addUrlPatterns(EngineRestRoot.ROOTS);
    return registration;
  }
}
