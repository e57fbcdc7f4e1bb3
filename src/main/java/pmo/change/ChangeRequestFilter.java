package pmo.change;

/** The filters of the change request list; null means "any". */
public record ChangeRequestFilter(Long projectId, ChangeStatus status, ChangeType type) {
}
