package pmo.performance;

import pmo.platform.AuditAction;

/** What the audit trail records about status reports, improvement plans and periodic reports; the names are stored. */
enum PerformanceAudit implements AuditAction {
  STATUS_REPORT_DUE(Entities.REPORT),
  STATUS_REPORT_SUBMITTED(Entities.REPORT),
  /** The project stopped reporting (on hold, closed, cancelled) before the report was submitted. */
  STATUS_REPORT_CANCELLED(Entities.REPORT),
  STATUS_REPORT_REMINDED(Entities.REPORT),
  STATUS_REPORT_ESCALATED(Entities.REPORT),
  /** The PMO's review of a report with a red overall RAG. */
  STATUS_REPORT_REVIEWED(Entities.REPORT),
  IMPROVEMENT_PLAN_OPENED(Entities.PLAN),
  IMPROVEMENT_PLAN_DRAFTED(Entities.PLAN),
  IMPROVEMENT_PLAN_AGREED(Entities.PLAN),
  IMPROVEMENT_PLAN_SENT_BACK(Entities.PLAN),
  IMPROVEMENT_PLAN_CLOSED(Entities.PLAN),
  PERFORMANCE_REPORT_GENERATED(Entities.PERIODIC);

  private final String entityType;

  PerformanceAudit(String entityType) {
    this.entityType = entityType;
  }

  @Override
  public String entityType() {
    return entityType;
  }

  /** The entity types of the audit trail (and of escalation records and notices). */
  static final class Entities {
    static final String REPORT = "STATUS_REPORT";
    static final String PLAN = "IMPROVEMENT_PLAN";
    static final String PERIODIC = "PERFORMANCE_REPORT";

    private Entities() {
    }
  }
}
