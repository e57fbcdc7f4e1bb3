package pmo.risk;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.hibernate.validator.constraints.Range;

/**
 * What raising a risk needs (the start form's keys, the REST body). Probability, impact and monetary impact are the
 * initial assessment: the start form leaves them to the project manager; the REST API (an identification meeting)
 * brings them. {@code dueDate}: by when the response is to be in place.
 */
public record NewRisk(
    @NotNull Long projectId,
    @NotBlank @Size(max = 200) String title,
    @Size(max = 4000) String description,
    @NotBlank String category,
    @Size(max = 4000) String cause,
    @Size(max = 4000) String effect,
    @NotBlank @Size(max = 64) String owner,
    LocalDate dueDate,
    @Range(min = 1, max = 5) Integer probability,
    @Range(min = 1, max = 5) Integer impact,
    @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal monetaryImpact) {

  boolean isAssessed() {
    return probability != null || impact != null;
  }
}
