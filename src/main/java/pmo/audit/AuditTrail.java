package pmo.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.platform.InputErrors;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.SqlFilter;
import pmo.platform.engine.CurrentActor;

/**
 * Reading the audit trail: paged queries, a CSV export in pages, and verification of the hash chain (in full, or
 * from the last checkpoint). Long reads work page by page, each page in its own short read-only transaction, so none
 * of them holds a connection while a client reads slowly or while the chain is long.
 *
 * <p>Longer than 200 lines because paging, export and verification share the row format, the hash and the page-by-page
 * transactions; split apart they would repeat them.
 */
@Service
public class AuditTrail {

  static final String[] CSV_HEADER = {"id", "seq", "occurred_at", "actor", "action", "entity_type", "entity_id",
      "project_id", "process_instance_id", "task_id", "before_state", "after_state", "hash"};
  /** Events per page of the verification (each page one short transaction; the rows are streamed, not kept). */
  static final int VERIFY_PAGE = 10_000;

  private final JdbcClient jdbc;
  private final TransactionTemplate read;
  private final TransactionTemplate write;
  private final AuditSettings settings;
  private final Clock clock;
  private final CurrentActor actor;

  AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions, AuditSettings settings, Clock clock,
      CurrentActor actor) {
    this.jdbc = jdbc;
    this.read = new TransactionTemplate(transactions);
    this.read.setReadOnly(true);
    this.write = new TransactionTemplate(transactions);
    this.settings = settings;
    this.clock = clock;
    this.actor = actor;
  }

  /**
   * The matching events, newest first: in id order (keyset pages with {@code after}), the page's ids read from the
   * filter's index first (each filter has one on its column and the id, see {@link SqlFilter#pageByIdFromIndex}); with
   * a time window
   * ({@code from}, {@code to}) in time order, which the time index serves from the window's end: walking the ids from
   * the newest would pass every later event first (ids and times run together, so the window's events sit in one
   * stretch of ids the database cannot tell in advance). A time window is paged with {@code page}.
   */
  @Transactional(readOnly = true)
  public Page<AuditEvent> find(AuditFilter filter, PageRequest page) {
    SqlFilter where = where(filter);
    if (filter.from() == null && filter.to() == null) {
      return where.pageByIdFromIndex(jdbc, "audit_event", "id", page, AuditEvent.class, AuditEvent::id);
    }
    if (page.after() != null) {
      new InputErrors().add("after", "cannot be used with from or to: page through a time window with page")
          .throwIfAny();
    }
    return where.page(jdbc, "select *", "audit_event", "occurred_at desc, id desc", page, AuditEvent.class);
  }

  /**
   * Writes the matching events as CSV, oldest (lowest id) first, in pages of {@code pmo.audit.export-page-size}: each
   * page is read in its own short transaction (keyset pagination by id), and the connection is back in the pool
   * before the page is written, so a slow client holds a request thread but no connection. Memory stays at one page.
   * Events not sealed yet have an empty {@code seq} and {@code hash}.
   */
  public long exportCsv(AuditFilter filter, Writer out) {
    return exportCsv(filter, out, settings.exportPageSize());
  }

  /** Refuses a bad filter (400 naming the field) before anything is read or written. */
  public void checkFilter(AuditFilter filter) {
    where(filter);
  }

  long exportCsv(AuditFilter filter, Writer out, int pageSize) {
    where(filter); // a bad filter is a 400 before anything is written
    long rows = 0;
    try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get().print(out)) {
      long afterId = 0;
      while (true) {
        long after = afterId;
        List<Object[]> page = read.execute(status -> {
          SqlFilter where = where(filter).and("id > :afterId", "afterId", after);
          return where.bind(jdbc.sql("select * from audit_event" + where.where() + " order by id limit :pageSize"))
              .param("pageSize", pageSize)
              .query((rs, i) -> csvRow(rs))
              .list();
        });
        for (Object[] row : page) {
          csv.printRecord(row);
        }
        csv.flush();
        rows += page.size();
        if (page.size() < pageSize) {
          return rows;
        }
        afterId = (Long) page.get(page.size() - 1)[0];
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object[] csvRow(ResultSet rs) throws SQLException {
    return new Object[] {rs.getLong("id"), rs.getObject("seq"), iso(rs.getObject("occurred_at", OffsetDateTime.class)),
        rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
        rs.getObject("project_id"), rs.getString("process_instance_id"), rs.getString("task_id"),
        rs.getString("before_state"), rs.getString("after_state"), rs.getString("hash")};
  }

  /** Walks the whole chain from its first event (see {@link #verify(boolean)}). */
  public ChainReport verify() {
    return verify(true);
  }

  /** Walks the chain from the last checkpoint: only what was sealed since (see {@link #verify(boolean)}). */
  public ChainReport verifyIncrementally() {
    return verify(false);
  }

  /**
   * Walks the chain in sequence order, page by page, and reports the first event whose sequence number, link to its
   * predecessor or content does not match; then checks that the chain head points at the last event. The head is read
   * first and the walk ends there, so events the sealer chains meanwhile are left for the next verification.
   *
   * <p>In full, the walk starts at the first event. Otherwise it starts after the last checkpoint (the last event an
   * earlier verification found intact): it checks that this event still has the content and hash it had then, and
   * verifies only the events after it. Changes to events before the checkpoint are found by the next full
   * verification. An intact walk that got further than the checkpoint records a new one (up to which event, its hash,
   * when, by whom). Events not sealed yet are counted, not verified.
   */
  ChainReport verify(boolean full) {
    Checkpoint from = full ? Checkpoint.START : read.execute(status -> lastCheckpoint());
    Unsealed unsealed = read.execute(status -> jdbc.sql(
            "select count(*) as n, min(occurred_at) as oldest from audit_event where seq is null")
        .query((rs, i) -> new Unsealed(rs.getLong("n"), rs.getObject("oldest", OffsetDateTime.class))).single());
    Map<String, Object> head = read.execute(status -> jdbc.sql(
        "select last_seq, last_hash from audit_chain_head where id = 1").query().singleRow());
    long headSeq = ((Number) head.get("last_seq")).longValue();
    String headHash = (String) head.get("last_hash");

    boolean overdue = unsealed.oldest() != null
        && unsealed.oldest().isBefore(OffsetDateTime.now(clock).minus(settings.sealing().overdueAfter()));
    ChainReport report = walk(from, headSeq, headHash)
        .of(full, from.seq(), unsealed.count(), unsealed.oldest(), overdue);
    if (report.intact() && report.checked() > from.seq()) {
      write.executeWithoutResult(status -> jdbc.sql("""
              insert into audit_checkpoint (verified_seq, verified_hash, full_walk, verified_at, verified_by)
              values (:seq, :hash, :full, :at, :by)""")
          .param("seq", headSeq)
          .param("hash", headHash)
          .param("full", full)
          .param("at", OffsetDateTime.now(clock))
          .param("by", actor.id())
          .update());
    }
    return report;
  }

  private ChainReport walk(Checkpoint from, long headSeq, String headHash) {
    Walk walk = new Walk(from.seq(), from.hash());
    if (from.seq() > 0) {
      ChainReport changed = read.execute(status -> checkpointStillHolds(from));
      if (changed != null) {
        return changed;
      }
    }
    while (walk.broken == null && walk.seq < headSeq) {
      long before = walk.seq;
      read.executeWithoutResult(status -> jdbc.sql("""
              select id, seq, occurred_at, actor, action, entity_type, entity_id, project_id, before_state,
                     after_state, process_instance_id, task_id, prev_hash, hash
              from audit_event where seq > :after and seq <= :head order by seq limit :n""")
          .param("after", before).param("head", headSeq).param("n", VERIFY_PAGE)
          .query(walk::next));
      if (walk.seq == before) {
        break; // nothing more up to the head
      }
    }
    if (walk.broken != null) {
      return walk.broken;
    }
    if (walk.seq != headSeq || !walk.hash.equals(headHash)) {
      return ChainReport.broken(walk.seq, walk.seq + 1, null, "events after " + walk.seq
          + " are missing: the chain head records " + headSeq + " events");
    }
    return ChainReport.intact(walk.seq);
  }

  /** The event of the checkpoint must still be there, with the content and hash verified then; null when it is. */
  private ChainReport checkpointStillHolds(Checkpoint from) {
    List<ChainReport> changed = jdbc.sql("""
            select id, seq, occurred_at, actor, action, entity_type, entity_id, project_id, before_state,
                   after_state, process_instance_id, task_id, prev_hash, hash
            from audit_event where seq = :seq""")
        .param("seq", from.seq())
        .query((rs, i) -> rs.getString("hash").equals(from.hash())
            && contentHash(rs, from.seq(), rs.getString("prev_hash")).equals(from.hash()) ? null
            : ChainReport.broken(from.seq() - 1, from.seq(), rs.getLong("id"), "checkpoint changed: event "
                + from.seq() + " no longer matches the hash verified " + from.at() + " by " + from.by()
                + " (it was changed after that verification; verify in full)"))
        .list();
    if (changed.isEmpty()) {
      return ChainReport.broken(from.seq() - 1, from.seq(), null, "checkpoint missing: event " + from.seq()
          + ", verified " + from.at() + " by " + from.by() + ", is gone (it was removed or renumbered after that"
          + " verification; verify in full)");
    }
    return changed.get(0);
  }

  private Checkpoint lastCheckpoint() {
    return jdbc.sql("""
            select verified_seq, verified_hash, verified_at, verified_by from audit_checkpoint
            order by verified_seq desc, id desc limit 1""")
        .query((rs, i) -> new Checkpoint(rs.getLong("verified_seq"), rs.getString("verified_hash"),
            rs.getObject("verified_at", OffsetDateTime.class), rs.getString("verified_by")))
        .optional()
        .orElse(Checkpoint.START);
  }

  private record Unsealed(long count, OffsetDateTime oldest) {
  }

  /** Where a walk starts: after event {@code seq}, whose hash is {@code hash} (the start: 0 and the genesis hash). */
  private record Checkpoint(long seq, String hash, OffsetDateTime at, String by) {
    static final Checkpoint START = new Checkpoint(0, AuditHash.GENESIS, null, null);
  }

  /** The state of a walk along the chain: the last event found intact, or the first one broken. */
  private static final class Walk {
    long seq;
    String hash;
    ChainReport broken;

    Walk(long seq, String hash) {
      this.seq = seq;
      this.hash = hash;
    }

    void next(ResultSet rs) throws SQLException {
      if (broken != null) {
        return;
      }
      long eventSeq = rs.getLong("seq");
      long id = rs.getLong("id");
      String prevHash = rs.getString("prev_hash");
      String eventHash = rs.getString("hash");
      long expected = seq + 1;
      if (eventSeq != expected) {
        broken = ChainReport.broken(seq, eventSeq, id, "sequence gap: expected event " + expected
            + ", found " + eventSeq + " (an event is missing or was renumbered)");
      } else if (!hash.equals(prevHash)) {
        broken = ChainReport.broken(seq, eventSeq, id, "link broken: the previous-hash does not match "
            + "event " + (eventSeq - 1) + " (an earlier event was changed, removed or reordered)");
      } else if (!contentHash(rs, eventSeq, prevHash).equals(eventHash)) {
        broken = ChainReport.broken(seq, eventSeq, id, "content changed: the event no longer matches its hash");
      } else {
        seq = eventSeq;
        hash = eventHash;
      }
    }
  }

  private static String contentHash(ResultSet rs, long seq, String prevHash) throws SQLException {
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
