package pmo.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.escalation.Escalation;
import pmo.escalation.EscalationKind;
import pmo.escalation.EscalationService;
import pmo.escalation.EscalationStep;
import pmo.escalation.EscalationTrigger;
import pmo.notice.Notice;
import pmo.notice.NoticeStatus;
import pmo.platform.Roles;
import pmo.platform.Viewer;

/**
 * The deadlines of the approval tasks: after pmo.change.reminder-after (P3D) the approvers still awaited get a
 * reminder, after pmo.change.escalate-after (P5D) the PMO gets an escalation; the task stays open (non-interrupting
 * timers). Both are records of the one escalation table (kind, trigger, level), with their audit events and notices.
 * The engine clock is moved and the job executor fires the timers.
 */
class ChangeDeadlineTest extends ChangeTestSupport {

  @Autowired
  ChangeDeadlines deadlines;
  @Autowired
  EscalationService escalations;
  @Autowired
  ChangeEscalations changeEscalations;
  @Autowired
  TransactionTemplate transaction;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void overduePmoApprovalIsRemindedThenEscalatedToThePmo() {
    assertThat(deadlines.reminderAfter()).isEqualTo("P3D");
    assertThat(deadlines.escalateAfter()).isEqualTo("P5D");
    // one of the PMO reads Chinese: the reminders and escalations are written in each recipient's language
    String chinese = reading(user("qian-pmo", Roles.REQUESTERS, Roles.PMO), "zh-CN");
    reading(pmo, "en");
    try {
      remindedThenEscalated(chinese);
    } finally {
      user(chinese);
    }
  }

  private void remindedThenEscalated(String chinese) {
    ProcessInstance pi = raiseAndAssess(project(), "normal", 1000, 0, "none");
    ChangeRequest request = requestOf(pi);
    Instant created = task(pi, ChangeRequestProcess.TASK_PMO_APPROVAL).getCreateTime().toInstant();
    assertThat(timer(pi, "Event_PmoApprovalReminder").getDuedate().toInstant())
        .isCloseTo(created.plus(Duration.ofDays(3)), within(1, ChronoUnit.SECONDS));
    assertThat(timer(pi, "Event_PmoApprovalOverdue").getDuedate().toInstant())
        .isCloseTo(created.plus(Duration.ofDays(5)), within(1, ChronoUnit.SECONDS));

    ClockUtil.setCurrentTime(Date.from(created.plus(Duration.ofDays(3)).plusSeconds(60)));
    List<Escalation> reminded = awaitEscalations(request, 1);
    Escalation reminder = reminded.get(0);
    assertThat(reminder.entityType()).isEqualTo(ChangeRequestService.ENTITY);
    assertThat(reminder.entityId()).isEqualTo(request.id());
    assertThat(reminder.projectId()).isEqualTo(request.projectId());
    assertThat(reminder.kind()).isEqualTo(EscalationKind.REMINDER);
    assertThat(reminder.trigger()).isEqualTo(EscalationTrigger.APPROVAL_REMINDER);
    assertThat(reminder.level()).isZero();
    assertThat(reminder.missedDeadline().toInstant()).isEqualTo(created.plus(Duration.ofDays(3)));
    assertThat(reminder.waitingFor()).contains(pmo).doesNotContain(requester);
    assertThat(reminder.escalatedTo()).isNull();
    assertThat(reminder.escalatedToType()).isNull();
    assertThat(reminder.rule()).isEqualTo("pmo.change.reminder-after = P3D");
    assertThat(reminder.respondBy()).isNull();
    assertThat(reminder.escalatedBy()).isEqualTo("system");
    assertThat(reminder.reason()).contains("PMO approval of " + request.reference(),
        "open since " + created.atOffset(java.time.ZoneOffset.UTC), "longer than P3D");
    assertThat(audit.forEntity(EscalationService.ENTITY, reminder.id())).extracting(e -> e.action() + " by " + e.actor())
        .containsExactly("ESCALATION_RECORDED by system");
    List<Notice> reminders = sent(request, "Reminder: ");
    assertThat(reminders).extracting(Notice::recipient).contains(pmo).doesNotContain(requester);
    assertThat(reminders).filteredOn(n -> !n.recipient().equals(chinese)).allSatisfy(n -> assertThat(n.subject())
        .isEqualTo("Reminder: " + request.reference() + " waits for the PMO approval: " + request.title()));
    java.time.LocalDate since = created.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    assertThat(reminders).filteredOn(n -> n.recipient().equals(pmo)).singleElement().satisfies(n -> assertThat(
        n.body()).startsWith("The PMO approval of " + request.reference() + " has been open since " + since.format(
            java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH)))
        .contains(", longer than P3D; waiting for ")
        .endsWith("\n\nPlease decide in Tasklist.\nChange request: " + request.reference() + " " + request.title()
            + "\n"));
    assertThat(sent(request, "提醒：")).filteredOn(n -> n.recipient().equals(chinese)).singleElement().satisfies(n -> {
      assertThat(n.subject()).isEqualTo("提醒：" + request.reference() + " 等待PMO 审批：" + request.title());
      assertThat(n.body()).startsWith(request.reference() + " 的PMO 审批自 " + since.getYear() + "年"
          + since.getMonthValue() + "月" + since.getDayOfMonth() + "日 ").contains(" 起一直未完成，已超过 P3D；等待：")
          .endsWith("\n\n请在 Tasklist 中作出决定。\n变更申请：" + request.reference() + " " + request.title() + "\n");
    });
    assertThat(pi).isWaitingAt(ChangeRequestProcess.TASK_PMO_APPROVAL);

