package pmo.migration;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The process owners' migration page (static/migrations) at /migrations/; its data comes from /api/migrations. */
@Configuration(proxyBeanMethods = false)
class MigrationPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/migrations", "/migrations/");
    registry.addViewController("/migrations/").setViewName("forward:/migrations/index.html");
  }
}
