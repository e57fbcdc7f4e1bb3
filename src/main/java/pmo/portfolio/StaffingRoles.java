package pmo.portfolio;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import pmo.platform.Viewer;
import pmo.platform.engine.FormOptions;

/**
 * The roles a gate package's staffing table offers ({@code valuesKey: "staffingRoles"},
 * forms/gate-review-package.form): the configured roles ({@code pmo.portfolio.roles}), labelled by name, valued by id.
 * Put into the form each time it is fetched ({@code FormPickers}) rather than held as a JSON process variable of every
 * gate review (written to runtime, history and detail with a byte array each, issue 15). Configuration: the same for
 * every reader.
 */
@Component
class StaffingRoles implements FormOptions {

  static final String KEY = "staffingRoles";

  private final PortfolioSettings settings;

  StaffingRoles(PortfolioSettings settings) {
    this.settings = settings;
  }

  @Override
  public Set<String> keys() {
    return Set.of(KEY);
  }

  @Override
  public List<Option> options(String key, Viewer user) {
    return settings.roles().stream().map(role -> new Option(role.name(), role.id())).toList();
  }
}
