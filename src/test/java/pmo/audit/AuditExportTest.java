package pmo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.IntegrationTest;
import pmo.platform.AuditEntry;
import pmo.platform.Roles;

/**
 * The CSV export reads page by page, each page in its own short transaction, and holds no connection while it writes
 * to the client: as many paused exports as the pool has connections leave the pool free for everyone else.
 */
class AuditExportTest extends IntegrationTest {

  @Autowired
  AuditService audit;
  @Autowired
  AuditTrail trail;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  DataSource dataSource;
  @Autowired
  TestRestTemplate rest;

  @Test
  void pausedExportsHoldNoConnectionBetweenPages() throws Exception {
    String key = unique();
    for (int i = 0; i < 5; i++) {
      int n = i;
      transaction.executeWithoutResult(status -> audit.record(AuditEntry.created(new TestAction("EXPORT_TESTED",
          "AUDIT_EXPORT"), key, null, Map.of("n", n))));
    }
    AuditFilter filter = new AuditFilter(null, null, null, null, "AUDIT_EXPORT", key, null, null);
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    int clients = pool.getMaximumPoolSize();
    CountDownLatch allPaused = new CountDownLatch(clients);
    CountDownLatch resume = new CountDownLatch(1);
    AtomicInteger pausedHoldingAConnection = new AtomicInteger();
    ExecutorService downloads = Executors.newFixedThreadPool(clients);
    List<Future<String>> exports = new ArrayList<>();
    try {
      for (int c = 0; c < clients; c++) {
        exports.add(downloads.submit(() -> {
          SlowClient client = new SlowClient(() -> {
            // between the second and the third page, as a client that stopped reading
            if (TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.getResource(dataSource) != null) {
              pausedHoldingAConnection.incrementAndGet();
            }
            allPaused.countDown();
            resume.await(60, TimeUnit.SECONDS);
          });
          assertThat(trail.exportCsv(filter, client, 2)).isEqualTo(5);
          return client.toString();
        }));
      }
      assertThat(allPaused.await(60, TimeUnit.SECONDS)).as("every export paused mid-way").isTrue();

      assertThat(pausedHoldingAConnection.get()).isZero();
      assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections in use while %d exports wait",
          clients).isLessThan(clients);
      user("audrey", Roles.AUDITORS);
      CompletableFuture<Integer> otherRequest = CompletableFuture.supplyAsync(() -> rest
          .withBasicAuth("audrey", PASSWORD).getForEntity("/api/audit?entityId=" + key, String.class)
          .getStatusCode().value());
      assertThat(otherRequest.get(10, TimeUnit.SECONDS)).as("a request that needs a connection meanwhile")
          .isEqualTo(200);
    } finally {
      resume.countDown();
      downloads.shutdown();
    }
    for (Future<String> export : exports) {
      List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(export.get(60, TimeUnit.SECONDS))).getRecords();
      assertThat(rows).extracting(r -> r.get("after_state"))
          .containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
      assertThat(rows).extracting(r -> Long.valueOf(r.get("id"))).isSorted();
    }
  }

  /** Collects the CSV; at the end of the second page (its second flush) it stops reading until told to go on. */
  private static final class SlowClient extends StringWriter {
    private final Pause pause;
    private int flushes;

    SlowClient(Pause pause) {
      this.pause = pause;
    }

    @Override
    public void flush() {
      super.flush();
      if (++flushes == 2) {
        try {
          pause.run();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private interface Pause {
    void run() throws InterruptedException;
  }
}
