package pmo.project;

/**
 * Published (synchronously, inside the cancelling transaction) when a project is cancelled, for example by a Kill
 * decision at a gate. Capabilities that keep open work for a project (change requests, risks, issues) listen with
 * {@code @EventListener} and close or cancel that work with the reason, in the same transaction.
 */
public record ProjectCancelled(long projectId, String reason) {
}
