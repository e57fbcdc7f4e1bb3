package pmo.bench;

import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.IntegrationTest;
import pmo.audit.AuditFilter;
import pmo.audit.AuditHash;
import pmo.audit.AuditTrail;
import pmo.audit.ChainReport;

/**
 * Benchmark, not a test (excluded from the suite; run it on its own database):
 *
 * <pre>
 * PMO_TEST_DB_URL=jdbc:postgresql://127.0.0.1:55433/pmo_bench PMO_TEST_DB_USER=postgres PMO_TEST_DB_PASSWORD= \
 *   mvn test-compile surefire:test@default-test -Dtest=AuditTrailBenchmark \
 *     -DargLine="-Dpmo.bench.events=600000 -Xmx256m"
 * </pre>
 *
 * Appends a long audit trail (chained), then measures the CSV export of all of it and the verification of the whole
 * chain, sampling the used heap while they run: both stream, so the heap stays flat whatever the trail's length.
 */
class AuditTrailBenchmark extends IntegrationTest {

  @Autowired
  AuditTrail trail;
  @Autowired
  JdbcTemplate jdbcTemplate;
  @Autowired
  TransactionTemplate transaction;

  @Test
  void exportAndVerifyALongTrail() throws Exception {
    int events = Integer.getInteger("pmo.bench.events", 100_000);
    long start = System.nanoTime();
    append(events);
    report("append %,d chained events: %.1f s", events, seconds(start));

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(baseline);
    AtomicLong bytes = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.start();
    start = System.nanoTime();
    long rows = trail.exportCsv(new AuditFilter(null, null, null, null, null, null, null, null), new Writer() {
      @Override
      public void write(char[] buffer, int offset, int length) {
        bytes.addAndGet(length);
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    });
    double exportSeconds = seconds(start);
    long exportPeak = peak.get() - baseline;
    peak.set(memory.getHeapMemoryUsage().getUsed());
    start = System.nanoTime();
    ChainReport report = trail.verify();
    double verifySeconds = seconds(start);
    sampler.interrupt();
    sampler.join();
    report("export CSV: %,d rows, %,d MB in %.1f s (%,.0f rows/s); heap above baseline at most %,d MB", rows,
        bytes.get() >> 20, exportSeconds, rows / exportSeconds, exportPeak >> 20);
    report("verify chain: %,d events in %.1f s (%,.0f events/s), intact=%s; heap above baseline at most %,d MB",
        report.checked(), verifySeconds, report.checked() / verifySeconds, report.intact(),
        (peak.get() - baseline) >> 20);
  }

  /** Appends events in batches, chaining them exactly as AuditService does. */
  private void append(int events) {
    int batch = 5_000;
    for (int done = 0; done < events; done += batch) {
      int size = Math.min(batch, events - done);
      transaction.executeWithoutResult(status -> {
        Map<String, Object> head = jdbcTemplate.queryForMap(
            "select last_seq, last_hash from audit_chain_head where id = 1 for update");
        long seq = ((Number) head.get("last_seq")).longValue();
        String previous = (String) head.get("last_hash");
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        List<Object[]> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          seq++;
          String after = "{\"id\":" + seq + ",\"name\":\"Benchmark project " + seq + "\",\"stage\":\"EXECUTION\"}";
          String hash = AuditHash.of(seq, at, "bench", "BENCH_EVENT", "BENCH", String.valueOf(seq), null, null,
              after, null, null, previous);
          rows.add(new Object[] {seq, at, "bench", "BENCH_EVENT", "BENCH", String.valueOf(seq), after, previous,
              hash});
          previous = hash;
        }
        jdbcTemplate.batchUpdate("insert into audit_event (seq, occurred_at, actor, action, entity_type, entity_id,"
            + " after_state, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbcTemplate.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seq, previous);
      });
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void report(String format, Object... args) {
    System.out.printf("BENCH " + format + "%n", args);
  }
}
