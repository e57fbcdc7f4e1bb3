package pmo.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.engine.CurrentActor;
import pmo.platform.engine.EngineContext;

/**
 * Writes the audit trail. Every domain change calls {@link #record} inside its own transaction, so the event commits
 * or rolls back with the change it describes (and, in a process step, with the engine state). Recording is a plain
 * insert that locks nothing shared, so the audit never serialises the business: the event is committed unsealed and
 * the {@link AuditSealer} chains it ({@link AuditHash}) shortly after its transaction commits.
 */
@Service
public class AuditService implements AuditLog {

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final CurrentActor actor;
  private final Clock clock;

  AuditService(JdbcClient jdbc, ObjectMapper json, CurrentActor actor, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.actor = actor;
    this.clock = clock;
  }

  /**
   * Records a change of a domain record ({@code before} null for a creation, {@code after} null for a deletion), in
   * the caller's transaction; who and when are added here. A plain insert: the sealer chains it later.
   */
  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(AuditEntry entry) {
    // the database keeps microseconds: the sealer hashes exactly what is stored
    OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    jdbc.sql("""
            insert into audit_event (occurred_at, actor, action, entity_type, entity_id, project_id,
                                     before_state, after_state, process_instance_id, task_id)
            values (:at, :actor, :action, :type, :id, :project, :before, :after, :pi, :task)""")
        .param("at", at)
        .param("actor", actor.id())
        .param("action", entry.action().name())
        .param("type", entry.action().entityType())
        .param("id", entry.entityId())
        .param("project", entry.projectId())
        .param("before", toJson(entry.before()))
        .param("after", toJson(entry.after()))
        .param("pi", EngineContext.currentProcessInstanceId())
        .param("task", entry.taskId())
        .update();
  }

  /** The events about one record, oldest first. */
  @Transactional(readOnly = true)
  public List<AuditEvent> forEntity(String entityType, Object entityId) {
    return jdbc.sql("select * from audit_event where entity_type = :type and entity_id = :id order by id")
        .param("type", entityType)
        .param("id", entityId.toString())
        .query(AuditEvent.class)
        .list();
  }

  private String toJson(Object state) {
    if (state == null) {
      return null;
    }
    if (state instanceof String text) {
      return text;
    }
    try {
      return json.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write audit state of " + state.getClass().getSimpleName(), e);
    }
  }
}
