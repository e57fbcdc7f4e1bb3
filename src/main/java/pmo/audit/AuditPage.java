package pmo.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The auditor's read-only page (static/audit) at /audit/; its data comes from /api/audit (auditors only). */
@Configuration(proxyBeanMethods = false)
class AuditPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/audit", "/audit/");
    registry.addViewController("/audit/").setViewName("forward:/audit/index.html");
  }
}
