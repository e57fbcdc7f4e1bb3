package pmo.change;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;
import pmo.platform.CommandValidator;
import pmo.platform.InputErrors;
import pmo.project.Baseline;
import pmo.project.Project;
import pmo.project.ProjectService;

/** The input rules of change requests, shared by raising (start form, REST, Java), revising and assessing. */
@Component
class ChangeRequestChecks {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final ProjectService projects;
  private final CommandValidator validator;

  ChangeRequestChecks(ProjectService projects, CommandValidator validator) {
    this.projects = projects;
    this.validator = validator;
  }

  /**
   * The checks of a raised or revised request: the form's rules, and the project and its baseline (the choices were
   * read where the request was received).
   */
  InputErrors check(ChangeRequestDraft draft) {
    InputErrors errors = validator.check(draft);
    if (draft.projectId() != null) {
      checkProject(errors, draft.projectId(), errors.has("costDelta") ? null : draft.costDelta(),
          errors.has("scheduleDeltaDays") ? null : draft.scheduleDeltaDays());
    }
    return errors;
  }

  /**
   * Only an approved, running project can be changed: one that exists (projects exist once their intake was
   * approved), is not cancelled or completed, and is not closed. The deltas must leave a valid baseline. Returns the
   * project's current baseline, null when the project is not there to change.
   */
  Baseline checkProject(InputErrors errors, long projectId, BigDecimal costDelta, Integer days) {
    Project project = projects.checkRunning(errors, "projectId", projectId,
        "only an approved, open project can be changed").orElse(null);
    if (project == null || !project.isRunning()) {
      return null;
    }
    Baseline baseline = projects.currentBaseline(projectId);
    if (costDelta != null && baseline.budgetAtCompletion().add(costDelta).signum() < 0) {
      errors.add("costDelta", "would make the budget negative (the current baseline budget is "
          + baseline.budgetAtCompletion().toPlainString() + ")");
    }
    if (days != null && baseline.plannedFinish().plusDays(days).isBefore(baseline.plannedStart())) {
      errors.add("scheduleDeltaDays", "would move the planned finish (" + baseline.plannedFinish()
          + ") before the planned start (" + baseline.plannedStart() + ")");
    }
    return baseline;
  }


  /**
   * A delta as a percentage of its base: absolute, rounded up to two decimals so that anything above a threshold
   * counts as above it; a change to a zero base counts as 100 %.
   */
  static BigDecimal percent(BigDecimal delta, BigDecimal base) {
    if (delta.signum() == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    if (base.signum() == 0) {
      return HUNDRED.setScale(2);
    }
    return delta.abs().multiply(HUNDRED).divide(base, 2, RoundingMode.UP);
  }
}
