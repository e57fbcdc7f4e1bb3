package pmo.portfolio;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pmo.portfolio.*} in config/application.yaml: the PMO's scoring model (criteria, and the criterion that breaks
 * ties as strategic alignment) and the resource roles with the FTE each has in a month unless the PMO sets another
 * capacity. Checked at start ({@link ScoringModels}).
 */
@ConfigurationProperties("pmo.portfolio")
public record PortfolioSettings(List<Criterion> criteria, String alignmentCriterion, List<Role> roles) {

  public PortfolioSettings {
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  /** A resource role and the FTE it has in a month without a capacity set for that month. */
  public record Role(String id, String name, BigDecimal defaultFte) {

    public Role {
      defaultFte = defaultFte == null ? BigDecimal.ZERO : defaultFte;
    }
  }

  public Optional<Role> role(String id) {
    return roles.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
