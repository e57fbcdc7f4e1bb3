package pmo.portfolio.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.IntegrationTest;
import pmo.change.ChangeRequestProcess;
import pmo.intake.IntakeProcess;
import pmo.intake.Proposals;
import pmo.issue.IssueProcess;
import pmo.platform.FieldError;
import pmo.platform.InvalidInputException;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectService;
import pmo.project.ProjectStatus;
import pmo.project.Rag;
import pmo.risk.RiskProcess;

/**
 * Every path of processes/portfolio-review.bpmn (and its schedule) on the real engine and database: the timer start
 * fires on the engine clock; the proposal form lists the running projects that need a decision (on hold, red or amber,
 * escalated, left out of the committed scenario) and every screened proposal, the PMO adds rows for other running
 * projects and every other one continues untouched; a stop without a reason, a project listed twice, one listed above
 * or one not running are refused naming the row; the steering committee sends the proposal back and approves the next
 * round; whoever proposed cannot approve (four-eyes); every decision kind is applied (stop cancels the project and closes
 * its open risk, issue and change request; pause puts it on hold; continue resumes one on hold; re-prioritise records
 * the new scores; approve registers the proposal through intake; defer leaves it waiting; reject rejects it); notices
 * are queued and sent; the review is kept as applied.
 */
