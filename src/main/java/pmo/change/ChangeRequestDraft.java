package pmo.change;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A change request as raised (start form, REST) or revised; field names are the form keys. The change type and the
 * quality impact arrive as their choices, read where the form or the REST body was received. Deltas are signed: a
 * negative cost delta lowers the budget, a negative schedule delta moves the planned finish earlier.
 */
public record ChangeRequestDraft(
    @NotNull Long projectId,
    @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 4000) String description,
    @NotBlank @Size(max = 2000) String reason,
    @NotNull ChangeType changeType,
    @NotNull @Digits(integer = 13, fraction = 2) BigDecimal costDelta,
    @NotNull @Min(-3650) @Max(3650) Integer scheduleDeltaDays,
    @Size(max = 2000) String scopeChange,
    @NotNull QualityImpact qualityImpact,
    @Size(max = 2000) String riskNotes) {

  /** The same draft for another project (a revision stays on the request's project whatever the form sent). */
  ChangeRequestDraft onProject(long project) {
    return new ChangeRequestDraft(project, title, description, reason, changeType, costDelta, scheduleDeltaDays,
        scopeChange, qualityImpact, riskNotes);
  }
}
