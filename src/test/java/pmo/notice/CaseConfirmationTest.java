package pmo.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.intake.Proposals;
import pmo.platform.Roles;
import pmo.platform.engine.SystemJobs;

/**
 * Every case's raiser is confirmed its reference (README, "My cases and references"), one way for all: a risk, an
 * issue, an improvement proposal and a project proposal started from their Tasklist start forms each queue a
 * confirmation in the outbox with the case, a system job ({@code case-confirmation}, argument the reference) sends it
 * once, and the mail arrives.
 */
class CaseConfirmationTest extends IntegrationTest {

  private static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> JSON =
      new org.springframework.core.ParameterizedTypeReference<>() {
      };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  NoticeService notices;

  @Test
  void everyCaseRaisedFromItsStartFormIsConfirmedToWhoeverRaisedIt() {
    Cast cast = cast();
    String requester = cast.requester();
    String pmo = cast.pmo();
    String manager = cast.manager();
    String name = "Confirmations " + unique();
    Map<?, ?> project = register(pmo, manager, name);
    int projectId = ((Number) project.get("id")).intValue();
    String projectLine = "Project: " + project.get("code") + " " + name;

    String risk = submitStartForm(requester, "risk-escalation", Map.of("projectId", projectId,
        "title", "Confirmed risk " + unique(), "description", "d", "category", "TECHNICAL", "cause", "c",
        "effect", "e", "owner", manager));
    String issue = submitStartForm(requester, "issue-escalation", Map.of("projectId", projectId,
        "title", "Confirmed issue " + unique(), "description", "d", "severity", "high", "owner", manager));
    String improvement = submitStartForm(requester, "improvement-proposal", Map.of(
        "title", "Confirmed improvement " + unique(), "problem", "p", "proposal", "q", "expectedBenefit", "b",
        "concerns", "change-request", "projectId", projectId));
    Map<String, Object> intakeForm = new HashMap<>(Proposals.startVariables("Confirmed proposal " + unique(), "sam"));
    String intake = submitStartForm(requester, "project-intake", intakeForm);

    record Expected(String processInstanceId, String kind, String prefix, String waitsFor, boolean withProject) {
    }
    for (Expected expected : List.of(
        new Expected(risk, "risk", "R-", "It waits for the assessment by " + manager + " (project manager).", true),
        new Expected(issue, "issue", "I-", "It waits for the triage by " + manager + " (project manager).", true),
        new Expected(improvement, "improvement proposal", "IP-", "It waits for the PMO's evaluation.", true),
        new Expected(intake, "project proposal", "PRP-", "It waits for the PMO's screening, then the sponsor sam.",
            false))) {
      String reference = businessKey(expected.processInstanceId());
      assertThat(reference).startsWith(expected.prefix());
      await().atMost(Duration.ofSeconds(30)).until(() -> notices.forRelated(Confirmations.TYPE, reference).stream()
          .anyMatch(n -> n.status() == NoticeStatus.SENT));
      List<Notice> confirmations = notices.forRelated(Confirmations.TYPE, reference);
      assertThat(confirmations).as(reference).hasSize(1);
      Notice confirmation = confirmations.get(0);
      assertThat(confirmation.recipient()).isEqualTo(requester);
      assertThat(confirmation.subject()).startsWith("Your " + expected.kind() + " " + reference + " was recorded: ");
      assertThat(confirmation.body()).contains(expected.waitsFor()).contains("Quote " + reference);
      if (expected.withProject()) {
        assertThat(confirmation.body()).contains(projectLine);
        assertThat(confirmation.projectId()).isEqualTo(Long.valueOf(projectId));
      } else {
        assertThat(confirmation.body()).doesNotContain("Project:");
      }
      // sent by one run of its system job, named by the case's reference, whose log the history cleanup removes
      // a year on; no process of its own
      await().atMost(Duration.ofSeconds(30)).until(() -> systemJobRuns(reference) == 1);
      assertThat(jdbc.sql("""
              select count(*) from act_hi_job_log where job_def_configuration_ = :work and job_state_ in (0, 2)
                 and removal_time_ > :yearOn""")
          .param("work", Confirmations.JOB + " " + reference)
          .param("yearOn", java.sql.Timestamp.from(java.time.Instant.now().plus(Duration.ofDays(364))))
          .query(Long.class).single())
          .as("created and succeeded, each with a removal time").isEqualTo(2);
      assertThat(jdbc.sql("select count(*) from act_ru_job where handler_cfg_ = :work")
          .param("work", Confirmations.JOB + " " + reference).query(Long.class).single()).isZero();
      await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(MAIL.getReceivedMessages())
          .anyMatch(message -> subject(message).equals(confirmation.subject())));
    }
  }

  /**
   * The confirmation's job is retried as every notice step when the mail server is down, becomes an incident after
   * the last retry, and once the server is back one retry sends it; the notice is kept PENDING meanwhile.
   */
  @Test
  void aConfirmationThatCannotBeSentIsRetriedThenAnIncidentAndSentWhenTheServerIsBack() {
    Cast cast = cast();
    int projectId = ((Number) register(cast.pmo(), cast.manager(), "Mail down " + unique()).get("id")).intValue();
    var management = engine.getManagementService();
    String reference;
    String job;
    // confirmations of earlier tests that are due are sent first: the mail server going down is this test's alone
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from act_ru_job where handler_type_ ="
            + " :type and retries_ > 0 and (duedate_ is null or duedate_ <= :now)").param("type", SystemJobs.TYPE)
        .param("now", java.sql.Timestamp.from(java.time.Instant.now())).query(Long.class).single() == 0);
    MAIL.stop();
    try {
      reference = businessKey(submitStartForm(cast.requester(), "risk-escalation", Map.of("projectId", projectId,
          "title", "Unconfirmed risk " + unique(), "description", "d", "category", "TECHNICAL", "cause", "c",
          "effect", "e", "owner", cast.manager())));
      job = jdbc.sql("select id_ from act_ru_job where handler_type_ = :type and handler_cfg_ = :work")
          .param("type", SystemJobs.TYPE).param("work", Confirmations.JOB + " " + reference).query(String.class)
          .single();
      await().atMost(Duration.ofSeconds(30))
          .until(() -> management.createJobQuery().jobId(job).singleResult().getRetries() < 3);
      var failed = management.createJobQuery().jobId(job).singleResult();
      assertThat(failed.getExceptionMessage()).isEqualTo("the confirmation of " + reference + " was not sent, kept"
          + " PENDING for the retry (the notice keeps the error)").doesNotContain("@");
      // pmo.notice.retries and retry-interval (3, PT5M), as the notice steps of the models
      assertThat(failed.getRetries()).isEqualTo(2);
      assertThat(failed.getDuedate()).as("next retry 5 minutes on")
          .isBetween(java.util.Date.from(java.time.Instant.now().plusSeconds(200)),
              java.util.Date.from(java.time.Instant.now().plusSeconds(301)));
      assertThat(notices.forRelated(Confirmations.TYPE, reference)).singleElement().satisfies(n -> {
        assertThat(n.status()).isEqualTo(NoticeStatus.PENDING);
        assertThat(n.lastError()).contains("MailSendException");
      });

      // whoever raised it (or anybody but an administrator) can neither see the job nor run, reschedule or delete it
      // over the engine's REST API
      var raiser = rest.withBasicAuth(cast.requester(), PASSWORD);
      assertThat(raiser.getForObject("/engine-rest/job/count?jobId=" + job, String.class)).isEqualTo("{\"count\":0}");
      assertThat(raiser.exchange("/engine-rest/job/" + job, HttpMethod.DELETE, null, String.class)
          .getStatusCode().value()).isEqualTo(403);
      assertThat(raiser.exchange("/engine-rest/job/" + job + "/execute", HttpMethod.POST, null, String.class)
          .getStatusCode().value()).isEqualTo(403);
      assertThat(raiser.exchange("/engine-rest/job/" + job + "/retries", HttpMethod.PUT,
          new HttpEntity<>(Map.of("retries", 0)), String.class).getStatusCode().value()).isEqualTo(403);
      assertThat(rest.withBasicAuth(cast.pmo(), PASSWORD).getForObject("/engine-rest/job?processDefinitionKey="
          + SystemJobs.TYPE + "&withException=true&maxResults=100", String.class))
          .as("the PMO reads every instance, and so the failed job (README)").contains(job);
      assertThat(management.createJobQuery().jobId(job).count()).isEqualTo(1);

      // the last retry fails too: an incident for the operator, the notice still kept
      management.setJobRetries(job, 1);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> management.executeJob(job))
          .hasMessageContaining("not sent");
      assertThat(engine.getRuntimeService().createIncidentQuery().incidentType("failedJob").configuration(job)
          .count()).isEqualTo(1);
      assertThat(notices.forRelated(Confirmations.TYPE, reference)).singleElement()
          .satisfies(n -> assertThat(n.status()).isEqualTo(NoticeStatus.PENDING));
    } finally {
      MAIL.start();
    }

    management.setJobRetries(job, 1);
    management.executeJob(job);
    assertThat(notices.forRelated(Confirmations.TYPE, reference)).singleElement()
        .satisfies(n -> assertThat(n.status()).isEqualTo(NoticeStatus.SENT));
    assertThat(engine.getRuntimeService().createIncidentQuery().configuration(job).count()).isZero();
    assertThat(management.createJobQuery().jobId(job).count()).isZero();
    assertThat(systemJobRuns(reference)).isEqualTo(1);
  }

  @Test
  void aConfirmationIsWrittenInTheLanguageOfWhoeverRaisedTheCase() {
    String chinese = reading(user("li-raiser", Roles.REQUESTERS), "zh-CN");
    String english = reading(user("rob-raiser", Roles.REQUESTERS), "en");
    String pmo = user("olga", Roles.REQUESTERS, Roles.PMO);
    String manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    String name = "项目 Languages " + unique();
    Map<?, ?> project = register(pmo, manager, name);
    int projectId = ((Number) project.get("id")).intValue();
    try {
      for (String raiser : List.of(chinese, english)) {
        String title = "数据中心迁移 risk " + unique();
        String reference = businessKey(submitStartForm(raiser, "risk-escalation", Map.of("projectId", projectId,
            "title", title, "description", "d", "category", "TECHNICAL", "cause", "c", "effect", "e",
            "owner", manager)));
        Notice confirmation = notices.forRelated(Confirmations.TYPE, reference).get(0);
        assertThat(confirmation.recipient()).isEqualTo(raiser);
        if (raiser.equals(chinese)) {
          assertThat(confirmation.subject()).isEqualTo("您的风险 " + reference + " 已登记：" + title);
          assertThat(confirmation.body()).isEqualTo("您的风险 " + reference + "“" + title + "”已登记。\n"
              + "项目：" + project.get("code") + " " + name + "\n下一步：由项目经理 " + manager + " 进行评估。\n"
              + "咨询时请注明编号 " + reference + "；与之相关的任务均以 " + reference + " 开头，“我的案例”（/my-cases/）"
              + "可查看当前所处环节。\n");
        } else {
          assertThat(confirmation.subject()).isEqualTo("Your risk " + reference + " was recorded: " + title);
          assertThat(confirmation.body()).isEqualTo("Your risk " + reference + " \"" + title + "\" was recorded.\n"
              + "Project: " + project.get("code") + " " + name + "\nIt waits for the assessment by " + manager
              + " (project manager).\nQuote " + reference + " when you ask about it; your tasks for it begin with "
              + reference + ", and \"My cases\" (/my-cases/) shows where it waits.\n");
        }
      }
    } finally {
      user(chinese);
    }
  }

  /** Who raises the cases, the PMO who registers their project, its manager, and the sponsor sam. */
  private record Cast(String requester, String pmo, String manager) {
  }

  private Cast cast() {
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    return new Cast(user("rita", Roles.REQUESTERS), user("olga", Roles.REQUESTERS, Roles.PMO),
        user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS));
  }

  /** A project registered by the PMO over REST, sponsored by sam and managed by {@code manager}: its JSON. */
  private Map<?, ?> register(String pmo, String manager, String name) {
    LocalDate start = LocalDate.now().minusDays(10);
    ResponseEntity<Map<String, Object>> registered = rest.withBasicAuth(pmo, PASSWORD).exchange("/api/projects",
        HttpMethod.POST, new HttpEntity<>(Map.of("name", name, "sponsor", "sam", "manager", manager,
            "category", "IT", "budgetAtCompletion", 100000, "plannedStart", start.toString(),
            "plannedFinish", start.plusDays(200).toString(), "scopeSummary", name)), JSON);
    assertThat(registered.getStatusCode().value()).as(String.valueOf(registered.getBody())).isEqualTo(201);
    return (Map<?, ?>) registered.getBody().get("project");
  }

  private long systemJobRuns(String reference) {
    return jdbc.sql("""
            select count(*) from act_hi_job_log
             where job_def_type_ = :type and job_def_configuration_ = :work and job_state_ = 2""")
        .param("type", SystemJobs.TYPE).param("work", Confirmations.JOB + " " + reference).query(Long.class).single();
  }

  private String businessKey(String processInstanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult().getBusinessKey();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String submitStartForm(String user, String key, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((variable, value) -> variables.put(variable, Map.of("value", value)));
    ResponseEntity<Map<String, Object>> started = rest.withBasicAuth(user, PASSWORD).exchange(
        "/engine-rest/process-definition/key/" + key + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables)), JSON);
    assertThat(started.getStatusCode().value()).as(key + " " + started.getBody()).isEqualTo(200);
    return (String) started.getBody().get("id");
  }
}
