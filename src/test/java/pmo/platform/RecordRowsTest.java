package pmo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.IntegrationTest;
import pmo.audit.AuditEvent;
import pmo.audit.AuditSealer;
import pmo.audit.AuditService;
import pmo.audit.TestAction;

/** Rows mapped by {@link RecordRows} are those of {@code JdbcClient.query(Class)}, column for column. */
class RecordRowsTest extends IntegrationTest {

  @Autowired
  AuditService audit;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  AuditSealer sealer;

  /** Parameters by exact name, by snake-case name, in another case, and one with no column. */
  record Probe(long id, String ACTION, String entityType, OffsetDateTime occurredAt, String noSuchColumn) {
  }

  /** Every parameter has its column. */
  record Named(long id, String action, String entityType, OffsetDateTime occurredAt) {
  }

  @Test
  void mapsAsJdbcClientDoes() {
    transaction.executeWithoutResult(status -> {
      for (int i = 0; i < 3; i++) {
        audit.record(AuditEntry.created(new TestAction("RECORD_ROWS", "PROBE"), i, null, Map.of("n", i)));
      }
    });
    sealer.sealNow(); // sealed now, not between the readings compared below
    String sql = "select * from audit_event where action = 'RECORD_ROWS' order by id desc";
    List<AuditEvent> expected = jdbc.sql(sql).query(AuditEvent.class).list();
    assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
    assertThat(jdbc.sql(sql).query(RecordRows.of(AuditEvent.class)).list()).isEqualTo(expected);
    assertThat(jdbc.sql(sql).query(RecordRows.of(Named.class)).list())
        .isEqualTo(jdbc.sql(sql).query(Named.class).list())
        .allSatisfy(row -> assertThat(row.entityType()).isEqualTo("PROBE"));
    // a parameter without a column fails (or not) as it does with JdbcClient's own mapping
    Throwable own = catchThrowable(() -> jdbc.sql(sql).query(Probe.class).list());
    Throwable mapped = catchThrowable(() -> jdbc.sql(sql).query(RecordRows.of(Probe.class)).list());
    assertThat(mapped == null ? null : mapped.getClass()).isEqualTo(own == null ? null : own.getClass());
    if (own == null) {
      assertThat(jdbc.sql(sql).query(RecordRows.of(Probe.class)).list())
          .isEqualTo(jdbc.sql(sql).query(Probe.class).list());
    }
  }
}
