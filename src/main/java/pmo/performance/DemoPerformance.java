package pmo.performance;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: eight weeks of status reports for the demo projects in execution ({@link PerformanceSeed}), once,
 * so the dashboard shows trends on first start.
 */
@Component
@Profile("demo")
@Order(30)
class DemoPerformance implements ApplicationRunner {

  private final PerformanceSeed seed;

  DemoPerformance(PerformanceSeed seed) {
    this.seed = seed;
  }

  @Override
  public void run(ApplicationArguments args) {
    seed.seedDemo();
  }
}
