package pmo.project;

/**
 * Published (synchronously, inside the changing transaction) when a project's stage or status changes: put on hold,
 * resumed, moved to another stage, closed. A cancellation publishes {@link ProjectCancelled} as well. Capabilities that
 * run something only for projects in a given state (status reports for projects in execution) listen with
 * {@code @EventListener} and stop or start it in the same transaction.
 */
public record ProjectStatusChanged(long projectId, Stage stage, ProjectStatus status) {
}
