package pmo.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.IntegrationTest;
import pmo.audit.AuditService;
import pmo.platform.ConflictException;
import pmo.platform.InvalidInputException;
import pmo.platform.Roles;

/** Baseline versions, stage moves and cancellation, with their rows and audit events. */
@RecordApplicationEvents
class ProjectServiceTest extends IntegrationTest {

  @Autowired
  ProjectService projects;
  @Autowired
  AuditService audit;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  ApplicationEvents events;

  long projectId;

  @BeforeEach
  void project() {
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    projectId = projects.register(new NewProject(null, "Service test " + unique(), null, "sam", "paula", "IT", null,
        new BigDecimal("100000"), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), "Scope v1")).project().id();
  }

  @Test
  void laterBaselinesKeepEarlierOnesReadable() {
    Baseline v2 = projects.addBaseline(projectId, new NewBaseline(new BigDecimal("130000"), LocalDate.of(2027, 1, 1),
        LocalDate.of(2028, 2, 29), "Scope v1 + reporting module", "Change request 7 approved", 7L));

    assertThat(v2.version()).isEqualTo(2);
    ProjectDetails details = projects.get(projectId);
    assertThat(details.baselines()).extracting(Baseline::version).containsExactly(1, 2);
    assertThat(details.baselines().get(0).budgetAtCompletion()).isEqualByComparingTo("100000");
    assertThat(details.currentBaseline().changeRequestId()).isEqualTo(7L);
    assertThat(details.project().finishDate()).isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(audit.forEntity(ProjectService.ENTITY, projectId)).extracting(e -> e.action())
        .containsExactly("PROJECT_REGISTERED", "PROJECT_REBASELINED");
  }

  /**
   * Two changes of one project approved at the same moment (found by the throughput benchmark: "duplicate key
   * uq_baseline_version"): a step reads the project's current baseline in its checks, another approval adds the next
   * version and commits, then the step adds its baseline. The version is decided after the project's lock, from the
   * baselines as they are then, not from what the transaction read before it held the lock.
   */
  @Test
  void aBaselineReadBeforeTheProjectIsLockedDoesNotDecideTheNextVersion() {
    NewBaseline change = new NewBaseline(new BigDecimal("120000"), LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 12, 31), "Scope v1 + A", "Change approved", null);
    Baseline added = transaction.execute(status -> {
      assertThat(projects.currentBaseline(projectId).version()).isEqualTo(1);
      java.util.concurrent.CompletableFuture.runAsync(() -> projects.addBaseline(projectId, change)).join();
      return projects.addBaseline(projectId, change);
    });
    assertThat(added.version()).isEqualTo(3);
    assertThat(projects.get(projectId).baselines()).extracting(Baseline::version).containsExactly(1, 2, 3);
  }

  @Test
  void baselineThatEndsBeforeItStartsIsRejected() {
    NewBaseline backwards = new NewBaseline(new BigDecimal("1"), LocalDate.of(2027, 5, 1), LocalDate.of(2027, 4, 1),
        "x", "y", null);
    assertThat(failureOf(() -> projects.addBaseline(projectId, backwards)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("plannedFinish: must not be before plannedStart (2027-05-01)");
    assertThat(projects.get(projectId).baselines()).hasSize(1);
  }

  @Test
  void cancellationIsAuditedAndAnnouncedInTheSameTransaction() {
    projects.moveToStage(projectId, Stage.PLANNING);
    Project cancelled = projects.cancel(projectId, "Killed at gate G2");

    assertThat(cancelled.status()).isEqualTo(ProjectStatus.CANCELLED);
    assertThat(cancelled.stage()).isEqualTo(Stage.PLANNING);
    assertThat(events.stream(ProjectCancelled.class))
        .containsExactly(new ProjectCancelled(projectId, "Killed at gate G2"));
    assertThat(audit.forEntity(ProjectService.ENTITY, projectId)).extracting(e -> e.action())
        .containsExactly("PROJECT_REGISTERED", "PROJECT_STAGE_CHANGED", "PROJECT_CANCELLED");
    assertThat(failureOf(() -> projects.cancel(projectId, "again"))).isInstanceOf(ConflictException.class);
    assertThat(failureOf(() -> projects.cancel(projectId, " "))).hasMessage("reason: is required");
  }

  @Test
  void holdResumeAndCloseChangeTheStatusOnlyFromTheRightOne() {
    assertThat(failureOf(() -> projects.resume(projectId))).isInstanceOf(ConflictException.class)
        .hasMessage("project " + projectId + " is ACTIVE, not ON_HOLD");
    assertThat(projects.putOnHold(projectId).status()).isEqualTo(ProjectStatus.ON_HOLD);
    assertThat(failureOf(() -> projects.putOnHold(projectId))).hasMessage(
        "project " + projectId + " is ON_HOLD, not ACTIVE");
    assertThat(failureOf(() -> projects.close(projectId))).hasMessage(
        "project " + projectId + " is on hold and cannot be closed");
    assertThat(projects.resume(projectId).status()).isEqualTo(ProjectStatus.ACTIVE);
    Project closed = projects.close(projectId);
    assertThat(closed.stage()).isEqualTo(Stage.CLOSED);
    assertThat(closed.status()).isEqualTo(ProjectStatus.COMPLETED);
    assertThat(failureOf(() -> projects.close(projectId))).hasMessage("project " + projectId + " is already closed");
    assertThat(audit.forEntity(ProjectService.ENTITY, projectId)).extracting(e -> e.action()).containsExactly(
        "PROJECT_REGISTERED", "PROJECT_PUT_ON_HOLD", "PROJECT_RESUMED", "PROJECT_CLOSED");
    assertThat(events.stream(ProjectRegistered.class)).contains(new ProjectRegistered(projectId));
  }

  @Test
  void aFailureAfterTheChangeRollsBackTheChangeAndItsAuditEvent() {
    Throwable failure = failureOf(() -> transaction.executeWithoutResult(status -> {
      projects.moveToStage(projectId, Stage.EXECUTION);
      throw new IllegalStateException("a later step fails");
    }));
    assertThat(failure).hasMessage("a later step fails");
    assertThat(projects.find(projectId).stage()).isEqualTo(Stage.INITIATION);
    assertThat(audit.forEntity(ProjectService.ENTITY, projectId)).extracting(e -> e.action())
        .containsExactly("PROJECT_REGISTERED");
  }

  @Test
  void onlyARunningProjectPassesTheRunningCheck() {
    String code = projects.find(projectId).code();
    assertThat(running(projectId)).isEmpty();
    projects.putOnHold(projectId);
    assertThat(running(projectId)).as("on hold is still running").isEmpty();
    projects.resume(projectId);
    projects.cancel(projectId, "Stopped");
    assertThat(running(projectId)).containsExactly("projectId: project " + code + " is CANCELLED: needed here");
    projects.close(projectId);
    assertThat(running(projectId)).containsExactly("projectId: project " + code + " is CLOSED: needed here");
    assertThat(running(987654321L)).containsExactly("projectId: unknown project 987654321");
    assertThat(running(null)).containsExactly("projectId: is required");
  }

  private java.util.List<String> running(Long id) {
    pmo.platform.InputErrors errors = new pmo.platform.InputErrors();
    projects.checkRunning(errors, "projectId", id, "needed here");
    return org.assertj.core.api.Assertions.catchThrowable(errors::throwIfAny) instanceof InvalidInputException invalid
        ? invalid.errors().stream().map(Object::toString).toList() : java.util.List.of();
  }
}
