package pmo.improvement.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.audit.AuditEvent;
import pmo.audit.AuditService;
import pmo.improvement.analytics.AnalyticsService;
import pmo.improvement.proposal.ImprovementProposalProcess;
import pmo.improvement.proposal.Proposal;
import pmo.improvement.proposal.ProposalRegister;
import pmo.improvement.proposal.ProposalStatus;
import pmo.platform.InvalidInputException;
import pmo.platform.Roles;

/**
 * Every path of processes/standards-review.bpmn on the real engine and database: the PMO starts a review by hand, each
 * deployed governance process becomes one task for the process owners showing its analytics and open proposals; a
 * change found needed becomes an improvement proposal in the owner's name (which the PMO evaluates), no change needed
 * becomes none; the review closes when every process is reviewed. A change without its texts is refused naming the
 * fields with nothing written; nobody but the PMO starts a review by hand; the cycle
 * (processes/standards-review-cycle.bpmn) starts one by itself.
 */
class StandardsReviewProcessTest extends pmo.IntegrationTest {

  @Autowired
  StandardsReviewService service;
  @Autowired
  ReviewRepository reviews;
  @Autowired
  AnalyticsService analytics;
  @Autowired
  ProposalRegister proposals;
  @Autowired
  AuditService audit;

  String pmo;
  String owen;
  String ophelia;
  String rita;

  @BeforeEach
  void users() {
    pmo = user("olga-sr", Roles.REQUESTERS, Roles.PMO);
    owen = user("owen-sr", Roles.PROCESS_OWNERS);
    ophelia = user("ophelia-sr", Roles.PROCESS_OWNERS);
    rita = user("rita-sr", Roles.REQUESTERS);
  }

  private Review reviewOf(ProcessInstance pi) {
    return reviews.find(service.idOfProcess(pi.getId())).orElseThrow();
  }

  private List<Task> tasks(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list();
  }

  private Task taskFor(ProcessInstance pi, String processKey) {
    return tasks(pi).stream()
        .filter(t -> processKey.equals(engine.getTaskService().getVariable(t.getId(), "reviewedProcess")))
        .findFirst().orElseThrow();
  }

