package pmo.platform.engine;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Checks at start that the job executor cannot exhaust the connection pool by itself. A job holds its connection for
 * its whole transaction, and some steps take a second one for work that must outlive a failure of the job (the
 * outbox marks each notice sent in its own transaction, so that a retry does not mail it again; audit sealing). With
 * every pool connection held by job threads waiting for their second one, nothing moves until the pool's timeout: that
 * happened with the defaults (10 job threads, 10 connections) when a moved clock made many jobs due at once. The pool
 * must hold two connections per job thread and leave some for web requests.
 */
@Component
class ConnectionBudget implements InitializingBean {

  /** Connections kept for requests (Tasklist, REST) and the background sealer beyond what jobs may hold. */
  static final int FOR_REQUESTS = 4;

  private final DataSource dataSource;
  private final CamundaBpmProperties camunda;

  ConnectionBudget(DataSource dataSource, CamundaBpmProperties camunda) {
    this.dataSource = dataSource;
    this.camunda = camunda;
  }

  @Override
  public void afterPropertiesSet() {
    if (!(dataSource instanceof HikariDataSource pool) || !camunda.getJobExecution().isEnabled()) {
      return;
    }
    check(pool.getMaximumPoolSize(), camunda.getJobExecution().getMaxPoolSize());
  }

  static void check(int connections, int jobThreads) {
    int needed = 2 * jobThreads + FOR_REQUESTS;
    if (connections < needed) {
      throw new IllegalStateException("spring.datasource.hikari.maximum-pool-size is " + connections + " but must be"
          + " at least " + needed + ": two connections per job thread (camunda.bpm.job-execution.max-pool-size = "
          + jobThreads + ") and " + FOR_REQUESTS + " for requests; raise the pool or lower the job threads");
    }
  }
}
