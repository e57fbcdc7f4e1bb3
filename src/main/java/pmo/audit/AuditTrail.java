package pmo.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.InputErrors;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.SqlFilter;

/** Reading the audit trail: paged queries, a streaming CSV export, and verification of the hash chain. */
@Service
public class AuditTrail {

  static final String[] CSV_HEADER = {"seq", "occurred_at", "actor", "action", "entity_type", "entity_id",
      "project_id", "process_instance_id", "task_id", "before_state", "after_state", "hash"};

  private final JdbcClient jdbc;

  AuditTrail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Page<AuditEvent> find(AuditFilter filter, PageRequest page) {
    return where(filter).page(jdbc, "select *", "audit_event", "seq desc", page, AuditEvent.class);
  }

  /**
   * Writes the matching events as CSV, oldest first, row by row as the database returns them (the JDBC fetch size
   * keeps memory constant, however long the trail).
   */
  @Transactional(readOnly = true)
  public long exportCsv(AuditFilter filter, Writer out) {
    SqlFilter where = where(filter);
    try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get().print(out)) {
      long[] rows = {0};
      where.bind(jdbc.sql("select * from audit_event" + where.where() + " order by seq")).query((ResultSet rs) -> {
        try {
          csv.printRecord(rs.getLong("seq"), iso(rs.getObject("occurred_at", OffsetDateTime.class)),
              rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
              rs.getObject("project_id"), rs.getString("process_instance_id"), rs.getString("task_id"),
              rs.getString("before_state"), rs.getString("after_state"), rs.getString("hash"));
          rows[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      csv.flush();
      return rows[0];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Walks the whole chain in sequence order, streaming, and reports the first event whose sequence number, link to
   * its predecessor or content does not match; then checks that the chain head points at the last event.
   */
  @Transactional(readOnly = true)
  public ChainReport verify() {
    long[] state = {0};
    String[] previous = {AuditHash.GENESIS};
    ChainReport[] broken = {null};
    jdbc.sql("select id, seq, occurred_at, actor, action, entity_type, entity_id, project_id, before_state, "
        + "after_state, process_instance_id, task_id, prev_hash, hash from audit_event order by seq").query((ResultSet rs) -> {
      if (broken[0] != null) {
        return;
      }
      long seq = rs.getLong("seq");
      long id = rs.getLong("id");
      String prevHash = rs.getString("prev_hash");
      String hash = rs.getString("hash");
      long expected = state[0] + 1;
      if (seq != expected) {
        broken[0] = ChainReport.broken(state[0], seq, id, "sequence gap: expected event " + expected
            + ", found " + seq + " (an event is missing or was renumbered)");
      } else if (!previous[0].equals(prevHash)) {
        broken[0] = ChainReport.broken(state[0], seq, id, "link broken: the previous-hash does not match "
            + "event " + (seq - 1) + " (an earlier event was changed, removed or reordered)");
      } else if (!contentHash(rs, seq, prevHash).equals(hash)) {
        broken[0] = ChainReport.broken(state[0], seq, id, "content changed: the event no longer matches its hash");
      } else {
        state[0] = seq;
        previous[0] = hash;
      }
    });
    if (broken[0] != null) {
      return broken[0];
    }
    Map<String, Object> head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1").query()
        .singleRow();
    long lastSeq = ((Number) head.get("last_seq")).longValue();
    if (lastSeq != state[0] || !previous[0].equals(head.get("last_hash"))) {
      return ChainReport.broken(state[0], state[0] + 1, null, "events after " + state[0]
          + " are missing: the chain head records " + lastSeq + " events");
    }
    return ChainReport.intact(state[0]);
  }

  private static String contentHash(ResultSet rs, long seq, String prevHash) throws java.sql.SQLException {
    long project = rs.getLong("project_id");
    Long projectId = rs.wasNull() ? null : project;
    return AuditHash.of(seq, rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
        rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"), projectId,
        rs.getString("before_state"), rs.getString("after_state"), rs.getString("process_instance_id"),
        rs.getString("task_id"), prevHash);
  }

  private static SqlFilter where(AuditFilter f) {
    if (f.from() != null && f.to() != null && !f.to().isAfter(f.from())) {
      new InputErrors().add("to", "must be after from").throwIfAny();
    }
    return new SqlFilter()
        .and("project_id = :project", "project", f.projectId())
        .and("process_instance_id = :pi", "pi", f.processInstanceId())
        .and("actor = :actor", "actor", f.actor())
        .and("action = :action", "action", f.action())
        .and("entity_type = :type", "type", f.entityType())
        .and("entity_id = :entity", "entity", f.entityId())
        .and("occurred_at >= :from", "from", f.from())
        .and("occurred_at < :to", "to", f.to());
  }

  private static String iso(OffsetDateTime time) {
    return time == null ? null : DateTimeFormatter.ISO_INSTANT.format(time.toInstant());
  }
}
