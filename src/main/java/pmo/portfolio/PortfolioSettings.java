package pmo.portfolio;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pmo.portfolio.*} in config/application.yaml: the PMO's scoring model (criteria, and the criterion that breaks
 * ties as strategic alignment). Checked at start ({@link ScoringModels}).
 */
@ConfigurationProperties("pmo.portfolio")
public record PortfolioSettings(List<Criterion> criteria, String alignmentCriterion) {

  public PortfolioSettings {
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
  }
}
