package pmo.intake;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** What a requester proposes (start form) or revises (revise form); field names are the form keys. */
public record ProposalDraft(
    @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 4000) String businessCase,
    @NotBlank @Size(max = 64) String sponsor,
    @NotBlank String category,
    @NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal estimatedBudget,
    @NotNull @Min(1) @Max(120) Integer estimatedMonths,
    @NotBlank @Size(max = 200) String strategicObjective,
    @NotBlank @Size(max = 4000) String expectedBenefits) {
}
