package pmo.audit;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.platform.BackgroundLoop;

/**
 * Chains committed audit events into the hash chain ("sealing"), so that recording an event
 * ({@link AuditService#record}) is a plain insert and takes no lock that every writer shares.
 *
 * <p>Only the sealer assigns {@code seq}, {@code prev_hash} and {@code hash}, and only one sealer works at a time in
 * a cluster. Each batch is one transaction: it takes the sealing lock without waiting (PostgreSQL: a
 * transaction-level advisory lock; H2: the chain head row, which nothing else ever locks), reads the chain head, chains
 * the next unsealed events in id order, writes them and the new head, and commits. A failure anywhere in a batch rolls
 * the whole batch back: the chain and its head stay as they were and the next run seals those events.
 *
 * <p>The chain order is the sealing order. Each run looks for every unsealed event, not for ids after the last sealed
 * one, so an event whose transaction committed late (after events with higher ids were sealed) is chained at the end.
 * The time in the hash is the event's own {@code occurred_at} (when it was recorded, in its transaction); sealing adds
 * nothing to an event's content, so {@code occurred_at} need not grow along the chain.
 *
 * <p>Runs on its own daemon thread every {@code pmo.audit.sealing.interval}, not through Spring's {@code @Scheduled}:
 * the application has no scheduler otherwise (enabling one changes it for every bean), and the sealer needs its own
 * lifecycle: it stops after the web server (so requests finishing at shutdown still get a last run) and before the
 * datasource closes, and never keeps the JVM alive. A failed run (database unreachable) is logged and retried at the
 * next interval. {@link #sealNow()} seals on demand, in the caller's thread.
 *
 * <p>Longer than 200 lines because the sealing batch, its lock on two databases and its background schedule must be
 * read together to see that one sealer runs at a time.
 */
@Component
public class AuditSealer implements SmartLifecycle {

  /** Lower than the web server's phases: started before it, stopped after it. */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
  /** The PostgreSQL advisory lock of sealing ("PMOAUDIT"). */
  static final long LOCK_KEY = 0x504d4f4155444954L;

  private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

  private final DataSource dataSource;
  private final JdbcTemplate jdbcTemplate;
  private final JdbcClient jdbc;
  private final TransactionTemplate batchTransaction;
  private final AuditSettings.Sealing settings;
  /** One run at a time in this JVM (the background thread and {@link #sealNow()} callers). */
  private final ReentrantLock running = new ReentrantLock();
  private volatile Boolean postgres;
  private final BackgroundLoop background;
  private volatile int consecutiveFailures;

  AuditSealer(DataSource dataSource, PlatformTransactionManager transactions, AuditSettings settings) {
    this.dataSource = dataSource;
    this.jdbcTemplate = new JdbcTemplate(dataSource);
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.batchTransaction = new TransactionTemplate(transactions);
    this.batchTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.batchTransaction.setName("audit-sealing");
    this.settings = settings.sealing();
    // at stop, a last run for what committed meanwhile
    this.background = new BackgroundLoop("audit-sealer", this.settings.interval(), this::sealInBackground, true);
  }

  /**
   * Seals every event committed before this call, batch by batch, and returns how many it sealed; 0 when another
   * sealer (another node) holds the lock: that one seals them. A failure is thrown; the batch it happened in is
   * rolled back.
   */
  public long sealNow() {
    running.lock();
    try {
      long total = 0;
      while (true) {
        Integer sealed = batchTransaction.execute(this::sealBatch);
        if (sealed == null) {
          log.debug("another sealer holds the audit chain; leaving the events to it");
          return total;
        }
        total += sealed;
        if (sealed < settings.batchSize()) {
          return total;
        }
      }
    } finally {
      running.unlock();
    }
  }

