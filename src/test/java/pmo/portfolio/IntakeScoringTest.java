package pmo.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.IntegrationTest;
import pmo.intake.IntakeProcess;
import pmo.intake.Proposals;
import pmo.platform.FieldError;
import pmo.platform.InvalidInputException;
import pmo.platform.Roles;

/**
 * The portfolio's part of intake screening on the real engine and database: the screening task offers each criterion's
 * levels with their anchors; the scores given are the proposal's scoring (source SCREENING, the screener, the model
 * version); some scores without the others, or a level outside 1..5, are refused naming the field and write nothing;
 * a screening without scores leaves the proposal unscored; after a revision the task shows the current scores; the
 * project registered from the proposal ranks with the proposal's scores.
 */
class IntakeScoringTest extends IntegrationTest {

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  RankingService ranking;
  @Autowired
  ScoringModels models;

  String requester;
  String screener;
  String sponsor;
  String manager;

  @BeforeEach
  void users() {
    requester = user("rita", Roles.REQUESTERS);
    screener = user("olga", Roles.REQUESTERS, Roles.PMO);
    sponsor = user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
  }

  @Test
  void screeningScoresBecomeTheProposalsScoringAndFollowItIntoTheProject() {
    ProcessInstance pi = start(requester, IntakeProcess.KEY, Proposals.startVariables("Scored " + unique(), sponsor));
    Task screening = task(pi);
    // the levels with their anchors come with the form as it is fetched (no process variable holds them)
    assertThat(formOptions(screener, screening, "score_strategicFit")).startsWith(
        "[{\"label\":\"1 – No link to a strategic objective\",\"value\":\"1\"}").contains("\"value\":\"5\"");
    assertThat(tasks.getVariables(screening.getId()).keySet()).noneMatch(name -> name.startsWith("scoreOptions_"));
    assertThat(tasks.getVariable(screening.getId(), "score_strategicFit")).isNull();

    complete(screener, pi.getId(), screening(Map.of("score_strategicFit", "5", "score_financialReturn", "4",
        "score_customerImpact", "3", "score_deliveryRisk", "2", "score_cost", "2"), "moreInfo", "Add the training"));
    long proposal = proposalOf(pi);
    List<Map<String, Object>> rows = scorings(proposal);
    assertThat(rows).singleElement().satisfies(r -> assertThat(r)
        .containsEntry("source", "SCREENING").containsEntry("scored_by", screener)
        .containsEntry("comment", "Add the training").containsEntry("model_version", models.current().version()));
    // 0.30*5 + 0.25*4 + 0.15*3 + 0.15*(6-2) + 0.15*(6-2) = 4.15
    assertThat(rows.get(0).get("weighted_score").toString()).isEqualTo("4.1500");
    assertThat(item(Subject.Kind.PROPOSAL, proposal).scored()).isTrue();

    // revised and screened again: the form shows the current scores; the same scores are not recorded twice
    Map<String, Object> revised = new HashMap<>(Proposals.startVariables("Scored again " + unique(), sponsor));
    complete(requester, pi.getId(), revised);
    Task again = task(pi);
    assertThat(tasks.getVariable(again.getId(), "score_strategicFit")).isEqualTo("5");
    complete(screener, pi.getId(), screening(Map.of("score_strategicFit", "5", "score_financialReturn", "4",
        "score_customerImpact", "3", "score_deliveryRisk", "2", "score_cost", "2"), "complete", null));
    assertThat(scorings(proposal)).hasSize(1);

    complete(sponsor, pi.getId(), Map.of("sponsorDecision", "approve", "projectManager", manager,
        "plannedStart", LocalDate.now().plusDays(20).toString(), "sponsorComment", "Go"));
    await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
        .processInstanceId(pi.getId()).count() == 0);
    long project = jdbc.sql("select project_id from project_proposal where id = ?").param(proposal)
        .query(Long.class).single();
    Ranking.Item ranked = item(Subject.Kind.PROJECT, project);
    assertThat(ranked.scored()).isTrue();
    assertThat(ranked.score()).isEqualByComparingTo("4.15");
  }

  @Test
  void partialOrOutOfRangeScoresAreRefusedAndNothingIsWritten() {
    ProcessInstance pi = start(requester, IntakeProcess.KEY, Proposals.startVariables("Half " + unique(), sponsor));
    Task screening = task(pi);
    actAs(screener);
    try {
      tasks.claim(screening.getId(), screener);
      Throwable partial = failureOf(() -> tasks.complete(screening.getId(),
          screening(Map.of("score_strategicFit", "4", "score_cost", "2"), "complete", null)));
      assertThat(partial).isInstanceOf(InvalidInputException.class);
      assertThat(((InvalidInputException) partial).errors()).extracting(FieldError::field)
          .containsExactly("score_financialReturn", "score_customerImpact", "score_deliveryRisk");
      Throwable six = failureOf(() -> tasks.complete(screening.getId(), screening(Map.of("score_strategicFit", "4",
          "score_financialReturn", "4", "score_customerImpact", "3", "score_deliveryRisk", "2", "score_cost", "6"),
          "complete", null)));
      assertThat(six).isInstanceOf(InvalidInputException.class);
      assertThat(((InvalidInputException) six).errors()).extracting(FieldError::field).containsExactly("score_cost");
    } finally {
      identityService.clearAuthentication();
    }
    long proposal = proposalOf(pi);
    assertThat(scorings(proposal)).isEmpty();
    assertThat(tasks.createTaskQuery().taskId(screening.getId()).count()).isEqualTo(1);
    assertThat(jdbc.sql("select status from project_proposal where id = ?").param(proposal).query(String.class)
        .single()).isEqualTo("SUBMITTED");

    // screened without scores: ranked as unscored
    complete(screener, pi.getId(), Map.of("screeningDecision", "complete"));
    assertThat(scorings(proposal)).isEmpty();
    Ranking.Item unscored = item(Subject.Kind.PROPOSAL, proposal);
    assertThat(unscored.scored()).isFalse();
    assertThat(unscored.score()).isNull();
  }

  private static Map<String, Object> screening(Map<String, Object> scores, String decision, String comment) {
    Map<String, Object> vars = new HashMap<>(scores);
    vars.put("screeningDecision", decision);
    if (comment != null) {
      vars.put("screeningComment", comment);
    }
    return vars;
  }

  private Task task(ProcessInstance pi) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private long proposalOf(ProcessInstance pi) {
    return jdbc.sql("select id from project_proposal where process_instance_id = ?").param(pi.getId())
        .query(Long.class).single();
  }

  private List<Map<String, Object>> scorings(long proposal) {
    return jdbc.sql("select * from portfolio_score where subject_type = 'PROPOSAL' and subject_id = ? order by id")
        .param(proposal).query().listOfRows();
  }

  private Ranking.Item item(Subject.Kind kind, long id) {
    return ranking.all().stream().filter(i -> i.kind().equals(kind.name()) && i.id() == id).findFirst()
        .orElseThrow();
  }
}
