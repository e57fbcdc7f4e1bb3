package pmo.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.audit.AuditService;
import pmo.escalation.EscalationService;
import pmo.notice.Notice;
import pmo.notice.NoticeService;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectService;

/**
 * What the engine tests of the risk and issue processes share: the cast (a requester, the project manager, two
 * owners, two PMO analysts, a steering committee member), a fresh project per test, task helpers, the engine clock
 * (moved forward by a test, reset after it) and the clean-up of the cases a test leaves running, so their timers do not
 * fire in later tests.
 */
public abstract class CaseProcessTest extends IntegrationTest {

  @Autowired
  protected RuntimeService runtime;
  @Autowired
  protected TaskService tasks;
  @Autowired
  protected ManagementService management;
  @Autowired
  protected AuditService audit;
  @Autowired
  protected ProjectService projects;
  @Autowired
  protected EscalationService escalations;
  @Autowired
  protected NoticeService notices;

  protected String requester;
  protected String manager;
  protected String owner;
  protected String otherOwner;
  protected String pmo;
  protected String otherPmo;
  protected String steering;

  private final List<String> processKeys = List.of("risk-escalation", "issue-escalation");
  private final List<Long> projectsOfThisTest = new ArrayList<>();

  @BeforeEach
  void cast() {
    requester = user("rita", Roles.REQUESTERS);
    manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    owner = user("otto", Roles.REQUESTERS);
    otherOwner = user("ola", Roles.REQUESTERS);
    pmo = user("olga", Roles.REQUESTERS, Roles.PMO);
    otherPmo = user("oscar", Roles.REQUESTERS, Roles.PMO);
    steering = user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
  }

  @AfterEach
  void endOpenCasesAndResetClock() {
    identityService.clearAuthentication();
    ClockUtil.reset();
    for (long project : projectsOfThisTest) {
      for (String key : processKeys) {
        runtime.createProcessInstanceQuery().processDefinitionKey(key).variableValueEquals("projectId", project).list()
            // a timer job of the instance may still be running on the job executor: retry until it has finished
            .forEach(pi -> await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
              runtime.deleteProcessInstanceIfExists(pi.getId(), "test over", false, true, false, false);
              return true;
            }));
      }
    }
  }

  /** A running project managed by {@link #manager}. */
  protected long newProject() {
    long id = projects.register(new NewProject(null, "Case project " + unique(), null, steering, manager, "IT", null,
        new BigDecimal("500000"), LocalDate.of(2027, 1, 1), LocalDate.of(2028, 6, 30), "Scope")).project().id();
    projectsOfThisTest.add(id);
    return id;
  }

  /** The one open task of the process instance. */
  protected Task task(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).initializeFormKeys().singleResult();
  }

  /** Completes the instance's open task as {@code user}, claiming it first when it is a group task. */
  protected void complete(String user, String processInstanceId, Map<String, Object> variables) {
    actAs(user);
    try {
      Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
      assertThat(task).as("open task of " + processInstanceId + " visible to " + user).isNotNull();
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      tasks.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Waits (job executor) until the instance has an open task with this definition key. */
  protected Task awaitTask(String processInstanceId, String taskKey) {
    await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskKey).count() == 1);
    return task(processInstanceId);
  }

  protected void awaitEnded(String processInstanceId) {
    await().atMost(Duration.ofSeconds(20))
        .until(() -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0);
  }

  /** The timer job waiting at this activity of the instance. */
  protected Job timer(String processInstanceId, String activityId) {
    Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers()
        .singleResult();
    assertThat(job).as("timer at " + activityId).isNotNull();
    return job;
  }

  /** Moves the engine clock (and the application's Clock) to a minute after {@code moment}. */
  protected void passTime(Date moment) {
    ClockUtil.setCurrentTime(Date.from(moment.toInstant().plusSeconds(60)));
  }

  protected static Date date(OffsetDateTime moment) {
    return Date.from(moment.toInstant());
  }

  protected static Instant now() {
    return ClockUtil.now().toInstant();
  }

  protected static LocalDate today() {
    return LocalDate.ofInstant(now(), ZoneOffset.UTC);
  }

  /** An RFC 7807 answer with this status and, when {@code field} is given, an error naming it and the reason. */
  public static void assertProblem(ResponseEntity<Map<String, Object>> response, int status, String field,
      String reason) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    if (field != null) {
      assertThat(list(response.getBody().get("errors"))).as(String.valueOf(response.getBody()))
          .anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo(field);
            assertThat((String) e.get("reason")).contains(reason);
          });
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  /** The notices queued about a case, as "recipient: subject", oldest first. */
  protected List<String> noticesOf(String entityType, long id) {
    return notices.forRelated(entityType, id).stream().map(n -> n.recipient() + ": " + n.subject()).toList();
  }

  /** The recipients of the notices queued about a case whose subject is this. */
  protected List<String> recipients(String entityType, long id, String subject) {
    return notices.forRelated(entityType, id).stream().filter(n -> n.subject().equals(subject))
        .map(Notice::recipient).toList();
  }

  /** The audit trail of a record as "ACTION by actor", oldest first. */
  protected List<String> actions(String entityType, long id) {
    return audit.forEntity(entityType, id).stream().map(e -> e.action() + " by " + e.actor()).toList();
  }
}
