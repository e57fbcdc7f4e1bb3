package pmo.bench;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * One client of the benchmark: works one flow from start to end as its users do in Tasklist, through the engine's
 * Java API: authenticated as the user ({@code setAuthentication(user, groups)}), it starts the process, finds the
 * task, claims it when nobody has, and completes it with the form's fields. Where an asynchronous step (a job) comes
 * before the next task, it waits for the task, as a user refreshing Tasklist would; that wait is part of the flow's
 * time but its queries are not counted as the flow's statements. Each start and completion is timed.
 */
final class Driver {

  /**
   * Each client works on projects of its own, in turn, so clients do not queue for one project's row and a project's
   * baselines grow as they would in use (each approved change writes one).
   */
  static final int PROJECTS_PER_CLIENT = 4;
  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final long WAIT_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final Side side;
  private final Side.People people;
  private final int client;
  private final Recorder recorder;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private int started;

  Driver(Side side, Side.People people, int client, Recorder recorder) {
    this.side = side;
    this.people = people;
    this.client = client;
    this.recorder = recorder;
    this.identity = side.engine.getIdentityService();
    this.runtime = side.engine.getRuntimeService();
    this.tasks = side.engine.getTaskService();
  }

  /** Works one instance of the flow to its end (the risk flow: to its response's due date); returns its id. */
  String run(Flow flow) {
    started++;
    return switch (flow) {
      case RISK -> risk();
      case CHANGE_STANDARD -> change(false);
      case CHANGE_PMO -> change(true);
      case INTAKE -> intake();
      case MINIMAL -> minimal();
    };
  }

  private String risk() {
    Map<String, Object> risk = new HashMap<>();
    risk.put("projectId", side.project(client * PROJECTS_PER_CLIENT + started % PROJECTS_PER_CLIENT));
    risk.put("title", "Supplier delay " + SEQUENCE.incrementAndGet());
    risk.put("description", "The main supplier may deliver late");
    risk.put("category", "SUPPLIER");
    risk.put("owner", people.owner().id());
    risk.put("probability", 3);
    risk.put("impact", 4);
    risk.put("monetaryImpact", 50000);
    long start = System.nanoTime();
    String pi = side.raiseRisk(people.manager(), risk);
    recorder.step("start", System.nanoTime() - start);
    work(people.owner(), pi, "Task_PlanResponse", Map.of("responseStrategy", "mitigate",
        "responsePlan", "Second supplier on standby", "dueDate", LocalDate.now().plusDays(30).toString()));
    return pi;
  }

  private String change(boolean pmoRoute) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("projectId", side.project(client * PROJECTS_PER_CLIENT + started % PROJECTS_PER_CLIENT));
    vars.put("title", "Extend reporting scope " + SEQUENCE.incrementAndGet());
    vars.put("description", "Add the regional sales reports");
    vars.put("reason", "Regions need their own figures");
    vars.put("changeType", pmoRoute ? "normal" : "standard");
    vars.put("costDelta", pmoRoute ? 3000 : 2000);
    vars.put("scheduleDeltaDays", 1);
    vars.put("scopeChange", "Regional sales reports");
    vars.put("qualityImpact", pmoRoute ? "minor" : "none");
    vars.put("riskNotes", "Data quality of the regional feeds");
    vars.putAll(side.stepVariables(pmoRoute ? Flow.CHANGE_PMO : Flow.CHANGE_STANDARD, people));
    String pi = start(people.requester(), "change-request", vars);
    work(people.manager(), pi, "Task_AssessImpact", Map.of("assessmentComment", "Figures checked"));
    if (pmoRoute) {
      work(people.pmo(), pi, "Task_PmoApproval", Map.of("pmoDecision", "approve", "pmoComment", "Fine"));
    }
    awaitTask(pi, "Task_ImplementChange");
    work(people.manager(), pi, "Task_ImplementChange", Map.of("implementationNotes", "Reports deployed"));
    work(people.requester(), pi, "Task_VerifyImplementation", Map.of("verification", "accept"));
    return pi;
  }

  private String intake() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("title", "Customer portal " + SEQUENCE.incrementAndGet());
    vars.put("businessCase", "Saves time for customers and staff");
    vars.put("sponsor", people.sponsor().id());
    vars.put("category", "IT");
    vars.put("estimatedBudget", 250000);
    vars.put("estimatedMonths", 9);
    vars.put("strategicObjective", "Digital customer experience");
    vars.put("expectedBenefits", "Fewer calls to the service desk");
    vars.putAll(side.stepVariables(Flow.INTAKE, people));
    String pi = start(people.requester(), "project-intake", vars);
    work(people.pmo(), pi, "Task_ScreenProposal", Map.of("screeningDecision", "complete"));
    work(people.sponsor(), pi, "Task_SponsorApproval", Map.of("sponsorDecision", "approve",
        "projectManager", people.manager().id(), "plannedStart", LocalDate.now().plusDays(14).toString(),
        "sponsorComment", "Go ahead"));
    awaitEnd(pi);
    return pi;
  }

  private String minimal() {
    String pi = start(people.requester(), BareEngine.MINIMAL, Map.of());
    work(people.requester(), pi, BareEngine.MINIMAL_TASK, Map.of());
    return pi;
  }

  private String start(Side.User user, String key, Map<String, Object> variables) {
    identity.setAuthentication(user.id(), user.groups());
    try {
      long start = System.nanoTime();
      String pi = runtime.startProcessInstanceByKey(key, variables).getId();
      recorder.step("start", System.nanoTime() - start);
      return pi;
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Finds the open task, claims it if nobody has, completes it with the form's fields; times the completion. */
  private void work(Side.User user, String pi, String taskKey, Map<String, Object> fields) {
    identity.setAuthentication(user.id(), user.groups());
    try {
      long start = System.nanoTime();
      Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult();
      if (task == null) {
        throw new IllegalStateException(side.name + ": no open task " + taskKey + " of " + pi + " for " + user.id());
      }
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user.id());
      }
      long completion = System.nanoTime();
      tasks.complete(task.getId(), fields);
      long end = System.nanoTime();
      recorder.step(taskKey, end - completion);
      recorder.step("find+claim", completion - start);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Waits until the job executor has run the asynchronous step before {@code taskKey}. */
  private void awaitTask(String pi, String taskKey) {
    long start = System.nanoTime();
    while (true) {
      long[] found = new long[1];
      StatementCounter.ignored(() -> found[0] = tasks.createTaskQuery().processInstanceId(pi)
          .taskDefinitionKey(taskKey).count());
      if (found[0] > 0) {
        recorder.step("wait (job)", System.nanoTime() - start);
        return;
      }
      pause(start, pi, taskKey);
    }
  }

  private void awaitEnd(String pi) {
    long start = System.nanoTime();
    while (true) {
      long[] running = new long[1];
      StatementCounter.ignored(() -> running[0] = runtime.createProcessInstanceQuery().processInstanceId(pi).count());
      if (running[0] == 0) {
        recorder.step("wait (job)", System.nanoTime() - start);
        return;
      }
      pause(start, pi, "the end");
    }
  }

  private void pause(long since, String pi, String what) {
    if (System.nanoTime() - since > WAIT_LIMIT_NANOS) {
      throw new IllegalStateException(side.name + ": " + pi + " did not reach " + what + " within 60 s");
    }
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
