package pmo.issue;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.ConflictException;
import pmo.platform.NotFoundException;
import pmo.platform.engine.CurrentActor;

/**
 * What every write of the issue log shares: lock an issue row (checking its status), write columns with the audit event
 * of the change, and the columns of an issue that is done (resolved, closed, cancelled), in the caller's transaction.
 */
@Component
class IssueRecords {

  private final IssueRepository issues;
  private final IssueLog log;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final Clock clock;

  IssueRecords(IssueRepository issues, IssueLog log, AuditLog audit, CurrentActor actor, Clock clock) {
    this.issues = issues;
    this.log = log;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  /** Locks the issue; with {@code expected}, it must be in that status (a lost race is a conflict). */
  Issue lock(long id, IssueStatus expected) {
    Issue issue = issues.lock(id).orElseThrow(() -> new NotFoundException("issue", id));
    if (expected != null && issue.status() != expected) {
      throw new ConflictException("issue " + id + " is " + issue.status() + ", not " + expected);
    }
    return issue;
  }

  /** Writes the columns of a locked issue and records {@code action} in the audit trail with before and after. */
  Issue write(Issue before, Map<String, Object> columns, IssueAudit action) {
    issues.update(before, columns, now());
    Issue after = log.get(before.id());
    audit.record(AuditEntry.changed(action, before.id(), before.projectId(), before, after));
    return after;
  }

  /** The columns of an issue that ends in {@code status} with this resolution, by the current user, now. */
  Map<String, Object> done(IssueStatus status, String resolution) {
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("status", status.name());
    set.put("resolution", resolution.length() > 4000 ? resolution.substring(0, 4000) : resolution);
    set.put("resolved_by", actor.id());
    set.put("resolved_at", now());
    return set;
  }

  OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
