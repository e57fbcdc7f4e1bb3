package pmo.risk;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.stereotype.Component;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.ConflictException;
import pmo.platform.NotFoundException;

/**
 * What every write of the risk register shares: find a risk, lock its row (checking its status), and write columns
 * with the audit event of the change, all in the caller's transaction.
 */
@Component
class RiskRecords {

  private final RiskRepository risks;
  private final AuditLog audit;
  private final Clock clock;

  RiskRecords(RiskRepository risks, AuditLog audit, Clock clock) {
    this.risks = risks;
    this.audit = audit;
    this.clock = clock;
  }

  Risk find(long id) {
    return risks.find(id).orElseThrow(() -> new NotFoundException("risk", id));
  }

  /** Locks the risk; with {@code expected}, it must be in that status (a lost race is a conflict). */
  Risk lock(long id, RiskStatus expected) {
    Risk risk = risks.lock(id).orElseThrow(() -> new NotFoundException("risk", id));
    if (expected != null && risk.status() != expected) {
      throw new ConflictException("risk " + id + " is " + risk.status() + ", not " + expected);
    }
    return risk;
  }

  /** Writes the columns of a locked risk and records {@code action} in the audit trail with before and after. */
  Risk write(Risk before, Map<String, Object> columns, RiskAudit action) {
    risks.update(before, columns, now());
    Risk after = find(before.id());
    audit.record(AuditEntry.changed(action, before.id(), before.projectId(), before, after));
    return after;
  }

  OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
