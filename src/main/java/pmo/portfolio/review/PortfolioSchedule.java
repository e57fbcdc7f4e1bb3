package pmo.portfolio.review;

import org.springframework.stereotype.Component;
import pmo.portfolio.PortfolioSettings;

/**
 * When the portfolio review starts by itself: the timer start event of processes/portfolio-review.bpmn reads
 * {@code ${portfolioSchedule.cycle()}} (on the model allowlist), so the cycle is configuration
 * ({@code pmo.portfolio.review.cycle}), not part of the model.
 */
@Component("portfolioSchedule")
public class PortfolioSchedule {

  private final PortfolioSettings settings;

  PortfolioSchedule(PortfolioSettings settings) {
    this.settings = settings;
  }

  public String cycle() {
    return settings.review().cycle();
  }
}
