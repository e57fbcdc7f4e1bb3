package pmo.issue;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import pmo.audit.AuditService;
import pmo.platform.engine.CurrentActor;
import pmo.platform.identity.Directory;

/**
 * The escalation records of risks and issues (table {@code escalation}); each record also goes to the audit trail
 * (ESCALATION_RECORDED), in the transaction of the escalation step that writes it. It lives with the issue log because
 * the risk register already depends on it (a materialised risk raises an issue), so both use it without a cycle.
 */
@Service
public class Escalations {

  public static final String ENTITY = "ESCALATION";

  /** What an escalation step knows: the case, the level and party, the rule, the missed deadline and the reason. */
  public record Step(String entityType, long entityId, long projectId, int level, String escalatedTo, String rule,
      OffsetDateTime missedDeadline, String reason, Duration respondWithin) {
  }

  private final JdbcClient jdbc;
  private final AuditService audit;
  private final Directory directory;
  private final CurrentActor actor;
  private final Clock clock;

  Escalations(JdbcClient jdbc, AuditService audit, Directory directory, CurrentActor actor, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.directory = directory;
    this.actor = actor;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Escalation record(Step step) {
    String type = directory.groupExists(step.escalatedTo()) ? "GROUP"
        : directory.userExists(step.escalatedTo()) ? "USER" : null;
    if (type == null) {
      // a decision table or setting names nobody: fail the step (a retried job, then an incident), never drop it
      throw new IllegalStateException("escalation of " + step.entityType() + " " + step.entityId() + " names '"
          + step.escalatedTo() + "', which is neither a group nor a user");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into escalation (entity_type, entity_id, project_id, level, escalated_to, escalated_to_type, rule,
                                    missed_deadline, reason, respond_by, escalated_at, escalated_by)
            values (:type, :entity, :project, :level, :to, :toType, :rule, :missed, :reason, :respondBy, :now, :by)""")
        .param("type", step.entityType())
        .param("entity", step.entityId())
        .param("project", step.projectId())
        .param("level", step.level())
        .param("to", step.escalatedTo())
        .param("toType", type)
        .param("rule", step.rule())
        .param("missed", step.missedDeadline())
        .param("reason", step.reason().length() > 2000 ? step.reason().substring(0, 2000) : step.reason())
        .param("respondBy", now.plus(step.respondWithin()))
        .param("now", now)
        .param("by", actor.id())
        .update(key, "id");
    Escalation escalation = find(key.getKey().longValue());
    audit.record("ESCALATION_RECORDED", ENTITY, escalation.id(), step.projectId(), null, escalation);
    return escalation;
  }

  /** The escalations of one risk or issue, oldest first. */
  @Transactional(readOnly = true)
  public List<Escalation> of(String entityType, long entityId) {
    return jdbc.sql("select * from escalation where entity_type = :type and entity_id = :id order by id")
        .param("type", entityType).param("id", entityId).query(Escalation.class).list();
  }

  @Transactional(readOnly = true)
  public Optional<Escalation> latest(String entityType, long entityId) {
    return jdbc.sql("""
            select * from escalation where entity_type = :type and entity_id = :id order by id desc
            fetch first 1 rows only""")
        .param("type", entityType).param("id", entityId).query(Escalation.class).optional();
  }

  private Escalation find(long id) {
    return jdbc.sql("select * from escalation where id = :id").param("id", id).query(Escalation.class).single();
  }
}
