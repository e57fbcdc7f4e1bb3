package pmo.platform.engine;

import java.time.Clock;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

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

  @Bean
  Clock clock() {
    return new EngineClock();
  }
}
