package pmo.project;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code pmo.project.*}: the project categories the PMO uses (forms offer the same list). */
@ConfigurationProperties("pmo.project")
public record ProjectSettings(List<String> categories) {

  public ProjectSettings {
    categories = categories == null || categories.isEmpty()
        ? List.of("IT", "INFRASTRUCTURE", "PRODUCT", "REGULATORY", "PROCESS_IMPROVEMENT", "RESEARCH")
        : List.copyOf(categories);
  }
}
