package pmo.project;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A new baseline version, e.g. after an approved change; {@code changeRequestId} links it to its cause. */
public record NewBaseline(
    @NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal budgetAtCompletion,
    @NotNull LocalDate plannedStart,
    @NotNull LocalDate plannedFinish,
    @NotBlank @Size(max = 8000) String scopeSummary,
    @NotBlank @Size(max = 500) String reason,
    Long changeRequestId) {
}
