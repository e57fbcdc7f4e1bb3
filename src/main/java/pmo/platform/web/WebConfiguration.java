package pmo.platform.web;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  /** Governance rule failures on /engine-rest answer 403/400 instead of Camunda's generic 500. */
  @Bean
  ResourceConfigCustomizer engineRestExceptions() {
    return config -> config.register(EngineRestExceptionMapper.class).register(EngineRestExceptionMapper.Wrapped.class)
        .register(EngineRestExceptionMapper.Invalid.class).register(EngineRestExceptionMapper.Forbidden.class)
        .register(EngineRestExceptionMapper.Conflict.class);
  }
}