  /** One batch, in one transaction; null when the lock is taken. */
  private Integer sealBatch(TransactionStatus status) {
    if (!lockChain()) {
      status.setRollbackOnly();
      return null;
    }
    var head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1").query().singleRow();
    long headSeq = ((Number) head.get("last_seq")).longValue();
    long seq = headSeq;
    String previous = (String) head.get("last_hash");
    List<Object[]> sealed = new ArrayList<>();
    for (Unsealed e : jdbc.sql("""
            select id, occurred_at, actor, action, entity_type, entity_id, project_id, before_state, after_state,
                   process_instance_id, task_id
            from audit_event where seq is null order by id limit :n""")
        .param("n", settings.batchSize())
        .query(AuditSealer::unsealed)
        .list()) {
      seq++;
      String hash = AuditHash.of(seq, e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(),
          e.projectId(), e.beforeState(), e.afterState(), e.processInstanceId(), e.taskId(), previous);
      sealed.add(new Object[] {seq, previous, hash, e.id()});
      previous = hash;
    }
    if (sealed.isEmpty()) {
      return 0;
    }
    writeSeals(sealed);
    moveHead(headSeq, seq, previous);
    return sealed.size();
  }

  /**
   * Takes the sealing lock for the current transaction, without waiting; false when another sealer holds it. Tests
   * take it too, to keep the chain still while they look at it.
   */
  boolean lockChain() {
    if (isPostgres()) {
      return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", LOCK_KEY)
          .query(Boolean.class).single());
    }
    try {
      jdbc.sql("select last_seq from audit_chain_head where id = 1 for update nowait").query(Long.class).single();
      return true;
    } catch (PessimisticLockingFailureException | QueryTimeoutException held) {
      return false;
    }
  }

  /** Gives each event its place in the chain; an event sealed or removed meanwhile fails the batch. */
  void writeSeals(List<Object[]> sealed) {
    int[] counts = jdbcTemplate.batchUpdate(
        "update audit_event set seq = ?, prev_hash = ?, hash = ? where id = ? and seq is null", sealed);
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        throw new IllegalStateException("audit event " + sealed.get(i)[3] + " was sealed or removed while sealing");
      }
    }
  }

  /** Moves the chain head to the last event sealed; it must still be where this batch found it. */
  void moveHead(long fromSeq, long toSeq, String toHash) {
    int moved = jdbc.sql(
            "update audit_chain_head set last_seq = :to, last_hash = :hash where id = 1 and last_seq = :from")
        .param("to", toSeq).param("hash", toHash).param("from", fromSeq).update();
    if (moved != 1) {
      throw new IllegalStateException("the audit chain head moved while sealing (from " + fromSeq + ")");
    }
  }

  private boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      try {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        known = product.toLowerCase().contains("postgres");
      } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
        throw new IllegalStateException("cannot tell which database holds the audit trail", e);
      }
      postgres = known;
    }
    return known;
  }

  /** A background run: failures are logged (the first one and every hundredth in a row) and retried next time. */
  private void sealInBackground() {
    try {
      sealNow();
      if (consecutiveFailures > 0) {
        log.info("audit sealing works again after {} failed run(s)", consecutiveFailures);
        consecutiveFailures = 0;
      }
    } catch (RuntimeException e) {
      int failures = ++consecutiveFailures;
      if (failures == 1) {
        log.warn("audit sealing failed; retrying every {}", settings.interval(), e);
      } else if (failures % 100 == 0) {
        log.warn("audit sealing failed {} times in a row; still retrying: {}", failures, e.toString());
      }
    }
  }

  /** How many background runs in a row have failed (0 when the last one worked). */
  int consecutiveFailures() {
    return consecutiveFailures;
  }

  @Override
  public void start() {
    background.start();
  }

  @Override
  public void stop() {
    background.stop();
  }

  @Override
  public boolean isRunning() {
    return background.running();
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  private static Unsealed unsealed(ResultSet rs, int row) throws SQLException {
    long project = rs.getLong("project_id");
    Long projectId = rs.wasNull() ? null : project;
    return new Unsealed(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
        rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"), projectId,
        rs.getString("before_state"), rs.getString("after_state"), rs.getString("process_instance_id"),
        rs.getString("task_id"));
  }

  /** An event as the sealer reads it: the content the hash covers. */
  record Unsealed(long id, OffsetDateTime occurredAt, String actor, String action, String entityType,
      String entityId, Long projectId, String beforeState, String afterState, String processInstanceId,
      String taskId) {
  }
}
