package pmo.escalation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The table {@code escalation}: one row per reminder or escalation step of any case. */
@Repository
class EscalationRepository {

  private final JdbcClient jdbc;

  EscalationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(EscalatedCase escalated, EscalationStep step, String toType, String rule, String waitingFor,
      String reason, OffsetDateTime respondBy, OffsetDateTime now, String by) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into escalation (entity_type, entity_id, project_id, kind, trigger, level, escalated_to,
                                    escalated_to_type, rule, missed_deadline, waiting_for, reason, respond_by,
                                    escalated_at, escalated_by)
            values (:type, :entity, :project, :kind, :trigger, :level, :to, :toType, :rule, :missed, :waiting,
                    :reason, :respondBy, :now, :by)""")
        .param("type", escalated.entityType())
        .param("entity", escalated.entityId())
        .param("project", escalated.projectId())
        .param("kind", step.kind().name())
        .param("trigger", step.trigger().name())
        .param("level", step.level())
        .param("to", step.escalateTo())
        .param("toType", toType)
        .param("rule", rule)
        .param("missed", escalated.missedDeadline())
        .param("waiting", waitingFor)
        .param("reason", reason)
        .param("respondBy", respondBy)
        .param("now", now)
        .param("by", by)
        .update(key, "id");
    return key.getKey().longValue();
  }

  Escalation find(long id) {
    return jdbc.sql("select * from escalation where id = :id").param("id", id).query(Escalation.class).single();
  }

  List<Escalation> of(String entityType, long entityId) {
    return jdbc.sql("select * from escalation where entity_type = :type and entity_id = :id order by id")
        .param("type", entityType).param("id", entityId).query(Escalation.class).list();
  }

  Optional<Escalation> latest(String entityType, long entityId, EscalationKind kind) {
    return jdbc.sql("""
            select * from escalation where entity_type = :type and entity_id = :id and kind = :kind order by id desc
            fetch first 1 rows only""")
        .param("type", entityType).param("id", entityId).param("kind", kind.name()).query(Escalation.class)
        .optional();
  }
}
