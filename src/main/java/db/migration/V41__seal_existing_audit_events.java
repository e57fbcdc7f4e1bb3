package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import pmo.audit.AuditHash;

/**
 * Puts the audit events written before the hash chain existed into the chain, in id order, then makes the chain
 * columns mandatory. New events are chained as they are written.
 */
public class V41__seal_existing_audit_events extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    var connection = context.getConnection();
    record Row(long id, OffsetDateTime at, String actor, String action, String type, String entityId, Long project,
        String before, String after, String pi, String task) {
    }
    List<Row> rows = new ArrayList<>();
    try (Statement select = connection.createStatement();
        ResultSet rs = select.executeQuery("select * from audit_event order by id")) {
      while (rs.next()) {
        long project = rs.getLong("project_id");
        rows.add(new Row(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
            rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
            rs.wasNull() ? null : project, rs.getString("before_state"), rs.getString("after_state"),
            rs.getString("process_instance_id"), rs.getString("task_id")));
      }
    }
    String previous = AuditHash.GENESIS;
    long seq = 0;
    try (PreparedStatement update = connection.prepareStatement(
        "update audit_event set seq = ?, occurred_at = ?, prev_hash = ?, hash = ? where id = ?")) {
      for (Row r : rows) {
        seq++;
        OffsetDateTime at = r.at().withOffsetSameInstant(ZoneOffset.UTC)
            .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String hash = AuditHash.of(seq, at, r.actor(), r.action(), r.type(), r.entityId(), r.project(), r.before(),
            r.after(), r.pi(), r.task(), previous);
        update.setLong(1, seq);
        update.setObject(2, at);
        update.setString(3, previous);
        update.setString(4, hash);
        update.setLong(5, r.id());
        update.executeUpdate();
        previous = hash;
      }
    }
    try (PreparedStatement head = connection.prepareStatement(
        "update audit_chain_head set last_seq = ?, last_hash = ? where id = 1")) {
      head.setLong(1, seq);
      head.setString(2, previous);
      head.executeUpdate();
    }
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("alter table audit_event alter column seq set not null");
      ddl.execute("alter table audit_event alter column prev_hash set not null");
      ddl.execute("alter table audit_event alter column hash set not null");
      ddl.execute("create unique index ux_audit_seq on audit_event (seq)");
    }
  }
}
