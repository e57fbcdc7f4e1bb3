package pmo.migration;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.FieldError;
import pmo.platform.InvalidInputException;
import pmo.platform.NotFoundException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.engine.CurrentActor;
import pmo.platform.engine.SystemActions;

/**
 * Plans and executes migrations. Execution is always a batch of the engine ({@code executeAsync}): the job executor
 * moves the instances after this transaction commits, each batch job validating its instances again, so a thousand
 * instances never hold one request or one transaction. The batch, the row of {@code process_migration} and the audit
 * events commit together or not at all.
 *
 * <p>The migration runs as the system ({@link SystemActions}): the role check of the API (process owners and
 * administrators) is the gate; the definitions and instances it reads were read as the user.
 */
@Service
class MigrationService {

  private final MigrationPlanner planner;
  private final MigrationRepository migrations;
  private final RuntimeService runtime;
  private final SystemActions system;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final Clock clock;

  MigrationService(MigrationPlanner planner, MigrationRepository migrations, RuntimeService runtime,
      SystemActions system, AuditLog audit, CurrentActor actor, Clock clock) {
    this.planner = planner;
    this.migrations = migrations;
    this.runtime = runtime;
    this.system = system;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  PlanReport plan(MigrationCommand command) {
    return planner.check(command).report(command.processKey());
  }

  /** Submits the migration as a batch; refuses a plan with problems (400, each problem as an error of the plan). */
  @Transactional
  Migration execute(MigrationCommand command) {
    // all instances: the unmapped activities were counted for all of them; named ones: each is tried (up to 200)
    MigrationPlanner.Checked checked = planner.check(command, command.processInstanceIds() != null);
    if (!checked.problems().isEmpty()) {
      throw new InvalidInputException(checked.problems().stream()
          .map(p -> new FieldError("instructions", (p.element() == null ? "" : p.element() + ": ") + p.reason()))
          .toList());
    }
    if (checked.instances().isEmpty()) {
      throw InvalidInputException.of("processInstanceIds", "no instance runs on version "
          + checked.source().getVersion() + " of " + command.processKey());
    }
    Batch batch = system.call(() -> runtime.newMigration(checked.plan()).processInstanceIds(checked.instances())
        .executeAsync());
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.MICROS);
    Migration draft = new Migration(0, command.processKey(), checked.source().getId(), checked.source().getVersion(),
        checked.target().getId(), checked.target().getVersion(), checked.instructions(), checked.instances().size(),
        batch.getId(), actor.id(), now);
    long id = migrations.insert(draft, checked.instances());
    Migration saved = migrations.find(id).orElseThrow();
    Map<String, Object> after = facts(saved);
    after.put("instructions", saved.instructions());
    after.put("processInstanceIds", checked.instances());
    audit.record(AuditEntry.created(MigrationAudit.MIGRATION_EXECUTED, id, null, after));
    for (String instance : checked.instances()) {
      audit.record(AuditEntry.created(MigrationAudit.PROCESS_INSTANCE_MIGRATED, instance, null, facts(saved)));
    }
    return saved;
  }

  @Transactional(readOnly = true)
  Page<Migration> history(String processKey, PageRequest page) {
    return Page.of(migrations.page(processKey, page), page, migrations.count(processKey));
  }

  @Transactional(readOnly = true)
  Migration get(long id) {
    return migrations.find(id).orElseThrow(() -> new NotFoundException("migration", id));
  }

  @Transactional(readOnly = true)
  List<String> instancesOf(long id) {
    return migrations.instancesOf(id);
  }

  /** What the audit events say of a migration (the timeline reads sourceVersion and targetVersion). */
  private static Map<String, Object> facts(Migration m) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("migration", m.id());
    facts.put("processKey", m.processKey());
    facts.put("sourceDefinitionId", m.sourceDefinitionId());
    facts.put("sourceVersion", m.sourceVersion());
    facts.put("targetDefinitionId", m.targetDefinitionId());
    facts.put("targetVersion", m.targetVersion());
    facts.put("batchId", m.batchId());
    return facts;
  }
}
