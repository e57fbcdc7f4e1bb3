package pmo.platform;

import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * How rows are locked, in one place. <b>The lock order</b>, for every transaction: the project row before the rows of
 * its cases (change request, risk, issue, proposal, gate package), a case row before its children (approvals,
 * assessments, escalations); each lock is taken early in the transaction, before any engine flush. A step that
 * changes the project (a new baseline, a cancellation) therefore locks the project first, then the case.
 *
 * <p>On PostgreSQL a case or project row is locked {@code FOR NO KEY UPDATE}: that lock does not conflict with the
 * {@code FOR KEY SHARE} lock that inserting a child row takes through its foreign key, so raising a change request for
 * a project never waits for, or deadlocks with, a step that holds the project row. H2 (the demo database) knows only
 * {@code FOR UPDATE}.
 */
@Component
public class RowLocks {

  private final String clause;

  public RowLocks(DataSource dataSource) throws MetaDataAccessException {
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getDatabaseProductName());
    this.clause = "PostgreSQL".equalsIgnoreCase(product) ? "for no key update" : "for update";
  }

  /** The clause that ends a {@code select} which locks the rows it reads until the transaction ends. */
  public String forUpdate() {
    return clause;
  }
}
