package pmo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.IntegrationTest;

/**
 * A row is read once per transaction and never beyond it: a second read in the same transaction is answered from
 * what was read, a write makes the next read go to the database again, a lock after a plain read still locks, and
 * another transaction (a new one, or one started inside) reads for itself.
 */
class TransactionCacheTest extends IntegrationTest {

  @Autowired
  TransactionCache cache;
  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void aRowIsReadOncePerTransactionAndAgainAfterAWrite() {
    TransactionCache.Rows<String> rows = cache.rows("test_" + unique());
    AtomicInteger reads = new AtomicInteger();
    AtomicInteger lockedReads = new AtomicInteger();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      assertThat(rows.find(1, id -> read(reads, "one"))).contains("one");
      assertThat(rows.find(1, id -> read(reads, "one again"))).contains("one");
      assertThat(reads).hasValue(1);
      // a plain read does not lock: locking reads (and locks) the row
      assertThat(rows.lock(1, id -> read(lockedReads, "one locked"))).contains("one locked");
      assertThat(rows.lock(1, id -> read(lockedReads, "one locked again"))).contains("one locked");
      assertThat(lockedReads).hasValue(1);
      rows.written(1);
      assertThat(rows.find(1, id -> read(reads, "one written"))).contains("one written");
      assertThat(reads).hasValue(2);
      // a row not found is not remembered as missing
      assertThat(rows.find(2, id -> Optional.empty())).isEmpty();
      assertThat(rows.find(2, id -> read(reads, "two"))).contains("two");
    });
    // the next transaction reads for itself
    new TransactionTemplate(transactions).executeWithoutResult(status ->
        assertThat(rows.find(1, id -> read(reads, "one next"))).contains("one next"));
  }

  @Test
  void aTransactionStartedInsideAnotherAndNoTransactionAtAllReadForThemselves() {
    TransactionCache.Rows<String> rows = cache.rows("test_" + unique());
    AtomicInteger reads = new AtomicInteger();
    TransactionTemplate inner = new TransactionTemplate(transactions);
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      rows.find(1, id -> read(reads, "outer"));
      inner.executeWithoutResult(s -> assertThat(rows.find(1, id -> read(reads, "inner"))).contains("inner"));
      assertThat(rows.find(1, id -> read(reads, "outer again"))).contains("outer");
    });
    assertThat(reads).hasValue(2);
    rows.find(1, id -> read(reads, "none"));
    assertThat(rows.find(1, id -> read(reads, "none again"))).contains("none again");
    assertThat(reads).hasValue(4);
  }

  private static Optional<String> read(AtomicInteger reads, String row) {
    reads.incrementAndGet();
    return Optional.of(row);
  }
}
