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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.IntegrationTest;
import pmo.audit.AuditFilter;
import pmo.audit.AuditSealer;
import pmo.audit.AuditService;
import pmo.audit.AuditTrail;
import pmo.audit.ChainReport;
import pmo.audit.TestAction;
import pmo.platform.AuditEntry;

/**
 * Benchmark, not a test (excluded from the suite; run it on its own, empty database):
 *
 * <pre>
 * PMO_TEST_DB_URL=jdbc:postgresql://127.0.0.1:55433/pmo_bench PMO_TEST_DB_USER=postgres PMO_TEST_DB_PASSWORD= \
 *   mvn test-compile surefire:test@default-test -Dtest=AuditTrailBenchmark \
 *     -DargLine="-Dpmo.bench.events=1000000 -Xmx256m -Dspring.datasource.hikari.maximum-pool-size=24"
 * </pre>
 *
 * <ol>
 *   <li>Append throughput: 1 and 16 threads each commit one transaction after the other, each recording one event
 *       through {@link AuditService#record}; once with nothing else in the transaction, once with 5 ms of further
 *       work after the event (as a process step that records its event, then flushes the engine state). The sealer
 *       runs in the background meanwhile, as in production; the time until it has sealed everything is reported.
 *   <li>Sealing throughput: a long trail of unsealed events (inserted in bulk with the sealer stopped), then
 *       {@link AuditSealer#sealNow()}.
 *   <li>The CSV export of all of it (page by page) and the full verification of the chain, sampling the used heap
 *       while they run: both work in pages, so the heap stays flat whatever the trail's length.
 *   <li>Incremental verification: after the full verification's checkpoint, 1,000 new events are sealed and
 *       verified from the checkpoint.
 * </ol>
 */
class AuditTrailBenchmark extends IntegrationTest {

  @Autowired
  AuditService audit;
  @Autowired
  AuditTrail trail;
  @Autowired
  AuditSealer sealer;
  @Autowired
  JdbcTemplate jdbcTemplate;
  @Autowired
  TransactionTemplate transaction;

  @Test
  void auditTrail() throws Exception {
    int seconds = Integer.getInteger("pmo.bench.seconds", 10);
    for (int threads : new int[] {1, 16}) {
      for (int workMillis : new int[] {0, 5}) {
        appendThroughput(threads, workMillis, seconds);
      }
    }

    int events = Integer.getInteger("pmo.bench.events", 100_000);
    sealer.stop();
    long start = System.nanoTime();
    appendUnsealed(events);
    report("bulk insert of %,d unsealed events: %.1f s", events, seconds(start));
    start = System.nanoTime();
    long sealed = sealer.sealNow();
    double sealSeconds = seconds(start);
    report("seal %,d events: %.1f s (%,.0f events/s)", sealed, sealSeconds, sealed / sealSeconds);
    sealer.start();

    exportAndVerify();

    for (int i = 0; i < 1_000; i++) {
      int n = i;
      transaction.executeWithoutResult(s -> audit.record(AuditEntry.created(new TestAction("BENCH_APPENDED",
          "BENCH"), n, null, Map.of("n", n))));
    }
    sealer.sealNow();
    start = System.nanoTime();
    ChainReport incremental = trail.verifyIncrementally();
    report("verify incrementally: %,d new events after checkpoint %,d in %.3f s, intact=%s",
        incremental.checked() - incremental.since(), incremental.since(), seconds(start), incremental.intact());
  }

  /** Threads commit transactions of one event each for a while; the events per second they achieve together. */
  private void appendThroughput(int threads, int workMillis, int seconds) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong appended = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    CountDownLatch done = new CountDownLatch(threads);
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      new Thread(() -> {
        try {
          for (long i = 0; System.nanoTime() < end; i++) {
            long n = i;
            try {
              transaction.executeWithoutResult(s -> {
                audit.record(AuditEntry.created(new TestAction("BENCH_APPENDED", "BENCH"), thread + "-" + n, null,
                    Map.of("thread", thread, "n", n, "stage", "EXECUTION")));
                if (workMillis > 0) {
                  pause(workMillis);
                }
              });
              appended.incrementAndGet();
            } catch (RuntimeException e) {
              failed.incrementAndGet();
            }
          }
        } finally {
          done.countDown();
        }
      }).start();
    }
    done.await();
    double elapsed = seconds(start);
    report("append, %2d thread(s), %d ms of further work per transaction: %,d events in %.1f s = %,.0f events/s"
        + " (%,d failed)", threads, workMillis, appended.get(), elapsed, appended.get() / elapsed, failed.get());
    start = System.nanoTime();
    sealer.sealNow();
    report("  sealed the rest %.2f s after the last append", seconds(start));
  }

  /** Inserts events as AuditService does, in batches (not through it: a long trail in reasonable time). */
  private void appendUnsealed(int events) {
    int batch = 5_000;
    for (int done = 0; done < events; done += batch) {
      int first = done;
      int size = Math.min(batch, events - done);
      transaction.executeWithoutResult(status -> {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        List<Object[]> rows = new ArrayList<>(size);
        for (int i = first; i < first + size; i++) {
          String after = "{\"id\":" + i + ",\"name\":\"Benchmark project " + i + "\",\"stage\":\"EXECUTION\"}";
          rows.add(new Object[] {at, "bench", "BENCH_EVENT", "BENCH", String.valueOf(i), after});
        }
        jdbcTemplate.batchUpdate("insert into audit_event (occurred_at, actor, action, entity_type, entity_id,"
            + " after_state) values (?, ?, ?, ?, ?, ?)", rows);
      });
    }
  }

  private void exportAndVerify() throws InterruptedException {
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
    long start = System.nanoTime();
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
    report("verify chain in full: %,d events in %.1f s (%,.0f events/s), intact=%s; heap above baseline at most"
        + " %,d MB", report.checked(), verifySeconds, report.checked() / verifySeconds, report.intact(),
        (peak.get() - baseline) >> 20);
  }

  private static void pause(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void report(String format, Object... args) {
    System.out.printf("BENCH " + format + "%n", args);
  }
}
