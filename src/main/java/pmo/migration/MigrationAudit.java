package pmo.migration;

import pmo.platform.AuditAction;

/**
 * What the audit trail records about migrations; the names are stored. One event for the migration as a whole (who,
 * which instances, from which definition to which) and one per moved instance, so the auditor's timeline of a project
 * finds the move of each of its instances by the instance ({@code PROCESS_INSTANCE}, entity id = instance id).
 */
enum MigrationAudit implements AuditAction {
  /** A migration was submitted: the plan, the instances, the source and target definitions, the batch. */
  MIGRATION_EXECUTED("MIGRATION"),
  /** One process instance was moved to another version of its process (part of a MIGRATION_EXECUTED). */
  PROCESS_INSTANCE_MIGRATED(MigrationAudit.PROCESS_INSTANCE);

  /** The entity type of the per-instance events; the audit timeline looks them up by it. */
  static final String PROCESS_INSTANCE = "PROCESS_INSTANCE";

  private final String entityType;

  MigrationAudit(String entityType) {
    this.entityType = entityType;
  }

  @Override
  public String entityType() {
    return entityType;
  }
}