    ClockUtil.setCurrentTime(Date.from(created.plus(Duration.ofDays(5)).plusSeconds(60)));
    Escalation escalation = awaitEscalations(request, 2).get(1);
    assertThat(escalation.kind()).isEqualTo(EscalationKind.ESCALATION);
    assertThat(escalation.trigger()).isEqualTo(EscalationTrigger.APPROVAL_OVERDUE);
    assertThat(escalation.level()).isEqualTo(1);
    assertThat(escalation.escalatedTo()).isEqualTo("pmo");
    assertThat(escalation.escalatedToType()).isEqualTo("GROUP");
    assertThat(escalation.rule()).isEqualTo("pmo.change.escalate-after = P5D");
    assertThat(escalation.missedDeadline().toInstant()).isEqualTo(created.plus(Duration.ofDays(5)));
    assertThat(escalation.reason()).contains("longer than P5D", "waiting for");
    List<Notice> escalations = sent(request, "Escalation: ");
    assertThat(escalations).extracting(Notice::recipient).contains(pmo).doesNotContain(requester);
    assertThat(sent(request, "升级：")).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo(chinese);
      assertThat(n.subject()).isEqualTo("升级：" + request.reference() + " 等待PMO 审批：" + request.title());
    });
    assertThat(actions(request)).containsSubsequence("CHANGE_REQUEST_ROUTED by paula",
        "CHANGE_REQUEST_REMINDED by system", "CHANGE_REQUEST_ESCALATED by system");

    // the timers did not interrupt the approval: it can still be decided
    assertThat(pi).isWaitingAt(ChangeRequestProcess.TASK_PMO_APPROVAL);
    complete(pmo, pi, ChangeRequestProcess.TASK_PMO_APPROVAL, Map.of("pmoDecision", "approve"));
    awaitAt(pi, ChangeRequestProcess.TASK_IMPLEMENT);
    assertThat(requestOf(pi).status()).isEqualTo(ChangeStatus.APPROVED);
  }

  @Test
  void boardReminderGoesOnlyToTheMembersWhoHaveNotVotedYet() {
    ProcessInstance pi = raiseAndAssess(project(), "normal", 7000, 0, "none");
    ChangeRequest request = requestOf(pi);
    Instant created = task(pi, ChangeRequestProcess.TASK_BOARD_VOTE).getCreateTime().toInstant();
    complete(carl, tasks.createTaskQuery().processInstanceId(pi.getId()).taskAssignee(carl).singleResult(),
        Map.of("vote", "approve"));

    ClockUtil.setCurrentTime(Date.from(created.plus(Duration.ofDays(3)).plusSeconds(60)));
    Escalation reminder = awaitEscalations(request, 1).get(0);
    assertThat(reminder.reason()).contains("The change board vote of " + request.reference());
    assertThat(reminder.waitingFor()).contains(cora).doesNotContain(carl, requester);
    assertThat(sent(request, "Reminder: ")).extracting(Notice::recipient).contains(cora).doesNotContain(carl);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskAssignee(cora).count()).isEqualTo(1);
  }

  /**
   * A step the model got wrong fails (a retried job, then an incident) and writes nothing: a target that is neither a
   * group nor a user, a reminder with a target or a level, an escalation without a level.
   */
  @Test
  void aStepTheModelGotWrongFailsAndWritesNothing() {
    ProcessInstance pi = raiseAndAssess(project(), "normal", 1000, 0, "none");
    ChangeRequest request = requestOf(pi);
    String nobody = "nobody-" + unique();
    Map<EscalationStep, String> wrong = Map.of(
        new EscalationStep(EscalationTrigger.APPROVAL_OVERDUE, nobody, 1, null), "names '" + nobody
            + "', which is neither a group nor a user",
        new EscalationStep(EscalationTrigger.APPROVAL_REMINDER, "pmo", 0, null), "has level 0 and goes to whoever",
        new EscalationStep(EscalationTrigger.APPROVAL_OVERDUE, "pmo", 0, null), "needs a target and a level of 1",
        new EscalationStep(EscalationTrigger.SLA_BREACHED, "pmo", 1, null), "which change requests do not know");
    wrong.forEach((step, message) -> assertThat(failureOf(() -> transaction.executeWithoutResult(
        status -> escalations.escalate(changeEscalations, pi.getId(), step, null))))
        .as(step.toString()).isInstanceOf(IllegalStateException.class).hasMessageContaining(message));
    assertThat(changes.details(request.id(), Viewer.SYSTEM).escalations()).isEmpty();
    assertThat(notices.forRelated(ChangeRequestService.ENTITY, request.id())).isEmpty();
    assertThat(actions(request)).noneMatch(action -> action.contains("REMINDED") || action.contains("ESCALATED"));
  }

  private Job timer(ProcessInstance pi, String activityId) {
    return management.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId).singleResult();
  }

  private List<Escalation> awaitEscalations(ChangeRequest request, int count) {
    await().atMost(Duration.ofSeconds(30))
        .until(() -> changes.details(request.id(), Viewer.SYSTEM).escalations().size() >= count);
    return changes.details(request.id(), Viewer.SYSTEM).escalations();
  }

  /** The notices of this request whose subject starts so, once they are all sent. */
  private List<Notice> sent(ChangeRequest request, String subjectStart) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      List<Notice> found = notices.forRelated(ChangeRequestService.ENTITY, request.id()).stream()
          .filter(n -> n.subject().startsWith(subjectStart)).toList();
      return !found.isEmpty() && found.stream().allMatch(n -> n.status() == NoticeStatus.SENT);
    });
    return notices.forRelated(ChangeRequestService.ENTITY, request.id()).stream()
        .filter(n -> n.subject().startsWith(subjectStart)).toList();
  }
}
