package pmo.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import pmo.TestDatabase;
import pmo.platform.Roles;

/**
 * Two users at once, over the engine REST API as Tasklist would call it (issue 9, findings 9 and 11): the whole board
 * voting at the same moment, 40 times: each vote counted once, none answers 500; two users completing one task get one 204 and one 409 (or
 * 404 when the first had already finished); raising change requests for projects while other requests of the same
 * projects are approved (baselines written) deadlocks nothing, and the audit chain stays intact.
 */
class ConcurrencyTest extends ChangeTestSupport {

  static final int VOTE_PAIRS = 40;
  static final int COMPLETION_PAIRS = 30;
  static final int RAISED = 200;
  static final int PROJECTS = 5;

  @Autowired
  TestRestTemplate rest;

  @Test
  void simultaneousBoardVotesAreEachCountedOnceAndNeverFail() throws Exception {
    long projectId = project();
    List<ProcessInstance> requests = new ArrayList<>();
    for (int i = 0; i < VOTE_PAIRS; i++) {
      ProcessInstance pi = raiseAndAssess(projectId, "normal", 6000, 0, "none");
      assertThat(requestOf(pi).route()).isEqualTo(Route.BOARD);
      requests.add(pi);
    }
    List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
    int board = everyVoter("approve", requester).size();
    ExecutorService pool = Executors.newFixedThreadPool(board);
    try {
      for (ProcessInstance pi : requests) {
        List<Task> votes = tasks.createTaskQuery().processInstanceId(pi.getId())
            .taskDefinitionKey(ChangeRequestProcess.TASK_BOARD_VOTE).list();
        assertThat(votes).hasSizeGreaterThanOrEqualTo(2);
        CyclicBarrier together = new CyclicBarrier(votes.size());
        List<Future<Integer>> pair = new ArrayList<>();
        for (Task vote : votes) {
          pair.add(pool.submit(() -> {
            together.await();
            return post(vote.getAssignee(), "/engine-rest/task/" + vote.getId() + "/complete",
                Map.of("variables", Map.of("vote", Map.of("value", "approve")))).getStatusCode().value();
          }));
        }
        for (Future<Integer> vote : pair) {
          statuses.add(vote.get());
        }
      }
    } finally {
      pool.shutdown();
    }
    assertThat(statuses).hasSize(board * VOTE_PAIRS).containsOnly(204);
    await().atMost(Duration.ofSeconds(60)).until(() -> requests.stream()
        .allMatch(pi -> requestOf(pi).status() == ChangeStatus.APPROVED));
    for (ProcessInstance pi : requests) {
      ChangeRequest request = requestOf(pi);
      assertThat(approvals(request)).as(request.reference()).hasSize(board)
          .extracting(Approval::approver).contains(carl, cora).doesNotHaveDuplicates();
    }
    // no incident of these requests (the whole database may hold other tests' incidents: a flaky count before)
    for (ProcessInstance pi : requests) {
      assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).list()).as(requestOf(pi).reference())
          .isEmpty();
    }
  }

  @Test
  void twoPeopleCompletingOneTaskGetOneSuccessAndOneConflict() throws Exception {
    String oscar = user("oscar", Roles.REQUESTERS, Roles.PMO);
    long projectId = project();
    List<ProcessInstance> requests = new ArrayList<>();
    for (int i = 0; i < COMPLETION_PAIRS; i++) {
      requests.add(raiseAndAssess(projectId, "normal", 1000, 0, "none"));
    }
    List<String> outcomes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (ProcessInstance pi : requests) {
        String taskId = task(pi, ChangeRequestProcess.TASK_PMO_APPROVAL).getId();
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Integer>> pair = new ArrayList<>();
        for (String user : List.of(pmo, oscar)) {
          pair.add(pool.submit(() -> {
            together.await();
            return post(user, "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("pmoDecision", Map.of("value", "approve")))).getStatusCode().value();
          }));
        }
        List<Integer> two = new ArrayList<>();
        for (Future<Integer> f : pair) {
          two.add(f.get());
        }
        Collections.sort(two);
        outcomes.add(two.toString());
        assertThat(approvals(requestOf(pi))).as("approvals of " + pi.getId()).hasSize(1);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(outcomes).allSatisfy(pair -> assertThat(pair).isIn("[204, 409]", "[204, 404]"));
  }

  @Test
  void raisingWhileApprovingOnTheSameProjectsDeadlocksNothing() throws Exception {
    List<Long> projects = new ArrayList<>();
    for (int i = 0; i < PROJECTS; i++) {
      projects.add(project());
    }
    // requests waiting for the PMO on every project, to be approved while new ones are raised
    List<ProcessInstance> waiting = new ArrayList<>();
    for (int i = 0; i < RAISED / 4; i++) {
      waiting.add(raiseAndAssess(projects.get(i % PROJECTS), "normal", 1000, 0, "none"));
    }
    long deadlocksBefore = deadlocks();
    List<Callable<Integer>> work = new ArrayList<>();
    for (int i = 0; i < RAISED; i++) {
      long projectId = projects.get(i % PROJECTS);
      work.add(() -> post(requester, "/api/change-requests", Map.of("projectId", projectId, "title",
          "Concurrent " + unique(), "description", "More reports", "reason", "Regions ask", "changeType", "normal",
          "costDelta", 500, "scheduleDeltaDays", 0, "qualityImpact", "none")).getStatusCode().value());
    }
    for (ProcessInstance pi : waiting) {
      String taskId = task(pi, ChangeRequestProcess.TASK_PMO_APPROVAL).getId();
      work.add(() -> post(pmo, "/engine-rest/task/" + taskId + "/complete",
          Map.of("variables", Map.of("pmoDecision", Map.of("value", "approve")))).getStatusCode().value());
    }
    Collections.shuffle(work, new java.util.Random(42));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Integer> statuses = new ArrayList<>();
    try {
      for (Future<Integer> done : pool.invokeAll(work)) {
        statuses.add(done.get());
      }
    } finally {
      pool.shutdown();
    }
    assertThat(statuses).doesNotContain(500).filteredOn(s -> s >= 400).isEmpty();
    assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(RAISED);
    await().atMost(Duration.ofSeconds(60)).until(() -> waiting.stream()
        .allMatch(pi -> requestOf(pi).status() == ChangeStatus.APPROVED));
    for (long projectId : projects) {
      assertThat(this.projects.get(projectId).baselines()).hasSize(1 + RAISED / 4 / PROJECTS);
    }
    if (TestDatabase.isPostgres()) {
      assertThat(deadlocks() - deadlocksBefore).as("deadlocks detected by PostgreSQL").isZero();
    }
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      ResponseEntity<Map> chain = get(user("audrey", Roles.AUDITORS), "/api/audit/verify");
      assertThat(chain.getStatusCode().value()).isEqualTo(200);
      assertThat(chain.getBody()).containsEntry("intact", true);
    });
  }

  private long deadlocks() {
    return TestDatabase.isPostgres() ? jdbc.sql("select deadlocks from pg_stat_database where datname = "
        + "current_database()").query(Long.class).single() : 0;
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> get(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, PASSWORD);
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), Map.class);
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, PASSWORD);
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }
}