class PortfolioReviewProcessTest extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  ProjectService projects;

  String office;
  String steering;
  String both;
  String requester;
  String manager;

  @BeforeEach
  void users() {
    office = user("olga", Roles.REQUESTERS, Roles.PMO);
    steering = user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    both = user("pia", Roles.REQUESTERS, Roles.PMO, Roles.STEERING_COMMITTEE);
    requester = user("rita", Roles.REQUESTERS);
    manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    // one review at a time: a review left open by an earlier run ends here (its end listener marks it cancelled)
    runtime.createProcessInstanceQuery().processDefinitionKey(PortfolioReviewProcess.KEY).unlimitedList()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test: a fresh review"));
  }

  /**
   * A review takes up the latest committed what-if scenario, which another test class may have left: a review opened
   * and ended here takes it, so the test's own review has none and lists exactly the projects that need a decision.
   */
  private void takeUpAnyCommittedScenario() {
    ProcessInstance first = start(office, PortfolioReviewProcess.KEY, Map.of("occasion", "Takes up a scenario"));
    runtime.deleteProcessInstance(first.getId(), "test: a fresh review");
  }

  @Test
  void proposedSentBackProposedAgainApprovedAndEveryDecisionApplied() {
    long stop = register("Review stop " + unique());
    ProcessInstance risk = startForUser(requester, RiskProcess.KEY, Map.of("projectId", stop,
        "title", "Vendor insolvency " + unique(), "category", "TECHNICAL", "owner", manager, "probability", 2,
        "impact", 3));
    ProcessInstance issue = start(requester, IssueProcess.KEY, Map.of("projectId", stop,
        "title", "Test rig broken " + unique(), "severity", "high", "owner", manager));
    ProcessInstance change = start(requester, ChangeRequestProcess.KEY, Map.of("projectId", stop,
        "title", "More reports " + unique(), "description", "Regional reports", "reason", "Regions ask for them",
        "changeType", "normal", "costDelta", 5000, "scheduleDeltaDays", 5, "scopeChange", "Regional reports",
        "qualityImpact", "none"));
    // the paused project's manager reads Chinese: the review's notices are written in each recipient's language
    String chinese = reading(user("zhou-pm", Roles.REQUESTERS, Roles.PROJECT_MANAGERS), "zh-CN");
    reading(steering, "en");
    long pause = register("Review pause " + unique(), chinese);
    long resume = register("Review resume " + unique());
    projects.putOnHold(resume);
    long reprioritise = register("Review reprioritise " + unique());
    long red = register("Review red " + unique());
    projects.recordRag(red, Rag.RED, LocalDate.now(), "test", null);
    long untouched = register("Review untouched " + unique());
    long closed = register("Review closed " + unique());
    projects.cancel(closed, "test: not running");
    takeUpAnyCommittedScenario();
    ProcessInstance approveIntake = screened("Review approve " + unique());
    ProcessInstance deferIntake = screened("Review defer " + unique());
    ProcessInstance rejectIntake = screened("Review reject " + unique());
    String approve = "PROPOSAL-" + proposalOf(approveIntake);
    String defer = "PROPOSAL-" + proposalOf(deferIntake);
    String reject = "PROPOSAL-" + proposalOf(rejectIntake);

    ProcessInstance review = start(office, PortfolioReviewProcess.KEY, Map.of("occasion", "Test review"));
    assertThat(review).isWaitingAt(PortfolioReviewProcess.TASK_PROPOSE);
    Task propose = task(review);
    // the review's reference (PFR-n, n its id) is the instance's business key and the first word of its tasks' names
    String reference = runtime.createProcessInstanceQuery().processInstanceId(review.getId()).singleResult()
        .getBusinessKey();
    assertThat(reference).isEqualTo("PFR-" + jdbc.sql("select id from portfolio_review where process_instance_id = :pi")
        .param("pi", review.getId()).query(Long.class).single());
    assertThat(propose.getName()).isEqualTo(reference + " Propose portfolio decisions");
    // the pack as text (cut at the form's limit, the whole pack stays on the review)
    assertThat(tasks.getVariable(propose.getId(), "reviewPack").toString()).contains("Portfolio review", "Ranking:");
    List<Map<String, Object>> projectRows = rows(propose, "projectDecisions");
    List<Map<String, Object>> proposalRows = rows(propose, "proposalDecisions");
    // listed: the projects that need a decision, with why, and the status quo suggested (one on hold stays on hold)
    assertThat(projectRows).extracting(r -> r.get("reference")).contains(code(resume), code(red))
        .doesNotContain(code(stop), code(pause), code(reprioritise), code(untouched), code(closed));
    // (a project kept on hold needs no reason: the status quo)
    assertThat(row(projectRows, code(resume))).containsEntry("decision", "pause").containsEntry("reason", "");
    assertThat(row(projectRows, code(resume))).containsEntry("suggestion", "Listed: on hold");
    assertThat(row(projectRows, code(red))).containsEntry("decision", "continue")
        .containsEntry("suggestion", "Listed: RAG RED");
    assertThat(row(projectRows, code(red)).get("status").toString()).endsWith("RAG RED");
    assertThat(rows(propose, "otherProjectDecisions")).isEmpty();
    // the pack keeps every running project; the facts (open risks, change requests ...) of those listed
    Map<String, Map<String, Object>> packed = packedProjects(review);
    assertThat(packed.get(code(red))).containsEntry("rag", "RED");
    assertThat(facts(packed.get(code(red)))).containsEntry("openRisks", 0).containsEntry("openChangeRequests", 0);
    assertThat(packed.get(code(stop))).containsEntry("status", "ACTIVE");
    assertThat(facts(packed.get(code(stop)))).isEmpty();
    assertThat(proposalRows).extracting(r -> r.get("reference")).contains(approve, defer, reject);
    proposalRows.forEach(r -> r.put("decision", "defer"));
    // the PMO adds rows for other running projects: a stop without a reason, a project listed above, one not running,
    // one added twice, one named by its code in the picker's field, one without a project, an unknown code, a code
    // that is not the picked project and an active project paused without a reason are refused naming the row;
    // nothing recorded, the task stays
    List<Map<String, Object>> added = new ArrayList<>(List.of(
        new java.util.HashMap<>(Map.of("project", stop, "decision", "stop", "reason", "")),
        new java.util.HashMap<>(Map.of("project", resume, "decision", "continue")),
        new java.util.HashMap<>(Map.of("project", closed, "decision", "continue")),
        new java.util.HashMap<>(Map.of("project", stop, "decision", "continue")),
        new java.util.HashMap<>(Map.of("project", code(untouched), "decision", "continue")),
        new java.util.HashMap<>(Map.of("decision", "pause", "reason", "No project named")),
        new java.util.HashMap<>(Map.of("projectCode", "PRJ-99999999", "decision", "continue")),
        new java.util.HashMap<>(Map.of("project", untouched, "projectCode", code(pause), "decision", "continue")),
        new java.util.HashMap<>(Map.of("project", reprioritise, "decision", "pause"))));
    Throwable refused = completeFails(office, review, proposal(projectRows, added, proposalRows));
    assertThat(refused).isInstanceOf(InvalidInputException.class);
    assertThat(((InvalidInputException) refused).errors()).extracting(FieldError::field, FieldError::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("otherProjectDecisions[0].reason", "is required to stop a project"),
            org.assertj.core.groups.Tuple.tuple("otherProjectDecisions[1].project",
                "is listed under the running projects above: decide on it there"),
            org.assertj.core.groups.Tuple.tuple("otherProjectDecisions[2].project", "project " + closed
                + " was not running when the review opened: it is not to be decided in this review"),
            org.assertj.core.groups.Tuple.tuple("otherProjectDecisions[3].project", code(stop) + " is decided twice"),
            org.assertj.core.groups.Tuple.tuple("otherProjectDecisions[4].project",
                "must be a project id, as the project picker gives it"),
            org.assertj.core.groups.Tuple.tuple("otherProjectDecisions[5].project",
                "is required: pick the project, or type its code in the field beside it"),
            org.assertj.core.groups.Tuple.tuple("otherProjectDecisions[6].projectCode",
                "'PRJ-99999999' is no project that was running when the review opened"),
            org.assertj.core.groups.Tuple.tuple("otherProjectDecisions[7].projectCode", "names " + code(pause)
                + ", the picker " + code(untouched) + ": give one project"),
            // pausing an active project needs a reason (keeping one on hold does not, above)
            org.assertj.core.groups.Tuple.tuple("otherProjectDecisions[8].reason", "is required to pause a project"));
    assertThat(review).isWaitingAt(PortfolioReviewProcess.TASK_PROPOSE);
    assertThat(count("select count(*) from portfolio_review_decision d join portfolio_review r on r.id = d.review_id"
        + " where r.process_instance_id = ?", review.getId())).isZero();

    added = new ArrayList<>(List.of(Map.of("project", stop, "decision", "stop", "reason", "Market gone")));
    complete(office, review.getId(), proposal(projectRows, added, proposalRows));
    assertThat(review).isWaitingAt(PortfolioReviewProcess.TASK_APPROVE);
    // the project on hold, left on hold, is no change ("stay on hold", among the unchanged after the changes, which a
    // long list counts instead of listing them); its status is kept with the decision
    assertThat(tasks.getVariable(task(review).getId(), "decisionSummary").toString())
        .startsWith("Round 1, proposed by olga")
        .containsPattern("\\n- " + code(stop) + " [^\\n]*: stop — Market gone\\n")
        .doesNotContainPattern("\\n- " + code(resume) + " [^\\n]*: pause");
    assertThat(jdbc.sql("select decision || ' ' || status_before from portfolio_review_decision"
        + " where subject_type = 'PROJECT' and subject_id = ? and round = 1").param(resume).query(String.class).single())
        .isEqualTo("PAUSE ON_HOLD");

    // sent back with a comment: the PMO proposes again
    complete(steering, review.getId(), Map.of("steeringDecision", "sendBack",
        "steeringComment", "Pause one more and decide on the proposals"));
    assertThat(review).isWaitingAt(PortfolioReviewProcess.TASK_PROPOSE);
    projectRows = rows(task(review), "projectDecisions");
    proposalRows = rows(task(review), "proposalDecisions");
    // the rows the PMO added stay with the form when it comes back
    added = rows(task(review), "otherProjectDecisions");
    assertThat(added).singleElement().satisfies(r -> assertThat(r).containsEntry("decision", "stop"));
    proposalRows.forEach(r -> r.put("decision", "defer"));
    row(projectRows, code(resume)).putAll(Map.of("decision", "continue", "reason", ""));
    added.add(Map.of("project", pause, "decision", "pause", "reason", "No architect until spring"));
    // a project the picker may not offer (it lists the most recent ones) is named by its code, typed in lower case
    added.add(Map.of("projectCode", code(reprioritise).toLowerCase(), "decision", "reprioritise",
        "score_strategicFit", 5, "score_financialReturn", 4, "score_customerImpact", 4, "score_deliveryRisk", 2,
        "score_cost", 2));
    row(proposalRows, approve).putAll(Map.of("decision", "approve", "projectManager", manager,
        "plannedStart", LocalDate.now().plusDays(30).toString()));
    row(proposalRows, reject).putAll(Map.of("decision", "reject", "reason", "Duplicates another project"));
    complete(both, review.getId(), proposal(projectRows, added, proposalRows));
    // continuing the project on hold resumes it: a change, named so
    assertThat(tasks.getVariable(task(review).getId(), "decisionSummary").toString())
        .containsPattern("- " + code(resume) + " [^\\n]*: resume\\n");

    // whoever proposed may not approve
    Task approveTask = task(review);
    actAs(both);
    try {
      assertThat(failureOf(() -> tasks.complete(approveTask.getId(), Map.of("steeringDecision", "approve"))))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(review).isWaitingAt(PortfolioReviewProcess.TASK_APPROVE);

    complete(steering, review.getId(), Map.of("steeringDecision", "approve"));
    await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createProcessInstanceQuery()
        .processInstanceId(review.getId()).count() == 0);
    assertThat(review).hasPassed(PortfolioReviewProcess.END_APPLIED);

    assertThat(projects.find(stop).status()).isEqualTo(ProjectStatus.CANCELLED);
    assertThat(status("risk", risk)).isEqualTo("CANCELLED");
    assertThat(status("issue", issue)).isEqualTo("CANCELLED");
    assertThat(status("change_request", change)).isEqualTo("CANCELLED");
    assertThat(projects.find(pause).status()).isEqualTo(ProjectStatus.ON_HOLD);
    assertThat(projects.find(resume).status()).isEqualTo(ProjectStatus.ACTIVE);
    // a project the form did not list and the PMO did not add continues as it was, with no decision recorded
    assertThat(projects.find(untouched).status()).isEqualTo(ProjectStatus.ACTIVE);
    assertThat(count("select count(*) from portfolio_review_decision where subject_type = 'PROJECT' and subject_id = ?",
        untouched)).isZero();
    assertThat(jdbc.sql("select source || ' ' || weighted_score from portfolio_score where subject_type = 'PROJECT'"
        + " and subject_id = ? and is_current").param(reprioritise).query(String.class).single())
        .isEqualTo("REVIEW 4.3000");
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select project_id from project_proposal"
        + " where process_instance_id = ?").param(approveIntake.getId()).query(Long.class).optional().isPresent());
    assertThat(proposalStatus(approveIntake)).isEqualTo("APPROVED");
    assertThat(proposalStatus(deferIntake)).isEqualTo("SCREENED");
    assertThat(deferIntake).isWaitingAt(IntakeProcess.TASK_SPONSOR_APPROVAL);
    assertThat(proposalStatus(rejectIntake)).isEqualTo("REJECTED");
    assertThat(rejectIntake).isWaitingAt(IntakeProcess.TASK_READ_REJECTION);

    Map<String, Object> stored = jdbc.sql("select id, status, round, proposed_by, approved_by from portfolio_review"
        + " where process_instance_id = ?").param(review.getId()).query().singleRow();
    assertThat(stored).containsEntry("status", "APPLIED").containsEntry("round", 2).containsEntry("proposed_by", both)
        .containsEntry("approved_by", steering);
    long id = ((Number) stored.get("id")).longValue();
    assertThat(jdbc.sql("select steering_decision from portfolio_review_round where review_id = ? order by round")
        .param(id).query(String.class).list()).containsExactly("SEND_BACK", "APPROVE");
    assertThat(count("select count(*) from notice where related_type = 'PORTFOLIO_REVIEW' and related_id = ?"
        + " and status = 'PENDING'", String.valueOf(id))).isZero();
    assertThat(count("select count(*) from notice where related_type = 'PORTFOLIO_REVIEW' and related_id = ?",
        String.valueOf(id))).isPositive();
    LocalDate start = LocalDate.now().plusDays(30);
    List<Map<String, Object>> paused = jdbc.sql("select recipient, subject, body from notice where related_type ="
        + " 'PORTFOLIO_REVIEW' and related_id = ? and subject like ? order by id").param(String.valueOf(id))
        .param("%" + code(pause) + "%").query().listOfRows();
    assertThat(paused).extracting(n -> n.get("recipient")).containsExactly(steering, chinese);
    assertThat(paused.get(1).get("subject")).isEqualTo("组合评审 " + id + "：" + code(pause) + " 暂停");
    assertThat(paused.get(1).get("body").toString()).startsWith(code(pause) + " ")
        .contains("：暂停\n理由：No architect until spring\n批准人：" + steering + "\n\n第 2 轮，提议人 " + both + "：\n",
            "：批准（项目经理 " + manager + "，计划开始 " + start.getYear() + "年" + start.getMonthValue() + "月"
                + start.getDayOfMonth() + "日）")
        .doesNotContain("Approved by", "Round");
    assertThat(paused.get(0).get("subject")).isEqualTo("Portfolio review " + id + ": " + code(pause) + " pause");
    assertThat(paused.get(0).get("body").toString()).contains(": pause\nReason: No architect until spring\n"
        + "Approved by " + steering + "\n\nRound 2, proposed by " + both + ":\n", ": approve (manager " + manager
        + ", start " + start.format(java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH))
        + ")");
    user(chinese);
  }

  @Test
  void theScheduleStartsAReviewWhenItsTimerIsDueOnTheEngineClock() {
    // the earliest timer of the schedule (a reused database may hold one left over by an earlier run)
    Job timer = management.createJobQuery().processDefinitionKey(PortfolioReviewProcess.SCHEDULE_KEY).timers()
        .withRetriesLeft().orderByJobDuedate().asc().list().stream().findFirst().orElse(null);
    assertThat(timer).as("the schedule's timer").isNotNull();
    // quarterly at 06:00 on the first day of January, April, July and October
    assertThat(timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault()))
        .satisfies(due -> {
          assertThat(due.getDayOfMonth()).isEqualTo(1);
          assertThat(due.getMonthValue()).isIn(1, 4, 7, 10);
          assertThat(due.getHour()).isEqualTo(6);
        });
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(PortfolioReviewProcess.KEY).count();
    // not due before its time on the engine clock; due after it, the job executor fires it
    assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).isZero();
    try {
      ClockUtil.setCurrentTime(new java.util.Date(timer.getDuedate().getTime() + 1000));
      assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).isEqualTo(1);
      await().atMost(Duration.ofSeconds(90)).until(() -> runtime.createProcessInstanceQuery()
          .processDefinitionKey(PortfolioReviewProcess.KEY).count() > before);
    } finally {
      ClockUtil.reset();
    }
    ProcessInstance started = runtime.createProcessInstanceQuery().processDefinitionKey(PortfolioReviewProcess.KEY)
        .list().stream().findFirst().orElseThrow();
    assertThat(started).isWaitingAt(PortfolioReviewProcess.TASK_PROPOSE);
    assertThat(jdbc.sql("select started_by || ': ' || occasion from portfolio_review where process_instance_id = ?")
        .param(started.getId()).query(String.class).single())
        .isEqualTo("system: Scheduled review (pmo.portfolio.review.cycle)");
    // the cycle goes on: the schedule has its next timer
    assertThat(management.createJobQuery().processDefinitionKey(PortfolioReviewProcess.SCHEDULE_KEY).timers()
        .duedateHigherThan(timer.getDuedate()).count()).isPositive();
    runtime.deleteProcessInstance(started.getId(), "test done");
  }

  private long register(String name) {
    return register(name, manager);
  }

  private long register(String name, String manager) {
    return projects.register(new NewProject(null, name, "Test project " + name, steering, manager, "IT", "Review",
        new BigDecimal("100000"), LocalDate.now().plusDays(10), LocalDate.now().plusMonths(12), "Scope of " + name))
        .project().id();
  }

  private ProcessInstance screened(String title) {
    ProcessInstance pi = start(requester, IntakeProcess.KEY, Proposals.startVariables(title, steering));
    complete(office, pi.getId(), Map.of("screeningDecision", "complete"));
    assertThat(pi).isWaitingAt(IntakeProcess.TASK_SPONSOR_APPROVAL);
    return pi;
  }

  private String code(long projectId) {
    return projects.find(projectId).code();
  }

  private long proposalOf(ProcessInstance pi) {
    return jdbc.sql("select id from project_proposal where process_instance_id = ?").param(pi.getId())
        .query(Long.class).single();
  }

  private String proposalStatus(ProcessInstance pi) {
    return jdbc.sql("select status from project_proposal where process_instance_id = ?").param(pi.getId())
        .query(String.class).single();
  }

  private String status(String table, ProcessInstance pi) {
    return jdbc.sql("select status from " + table + " where process_instance_id = ?").param(pi.getId())
        .query(String.class).single();
  }

  private long count(String sql, Object param) {
    return jdbc.sql(sql).param(param).query(Long.class).single();
  }

  private Task task(ProcessInstance pi) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private List<Map<String, Object>> rows(Task task, String name) {
    try {
      return new ArrayList<>(JSON.readValue(tasks.getVariable(task.getId(), name).toString(),
          new TypeReference<List<Map<String, Object>>>() { }));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The running projects of the review's pack as stored with it, by code. */
  private Map<String, Map<String, Object>> packedProjects(ProcessInstance review) {
    try {
      Map<String, Object> pack = JSON.readValue(jdbc.sql("select pack from portfolio_review where process_instance_id"
          + " = ?").param(review.getId()).query(String.class).single(), new TypeReference<Map<String, Object>>() { });
      Map<String, Map<String, Object>> byCode = new java.util.HashMap<>();
      for (Object p : (List<?>) pack.get("projects")) {
        Map<String, Object> project = castMap(p);
        byCode.put(project.get("reference").toString(), project);
      }
      return byCode;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> facts(Map<String, Object> project) {
    return castMap(project.get("facts"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object o) {
    return (Map<String, Object>) o;
  }

  private static Map<String, Object> row(List<Map<String, Object>> rows, String reference) {
    return rows.stream().filter(r -> reference.equals(r.get("reference"))).findFirst().orElseThrow();
  }

  /** The proposal form as Tasklist submits it: each dynamic list a JSON list of rows. */
  private static VariableMap proposal(List<Map<String, Object>> projects, List<Map<String, Object>> added,
      List<Map<String, Object>> proposals) {
    try {
      return Variables.createVariables()
          .putValueTyped("projectDecisions", SpinValues.jsonValue(JSON.writeValueAsString(projects)).create())
          .putValueTyped("otherProjectDecisions", SpinValues.jsonValue(JSON.writeValueAsString(added)).create())
          .putValueTyped("proposalDecisions", SpinValues.jsonValue(JSON.writeValueAsString(proposals)).create())
          .putValue("proposalNote", "Quarterly test review");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Throwable completeFails(String userId, ProcessInstance pi, Map<String, Object> variables) {
    actAs(userId);
    try {
      Task task = task(pi);
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), userId);
      }
      return failureOf(() -> tasks.complete(task.getId(), variables));
    } finally {
      identityService.clearAuthentication();
    }
  }
}
