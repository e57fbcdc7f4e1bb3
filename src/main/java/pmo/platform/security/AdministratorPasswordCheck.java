package pmo.platform.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class AdministratorPasswordCheck {

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
}
