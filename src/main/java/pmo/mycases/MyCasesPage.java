package pmo.mycases;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The "my cases" page (static/my-cases) at /my-cases/; its data comes from /api/my/cases (the signed-in user's own). */
@Configuration(proxyBeanMethods = false)
class MyCasesPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/my-cases", "/my-cases/");
    registry.addViewController("/my-cases/").setViewName("forward:/my-cases/index.html");
  }
}
