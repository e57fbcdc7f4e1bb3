package pmo.improvement.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.audit.AuditService;
import pmo.notice.Notice;
import pmo.notice.NoticeService;
import pmo.notice.NoticeStatus;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectFacts;
import pmo.project.ProjectService;

/**
 * Training over real HTTP and on the real engine and database: completions recorded by the PMO one by one and as a CSV
 * upload (all lines or none, a bad line named by line and field), bad input refused naming the field with nothing
 * written, writes by others refused (403), one person's training read by the PMO and the person only; the expiry
 * reminder run (processes/training-expiry.bpmn) reminds each expiring completion once through the outbox; the fact
 * {@code managerTrained} of a project for the gate criteria.
 */
class TrainingTest extends IntegrationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  NoticeService notices;
  @Autowired
  AuditService audit;
  @Autowired
  ProjectService projects;
  @Autowired
  TrainingFacts facts;

  String pmo;
  String person;
  String other;

  @BeforeEach
  void users() {
    pmo = user("olga-tr", Roles.REQUESTERS, Roles.PMO);
    // a fresh person per test: completions stay in the database between runs
    person = user("pm-" + unique(), Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    other = user("rita-tr", Roles.REQUESTERS);
  }

  private static LocalDate today() {
    return LocalDate.now();
  }

  private long rows(String who) {
    return jdbc.sql("select count(*) from training_completion where person = :p").param("p", who).query(Long.class)
        .single();
  }

  @Test
  void thePmoRecordsCompletionsAndAPersonIsTrainedOnceEveryStandardCourseIsValid() {
    ResponseEntity<Map<String, Object>> created = post(pmo, "/api/training/completions",
        Map.of("person", person, "courseId", "pmo-standard", "completedOn", today().minusMonths(3).toString()));
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody()).containsEntry("person", person).containsEntry("source", "REST")
        .containsEntry("expiresOn", today().minusMonths(3).plusMonths(24).toString())
        .containsEntry("recordedBy", pmo);
    long id = ((Number) created.getBody().get("id")).longValue();
    assertThat(audit.forEntity(TrainingAudit.ENTITY, id)).extracting(e -> e.action())
        .containsExactly(TrainingAudit.TRAINING_COMPLETION_RECORDED.name());
    assertThat(trained()).isFalse();

    // the second standard course, but expired: still not trained; a valid one makes it
    post(pmo, "/api/training/completions", Map.of("person", person, "courseId", "risk-and-issues",
        "completedOn", today().minusMonths(37).toString()));
    assertThat(trained()).isFalse();
    post(pmo, "/api/training/completions", Map.of("person", person, "courseId", "risk-and-issues",
        "completedOn", today().minusDays(1).toString()));
    Map<String, Object> standing = get(person, "/api/training/people/" + person).getBody();
    assertThat(standing).containsEntry("trainedInStandard", true);
    assertThat(list(standing.get("courses"))).extracting(c -> c.get("courseId") + "=" + c.get("valid"))
        .containsExactly("pmo-standard=true", "risk-and-issues=true", "earned-value=false");

    // the same completion twice is a conflict
    assertThat(post(pmo, "/api/training/completions", Map.of("person", person, "courseId", "pmo-standard",
        "completedOn", today().minusMonths(3).toString())).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(rows(person)).isEqualTo(3);
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
    assertThat(errors(post(pmo, "/api/training/completions", Map.of("person", person, "courseId",
        "pmo-standard", "completedOn", today().plusDays(1).toString()))))
        .containsExactly("completedOn: must not be in the future (today is " + today() + ")");
    assertThat(errors(post(pmo, "/api/training/completions", Map.of("person", "nobody-" + unique(),
        "courseId", "cooking", "completedOn", "2025-13-01"))))
        .containsExactly("person", "courseId", "completedOn");
    assertThat(rows(person)).isZero();
  }

  @Test
  void onlyThePmoRecordsAndOnlyThePmoAndThePersonReadAPersonsTraining() {
    assertThat(post(other, "/api/training/completions", Map.of("person", person, "courseId", "pmo-standard",
        "completedOn", today().toString())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(csv(other, "person,courseId,completedOn\n" + person + ",pmo-standard," + today())
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rows(person)).isZero();
    assertThat(get(other, "/api/training/people/" + person).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(pmo, "/api/training/people/" + person).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(person, "/api/training/people/" + person).getStatusCode()).isEqualTo(HttpStatus.OK);
    // the list shows everybody else only their own completions
    post(pmo, "/api/training/completions", Map.of("person", person, "courseId", "earned-value",
        "completedOn", today().toString()));
    assertThat(get(other, "/api/training/completions?person=" + person).getBody()).containsEntry("total", 0);
    assertThat(get(pmo, "/api/training/completions?person=" + person).getBody()).containsEntry("total", 1);
  }

  @Test
  void aCsvUploadRecordsAllLinesOrNoneNamingTheBadLineAndField() {
    String second = user("pm-" + unique(), Roles.REQUESTERS);
    String good = "person,courseId,completedOn\n"
        + person + ",pmo-standard," + today().minusDays(10) + "\n"
        + second + ",earned-value," + today().minusDays(20) + "\n";
    String bad = good + person + ",risk-and-issues," + today().plusDays(3) + "\n";

    ResponseEntity<Map<String, Object>> refused = csv(pmo, bad);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(refused)).containsExactly("lines[4].completedOn");
    assertThat(rows(person) + rows(second)).isZero();

    ResponseEntity<Map<String, Object>> uploaded = csv(pmo, good);
    assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(uploaded.getBody()).containsEntry("created", 2).containsEntry("alreadyRecorded", 0);
    assertThat(list(uploaded.getBody().get("completions"))).extracting(c -> c.get("source")).containsOnly("CSV");
    // again: every line is already recorded
    assertThat(csv(pmo, good).getBody()).containsEntry("created", 0).containsEntry("alreadyRecorded", 2);
    assertThat(errors(csv(pmo, "who,what\n" + person + ",x\n"))).containsExactly("file");
    assertThat(rows(person) + rows(second)).isEqualTo(2);
  }

  @Test
  void theExpiryRunRemindsEachExpiringCompletionOnceThroughTheOutbox() {
    // a second person reads Chinese: each reminder is written in its holder's language
    String chinese = reading(user("pm-zh-" + unique(), Roles.REQUESTERS, Roles.PROJECT_MANAGERS), "zh-CN");
    reading(person, "en");
    // expires in 10 days (24 months' validity), within the 30 days' reminder; another expires in a year
    long expiring = id(post(pmo, "/api/training/completions", Map.of("person", person, "courseId",
        "pmo-standard", "completedOn", today().minusMonths(24).plusDays(10).toString())));
    long later = id(post(pmo, "/api/training/completions", Map.of("person", person, "courseId",
        "risk-and-issues", "completedOn", today().minusMonths(24).toString())));
    long expiringInChinese = id(post(pmo, "/api/training/completions", Map.of("person", chinese, "courseId",
        "pmo-standard", "completedOn", today().minusMonths(24).plusDays(10).toString())));

    String run = runExpiryCheck();
    assertThat(remindedBy(expiring)).isEqualTo(run);
    assertThat(remindedBy(later)).isNull();
    await().atMost(Duration.ofSeconds(30)).until(() -> engine.getHistoryService()
        .createHistoricProcessInstanceQuery().processInstanceId(run).finished().count() == 1);
    LocalDate expires = today().plusDays(10);
    String english = expires.format(java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH));
    List<Notice> sent = notices.forRelated(TrainingAudit.ENTITY, expiring);
    assertThat(sent).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo(person);
      assertThat(n.status()).isEqualTo(NoticeStatus.SENT);
      assertThat(n.subject()).startsWith("Your training expires on " + english + ": ");
      assertThat(n.body()).contains("counts until " + english + ".\nPlease take the course again before then");
    });
    String inChinese = expires.getYear() + "年" + expires.getMonthValue() + "月" + expires.getDayOfMonth() + "日";
    assertThat(notices.forRelated(TrainingAudit.ENTITY, expiringInChinese)).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo(chinese);
      assertThat(n.subject()).startsWith("您的培训将于 " + inChinese + " 到期：");
      assertThat(n.body()).contains("有效期至 " + inChinese + "。\n请在此之前重新参加该课程，PMO 会登记新的完成记录。\n（到期前 ")
          .doesNotContain("Please");
    });
    user(chinese);
    assertThat(audit.forEntity(TrainingAudit.ENTITY, expiring)).extracting(e -> e.action())
        .contains(TrainingAudit.TRAINING_EXPIRY_REMINDED.name());

    // the next run does not remind it again
    runExpiryCheck();
    assertThat(notices.forRelated(TrainingAudit.ENTITY, expiring)).hasSize(1);
    assertThat(remindedBy(expiring)).isEqualTo(run);
  }

  @Test
  void aProjectsManagerTrainedIsAFactOfTheGateCriteria() {
    long project = projects.register(new NewProject(null, "Training facts " + unique(), null, pmo, person, "IT",
        null, new BigDecimal("1000"), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30), "Scope")).project().id();
    assertThat(facts.addTo(ProjectFacts.NONE, project).managerTrained()).isFalse();
    for (String course : List.of("pmo-standard", "risk-and-issues")) {
      post(pmo, "/api/training/completions", Map.of("person", person, "courseId", course,
          "completedOn", today().minusDays(5).toString()));
    }
    ProjectFacts trained = facts.addTo(ProjectFacts.NONE, project);
    assertThat(trained.managerTrained()).isTrue();
    assertThat(trained.asVariables()).containsEntry("managerTrained", true);
  }

  /** Fires the expiry check's timer start event now; returns the run's process instance. */
  private String runExpiryCheck() {
    var management = engine.getManagementService();
    Job timer = management.createJobQuery().processDefinitionKey("training-expiry").timers().singleResult();
    assertThat(timer).as("the timer start event of training-expiry").isNotNull();
    List<String> before = runs();
    management.executeJob(timer.getId());
    List<String> after = new java.util.ArrayList<>(runs());
    after.removeAll(before);
    assertThat(after).hasSize(1);
    return after.get(0);
  }

  private List<String> runs() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("training-expiry")
        .unlimitedList().stream().map(pi -> pi.getId()).toList();
  }

  private String remindedBy(long completion) {
    return jdbc.sql("select reminder_process_instance_id from training_completion where id = :id")
        .param("id", completion).query(String.class).optional().orElse(null);
  }

  private static long id(ResponseEntity<Map<String, Object>> response) {
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    return ((Number) response.getBody().get("id")).longValue();
  }

  private boolean trained() {
    return Boolean.TRUE.equals(get(pmo, "/api/training/people/" + person).getBody().get("trainedInStandard"));
  }

  /** The fields of a 400's problem details (with the reason when there is one field). */
  private static List<String> errors(ResponseEntity<Map<String, Object>> response) {
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<Map<String, Object>> errors = list(response.getBody().get("errors"));
    if (errors.size() == 1 && "completedOn".equals(errors.get(0).get("field"))) {
      return List.of(errors.get(0).get("field") + ": " + errors.get(0).get("reason"));
    }
    return errors.stream().map(e -> (String) e.get("field")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  private ResponseEntity<Map<String, Object>> csv(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return rest.withBasicAuth(user, PASSWORD).exchange("/api/training/completions/csv", HttpMethod.POST,
        new HttpEntity<>(body, headers), JSON);
  }

  private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body), JSON);
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, JSON);
  }
}
