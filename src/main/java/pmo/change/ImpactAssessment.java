package pmo.change;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The project manager's assessment of a change's impact (assessment form); field names are the form keys. */
public record ImpactAssessment(
    @NotNull @Digits(integer = 13, fraction = 2) BigDecimal costDelta,
    @NotNull @Min(-3650) @Max(3650) Integer scheduleDeltaDays,
    @Size(max = 2000) String scopeChange,
    @NotNull QualityImpact qualityImpact,
    @Size(max = 2000) String riskNotes,
    @Size(max = 2000) String assessmentComment) {
}
