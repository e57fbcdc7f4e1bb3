package pmo.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.TransactionCache;
import pmo.platform.engine.CurrentActor;
import pmo.platform.engine.EngineContext;

/**
 * Writes the audit trail. Every domain change calls {@link #record} inside its own transaction, so the event commits
 * or rolls back with the change it describes (and, in a process step, with the engine state). Recording is a plain
 * insert that locks nothing shared, so the audit never serialises the business: the event is committed unsealed and
 * the {@link AuditSealer} chains it ({@link AuditHash}) shortly after its transaction commits. A transaction's events
 * are inserted together just before it commits.
 */
@Service
public class AuditService implements AuditLog {

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final ObjectMapper json;
  private final TransactionCache cache;
  private final CurrentActor actor;
  private final Clock clock;

  AuditService(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ObjectMapper json, TransactionCache cache,
      CurrentActor actor, Clock clock) {
    this.cache = cache;
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
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
    pending().add(new Object[] {at, actor.id(), entry.action().name(), entry.action().entityType(), entry.entityId(),
        entry.projectId(), toJson(entry.before()), toJson(entry.after()), EngineContext.currentProcessInstanceId(),
        entry.taskId()});
  }

  /**
   * The events this transaction recorded and has not written yet. They are written together, as one batch, just before
   * it commits: one round trip instead of one per event (a process step records several), and nothing written if the
   * transaction rolls back. What an event says (its time, actor, process instance) is fixed when it is recorded. An
   * event recorded while the transaction commits (by work that waits for the commit too, such as a project's
   * lifecycle start) is written at once.
   */
  private List<Object[]> pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new Pending(true);
    }
    Map<String, Pending> transaction = cache.of("audit_event.pending");
    Pending events = transaction.get("events");
    if (events == null) {
      Pending created = new Pending(false);
      transaction.put("events", created);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          created.writeAll();
        }
      });
      events = created;
    }
    return events;
  }

  /** A transaction's events not yet written; once they are, each further one is written as it comes. */
  private final class Pending extends ArrayList<Object[]> {

    private boolean written;

    Pending(boolean written) {
      this.written = written;
    }

    @Override
    public boolean add(Object[] event) {
      if (written) {
        write(java.util.Collections.singletonList(event));
        return true;
      }
      return super.add(event);
    }

    void writeAll() {
      write(this);
      clear();
      written = true;
    }
  }

  private void write(List<Object[]> events) {
    if (!events.isEmpty()) {
      jdbcTemplate.batchUpdate("""
          insert into audit_event (occurred_at, actor, action, entity_type, entity_id, project_id,
                                   before_state, after_state, process_instance_id, task_id)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new ArrayList<>(events));
    }
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
