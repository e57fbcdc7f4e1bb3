package pmo.project;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What registering a project needs: the project's data and its first baseline. */
public record NewProject(
    @Size(max = 20) String code,
    @NotBlank @Size(max = 200) String name,
    @Size(max = 4000) String description,
    @NotBlank String sponsor,
    String manager,
    @NotBlank String category,
    @Size(max = 200) String strategicObjective,
    @NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal budgetAtCompletion,
    @NotNull LocalDate plannedStart,
    @NotNull LocalDate plannedFinish,
    @NotBlank @Size(max = 4000) String scopeSummary) {
}
