package pmo.issue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What raising an issue needs (the start form's keys). {@code raisedFromRiskId} is set when a risk materialised into
 * this issue.
 */
public record NewIssue(
    @NotNull Long projectId,
    @NotBlank @Size(max = 200) String title,
    @Size(max = 4000) String description,
    @NotNull IssueSeverity severity,
    @NotBlank @Size(max = 64) String owner,
    Long raisedFromRiskId) {
}
