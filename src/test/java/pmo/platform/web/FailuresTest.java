package pmo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.IntegrationTest;
import pmo.TestDatabase;
import pmo.platform.ConflictException;
import pmo.platform.ForbiddenActionException;
import pmo.platform.InvalidInputException;
import pmo.project.NewProject;
import pmo.project.ProjectService;

/**
 * How failures are classified ({@link Failures}) and answered on the engine's REST API, on real failures of the
 * database where one can be made here (a deadlock, a taken unique key) and on the exceptions that an outage or a
 * listener produces.
 */
class FailuresTest extends IntegrationTest {

  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  ProjectService projects;

  /** Two transactions locking two projects in opposite order: PostgreSQL ends one of them with a deadlock. */
  @Test
  void aRealDeadlockIs409Retryable() throws Exception {
    assumeTrue(TestDatabase.isPostgres(), "the deadlock detector of PostgreSQL");
    long a = project();
    long b = project();
    CyclicBarrier bothLocked = new CyclicBarrier(2);
    CompletableFuture<Throwable> one = CompletableFuture.supplyAsync(() -> lockBoth(a, b, bothLocked));
    CompletableFuture<Throwable> two = CompletableFuture.supplyAsync(() -> lockBoth(b, a, bothLocked));
    Throwable failure = one.get() != null ? one.get() : two.get();
    assertThat(failure).as("one of them is the deadlock's victim").isNotNull();
    Failures.Answer answer = Failures.of(failure).orElseThrow();
    assertThat(answer.status()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(answer.detail()).contains("retry");
  }

  @Test
  void aRealUniqueKeyViolationIs409NamingTheColumn() {
    long id = project();
    String code = projects.find(id).code();
    Throwable failure = catchThrowable(() -> jdbc.sql("update project set code = :code where id = :other")
        .param("code", code).param("other", project()).update());
    Failures.Answer answer = Failures.of(failure).orElseThrow();
    assertThat(answer.status()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(answer.errors()).extracting(pmo.platform.FieldError::field).containsExactly("code");
  }

  @Test
  void anOutageIs503WhereverItIsFound() {
    assertThat(Failures.of(new CannotGetJdbcConnectionException("no connection")).orElseThrow().status())
        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03004 failed",
        new RuntimeException(new SQLException("Connection refused", "08001")));
    assertThat(Failures.of(wrapped).orElseThrow().status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    SQLException batch = new SQLException("Batch entry 0 failed");
    batch.setNextException(new SQLException("terminating connection due to administrator command", "57P01"));
    assertThat(Failures.of(new ProcessEngineException(batch)).orElseThrow().status())
        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(Failures.of(new ProcessEngineException(new SQLException("serialization", "40001"))).orElseThrow()
        .status()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(Failures.of(new IllegalStateException("a bug"))).isEmpty();
  }

  @Test
  void theEngineRestMapperSearchesTheCauseChain() {
    // what listeners throw at a start reaches JAX-RS unwrapped or wrapped, as plain runtime exceptions
    assertMapped(new RuntimeException(new ForbiddenActionException("not yours")), 403);
    assertMapped(new ProcessEngineException("listener failed", new ConflictException("moved on")), 409);
    assertMapped(InvalidInputException.of("title", "is required"), 400);
    assertMapped(new OptimisticLockingException("lost"), 409);
    assertMapped(new org.camunda.bpm.engine.exception.NotFoundException("no such task"), 404);
    Response bug = EngineRestExceptionMapper.answer(new ProcessEngineException("boom",
        new SQLException("select secret from table", "42000")), null);
    assertThat(bug.getStatus()).isEqualTo(500);
    assertThat(bug.getEntity().toString()).doesNotContain("select secret");
  }

  private static void assertMapped(Throwable failure, int status) {
    Response response = EngineRestExceptionMapper.answer(failure, null);
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getMediaType()).hasToString("application/problem+json");
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) response.getEntity();
    assertThat(body).containsEntry("status", status).containsKeys("title", "detail");
  }

  private Throwable lockBoth(long first, long second, CyclicBarrier bothLocked) {
    try {
      new TransactionTemplate(transactions).executeWithoutResult(status -> {
        lock(first);
        try {
          bothLocked.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        lock(second);
      });
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private void lock(long projectId) {
    jdbc.sql("update project set updated_at = updated_at where id = :id").param("id", projectId).update();
  }

  private long project() {
    user("sam", pmo.platform.Roles.REQUESTERS, pmo.platform.Roles.STEERING_COMMITTEE);
    return projects.register(new NewProject(null, "Failure " + unique(), null, "sam", null, "IT", null,
        java.math.BigDecimal.TEN, java.time.LocalDate.of(2027, 1, 1), java.time.LocalDate.of(2027, 2, 1),
        "Failures")).project().id();
  }
}
