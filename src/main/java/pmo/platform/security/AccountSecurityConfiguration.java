package pmo.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The login throttle in front of both doors, as a servlet filter that runs before Spring Security (so a locked Basic
 * login is refused before its password is checked) and before the webapps' servlet; and the cache of checked
 * credentials shared by the HTTP Basic provider and the engine's identity provider.
 */
@Configuration(proxyBeanMethods = false)
class AccountSecurityConfiguration {

  @Bean
  LoginThrottle loginThrottle(AccountSettings settings) {
    return new LoginThrottle(settings.loginThrottle());
  }

  @Bean
  CredentialsCache credentialsCache(AccountSettings settings) {
    return new CredentialsCache(settings.credentialsCache());
  }

  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, CamundaBpmProperties camunda,
      ObjectMapper json) {
    var logins = new LoginAttempt.Recogniser(camunda.getWebapp().getApplicationPath());
    var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, logins, json));
    registration.setName("loginThrottle");
    registration.addUrlPatterns("/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    return registration;
  }
}
