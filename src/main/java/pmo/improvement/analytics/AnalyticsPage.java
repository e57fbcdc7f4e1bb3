package pmo.improvement.analytics;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The analytics page (static/analytics) at /analytics/: the figures drawn on the process diagram with the bpmn-js
 * viewer, which the build copies into the jar (static/analytics/vendor); its data comes from /api/analytics.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/analytics", "/analytics/");
    registry.addViewController("/analytics/").setViewName("forward:/analytics/index.html");
  }
}
