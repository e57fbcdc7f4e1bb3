package pmo.portfolio;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pmo.portfolio.*} in config/application.yaml: the PMO's scoring model (criteria, and the criterion that breaks
 * ties as strategic alignment), the resource roles with the FTE each has in a month unless the PMO sets another
 * capacity, the what-if's limits and the portfolio review's cycle. Checked at start ({@link ScoringModels}).
 */
@ConfigurationProperties("pmo.portfolio")
public record PortfolioSettings(List<Criterion> criteria, String alignmentCriterion, List<Role> roles, WhatIf whatIf,
    Review review) {

  public PortfolioSettings {
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
    roles = roles == null ? List.of() : List.copyOf(roles);
    whatIf = whatIf == null ? new WhatIf(null, null, null, null) : whatIf;
    review = review == null ? new Review(null) : review;
  }

  /** A resource role and the FTE it has in a month without a capacity set for that month. */
  public record Role(String id, String name, BigDecimal defaultFte) {

    public Role {
      defaultFte = defaultFte == null ? BigDecimal.ZERO : defaultFte;
    }
  }

  /**
   * The what-if: the solver's time limit (the efficient frontier shares it among its points), the frontier's number of
   * points, the default and the longest horizon in months.
   */
  public record WhatIf(Duration timeLimit, Integer frontierPoints, Integer horizonMonths, Integer maxHorizonMonths) {

    public WhatIf {
      timeLimit = timeLimit == null ? Duration.ofSeconds(10) : timeLimit;
      frontierPoints = frontierPoints == null ? 21 : frontierPoints;
      horizonMonths = horizonMonths == null ? 12 : horizonMonths;
      maxHorizonMonths = maxHorizonMonths == null ? 60 : maxHorizonMonths;
    }
  }

  /** The portfolio review's timer cycle: a Camunda cycle (cron, or ISO 8601 repeating interval). */
  public record Review(String cycle) {

    public Review {
      cycle = cycle == null || cycle.isBlank() ? "0 0 6 1 1,4,7,10 ?" : cycle;
    }
  }

  public java.util.Optional<Role> role(String id) {
    return roles.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
