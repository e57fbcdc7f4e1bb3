package pmo.platform;

import java.time.Clock;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

  /**
   * Refuses to start without an administrator password: with no administrator, the Camunda webapps would offer
   * anybody a page to create one.
   */
  @Bean
  static BeanFactoryPostProcessor administratorPasswordRequired(Environment environment) {
    return beanFactory -> {
      String password = environment.getProperty("camunda.bpm.admin-user.password");
      if (password == null || password.isBlank()) {
        throw new IllegalStateException("PMO_ADMIN_PASSWORD is not set: the administrator's password must come from"
            + " the environment (only the demo profile brings a demo password)");
      }
    };
  }

  /**
   * Flyway first, then the engine: the engine's start-up deployment already writes to the domain tables (the audit
   * trail), so they must exist when it is built.
   */
  @Bean
  static BeanFactoryPostProcessor engineAfterFlyway() {
    return beanFactory -> {
      if (beanFactory.containsBeanDefinition("processEngineFactoryBean")
          && beanFactory.containsBeanDefinition("flywayInitializer")) {
        var engine = beanFactory.getBeanDefinition("processEngineFactoryBean");
        String[] before = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
        String[] after = java.util.Arrays.copyOf(before, before.length + 1);
        after[before.length] = "flywayInitializer";
        engine.setDependsOn(after);
      }
    };
  }

  /** Governance rule failures on /engine-rest answer 403/400 instead of Camunda's generic 500. */
  @Bean
  ResourceConfigCustomizer engineRestExceptions() {
    return config -> config.register(EngineRestExceptionMapper.class).register(EngineRestExceptionMapper.Wrapped.class);
  }

  @Bean
  Clock clock() {
    return new EngineClock();
  }
}
