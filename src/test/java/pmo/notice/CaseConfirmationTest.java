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

/**
 * Every case's raiser is confirmed its reference (README, "My cases and references"), one way for all: a risk, an
 * issue, an improvement proposal and a project proposal started from their Tasklist start forms each queue a
 * confirmation in the outbox with the case, the internal process case-confirmation (business key: the reference)
 * sends it, and the mail arrives.
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
    String requester = user("rita", Roles.REQUESTERS);
    String pmo = user("olga", Roles.REQUESTERS, Roles.PMO);
    String manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
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
      // sent by its own process, named by the case's reference, which has ended
      await().atMost(Duration.ofSeconds(30)).until(() -> engine.getHistoryService()
          .createHistoricProcessInstanceQuery().processDefinitionKey(Confirmations.PROCESS)
          .processInstanceBusinessKey(reference).finished().count() == 1);
      await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(MAIL.getReceivedMessages())
          .anyMatch(message -> subject(message).equals(confirmation.subject())));
    }
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