  private void review(String owner, Task task, Map<String, Object> answer) {
    actAs(owner);
    try {
      if (task.getAssignee() == null) {
        engine.getTaskService().claim(task.getId(), owner);
      }
      engine.getTaskService().complete(task.getId(), answer);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static Map<String, Object> change(String problem) {
    Map<String, Object> answer = new HashMap<>();
    answer.put("changeNeeded", "yes");
    answer.put("problemSeen", problem);
    answer.put("proposedChange", "Let the PMO approve small changes in a weekly slot");
    answer.put("expectedBenefit", "Two days less waiting");
    return answer;
  }

  @Test
  void everyProcessIsReviewedByItsOwnersAndANeededChangeBecomesAProposal() {
    String reason = "Yearly look at the standard " + unique();
    ProcessInstance pi = start(pmo, StandardsReviewProcess.KEY, Map.of("reviewReason", reason));

    Review review = reviewOf(pi);
    assertThat(review.reason()).isEqualTo(reason);
    assertThat(review.startedBy()).isEqualTo(pmo);
    assertThat(review.status()).isEqualTo("OPEN");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getBusinessKey()).isEqualTo("STR-" + review.id());
    List<String> deployed = analytics.processes().stream().map(AnalyticsService.ProcessInfo::key).toList();
    assertThat(review.items()).extracting(ReviewItem::processKey).containsExactlyInAnyOrderElementsOf(deployed)
        .contains("change-request", "standards-review");
    assertThat(review.items()).allSatisfy(item -> assertThat(item.analyticsSummary()).isNotBlank());

    // one task per process, for the process owners, showing its item
    List<Task> open = tasks(pi);
    assertThat(open).hasSize(review.items().size());
    Task changeRequest = taskFor(pi, "change-request");
    ReviewItem item = review.items().stream().filter(i -> i.processKey().equals("change-request")).findFirst()
        .orElseThrow();
    assertThat(engine.getTaskService().getVariablesLocal(changeRequest.getId()))
        .containsEntry("processName", item.processName())
        .containsEntry("analyticsSummary", item.analyticsSummary())
        .containsEntry("openProposals", item.openProposals());
    assertThat(engine.getTaskService().getIdentityLinksForTask(changeRequest.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(Roles.PROCESS_OWNERS));

    String problem = "Change requests wait days for the PMO " + unique();
    review(owen, changeRequest, change(problem));
    for (Task task : tasks(pi)) {
      review(ophelia, task, Map.of("changeNeeded", "no"));
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(pi.getId()).count() == 0);
    Review closed = reviewOf(pi);
    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(closed.closedAt()).isNotNull();
    assertThat(closed.items()).allSatisfy(i -> assertThat(i.reviewedAt()).isNotNull());
    ReviewItem reviewed = closed.items().stream().filter(i -> i.processKey().equals("change-request")).findFirst()
        .orElseThrow();
    assertThat(reviewed.changeNeeded()).isTrue();
    assertThat(reviewed.reviewedBy()).isEqualTo(owen);
    assertThat(closed.items()).filteredOn(i -> i.proposalId() != null).extracting(ReviewItem::processKey)
        .containsExactly("change-request");
    assertThat(closed.items()).filteredOn(i -> !i.processKey().equals("change-request"))
        .allSatisfy(i -> assertThat(i.changeNeeded()).isFalse());

    // the change is an improvement proposal in the owner's name, linked to the review, waiting for the PMO
    Proposal proposal = proposals.find(reviewed.proposalId());
    assertThat(proposal.proposer()).isEqualTo(owen);
    assertThat(proposal.reviewId()).isEqualTo(closed.id());
    assertThat(proposal.problem()).isEqualTo(problem);
    assertThat(proposal.concerns()).isEqualTo("change-request");
    assertThat(proposal.status()).isEqualTo(ProposalStatus.SUBMITTED);
    assertThat(engine.getRuntimeService().getActiveActivityIds(proposal.processInstanceId()))
        .containsExactly(ImprovementProposalProcess.TASK_EVALUATE);

    assertThat(audit.forEntity(StandardAudit.ENTITY, closed.id())).extracting(AuditEvent::action)
        .startsWith(StandardAudit.STANDARDS_REVIEW_OPENED.name())
        .endsWith(StandardAudit.STANDARDS_REVIEW_CLOSED.name())
        .filteredOn(StandardAudit.STANDARDS_REVIEW_ITEM_REVIEWED.name()::equals).hasSize(closed.items().size());
  }

  @Test
  void aChangeWithoutItsTextsIsRefusedNamingTheFieldsAndNothingIsWritten() {
    ProcessInstance pi = start(pmo, StandardsReviewProcess.KEY, Map.of("reviewReason", "Check " + unique()));
    long id = service.idOfProcess(pi.getId());
    Task task = taskFor(pi, "change-request");
    long proposalsBefore = jdbc.sql("select count(*) from improvement_proposal").query(Long.class).single();

    Map<String, Object> noTexts = new HashMap<>(change(" "));
    noTexts.remove("expectedBenefit");
    Throwable refused = failureOf(() -> review(owen, task, noTexts));
    assertThat(refused).isInstanceOf(InvalidInputException.class);
    assertThat(((InvalidInputException) refused).errors()).extracting(e -> e.field())
        .contains("problemSeen", "expectedBenefit");

    assertThat(reviews.item(id, "change-request").orElseThrow().reviewedAt()).isNull();
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from improvement_proposal").query(Long.class).single())
        .isEqualTo(proposalsBefore);
    system.endProcess(pi.getId(), "test over");
  }

  @Test
  void onlyThePmoStartsAReviewByHandAndItNeedsAReason() {
    long before = jdbc.sql("select count(*) from standards_review").query(Long.class).single();
    assertThat(failureOf(() -> start(rita, StandardsReviewProcess.KEY, Map.of("reviewReason", "Because"))))
        .isInstanceOf(AuthorizationException.class);
    assertThat(failureOf(() -> start(owen, StandardsReviewProcess.KEY, Map.of("reviewReason", "Because"))))
        .isInstanceOf(AuthorizationException.class);
    assertThat(failureOf(() -> start(pmo, StandardsReviewProcess.KEY, Map.of("reviewReason", ""))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("reviewReason");
    assertThat(jdbc.sql("select count(*) from standards_review").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void theCycleStartsAReviewByItself() {
    var management = engine.getManagementService();
    Job timer = management.createJobQuery().processDefinitionKey(StandardsReviewProcess.CYCLE_KEY).timers()
        .singleResult();
    assertThat(timer).as("the timer start event of " + StandardsReviewProcess.CYCLE_KEY).isNotNull();
    List<String> before = running();

    management.executeJob(timer.getId());

    List<String> started = new ArrayList<>(running());
    started.removeAll(before);
    assertThat(started).hasSize(1);
    Review review = reviews.find(service.idOfProcess(started.get(0))).orElseThrow();
    assertThat(review.reason()).startsWith("Review on the cycle pmo.improvement.standards-review.cycle = ");
    assertThat(review.items()).isNotEmpty();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(started.get(0)).count())
        .isEqualTo(review.items().size());
    // the timer waits for the next cycle
    assertThat(management.createJobQuery().processDefinitionKey(StandardsReviewProcess.CYCLE_KEY).timers().count())
        .isEqualTo(1);
    system.endProcess(started.get(0), "test over");
  }

  private List<String> running() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(StandardsReviewProcess.KEY)
        .unlimitedList().stream().map(ProcessInstance::getId).toList();
  }
}
