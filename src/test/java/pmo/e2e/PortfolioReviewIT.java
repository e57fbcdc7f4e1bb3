package pmo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.intake.IntakeProcess;
import pmo.intake.Proposals;
import pmo.platform.Roles;
import pmo.portfolio.review.PortfolioReviewProcess;
import pmo.project.NewProject;
import pmo.project.ProjectService;
import pmo.project.ProjectStatus;
import pmo.project.Rag;

/**
 * The portfolio review in Tasklist (src/e2e/portfolio-review.js in headless Chromium): a PMO analyst starts it from
 * the start form, proposes in the proposal form (a red project, which the form lists, paused; a healthy one, which it
 * does not, added and stopped; one proposal approved with its manager and planned start, one rejected, the other rows
 * as suggested) and a steering committee member, another
 * person, approves. Checked here: the review's rows (status, proposer, approver, each decision applied) through the
 * database and GET /api/portfolio/reviews/{id}, and what the decisions did to the projects and proposals.
 */
class PortfolioReviewIT extends IntegrationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @LocalServerPort
  int port;
  @Autowired
  ProjectService projects;
  @Autowired
  TestRestTemplate rest;

  @Test
  void thePmoProposesAndTheSteeringCommitteeApprovesThroughTasklistForms() throws Exception {
    user("olga", Roles.REQUESTERS, Roles.PMO);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    user("rita", Roles.REQUESTERS);
    String manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    // one review at a time: one left open by an earlier run ends here (its end listener marks it cancelled)
    var runtime = engine.getRuntimeService();
    runtime.createProcessInstanceQuery().processDefinitionKey(PortfolioReviewProcess.KEY).unlimitedList()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test: a fresh review"));
    long paused = register("Browser review pause " + unique());
    long stopped = register("Browser review stop " + unique());
    // a red project needs the review's decision: the form lists it; a healthy one the PMO adds
    projects.recordRag(paused, Rag.RED, LocalDate.now(), "test", null);
    long approved = screened("Browser review approve " + unique());
    long rejected = screened("Browser review reject " + unique());
    String occasion = "Browser review " + unique();
    LocalDate plannedStart = LocalDate.now().plusMonths(2).withDayOfMonth(1);

    BrowserScenario.run("portfolio-review.js", port, Map.of("PASSWORD", PASSWORD, "OCCASION", occasion,
        "PMO_USER", "olga", "STEERING_USER", "sam", "PAUSE", code(paused), "STOP", code(stopped),
        "APPROVE", "PROPOSAL-" + approved, "REJECT", "PROPOSAL-" + rejected, "MANAGER", manager,
        "PLANNED_START", plannedStart.toString()));

    Map<String, Object> review = jdbc.sql("select * from portfolio_review where occasion = ?").param(occasion)
        .query().singleRow();
    assertThat(review).containsEntry("status", "APPLIED").containsEntry("round", 1).containsEntry("started_by", "olga")
        .containsEntry("proposed_by", "olga").containsEntry("approved_by", "sam")
        .containsEntry("proposal_note", "Proposed in the browser");
    long id = ((Number) review.get("id")).longValue();
    assertThat(jdbc.sql("select steering_decision || ' ' || steering_by || ' ' || steering_comment"
        + " from portfolio_review_round where review_id = ?").param(id).query(String.class).list())
        .containsExactly("APPROVE sam Approved in the browser");
    assertThat(decision(id, "PROJECT", paused)).containsEntry("decision", "PAUSE")
        .containsEntry("reason", "No architect free until spring").containsEntry("applied", true);
    assertThat(decision(id, "PROJECT", stopped)).containsEntry("decision", "STOP")
        .containsEntry("reason", "Its market is gone").containsEntry("applied", true);
    Map<String, Object> approval = decision(id, "PROPOSAL", approved);
    assertThat(approval).containsEntry("decision", "APPROVE").containsEntry("project_manager", manager)
        .containsEntry("applied", true);
    assertThat(approval.get("planned_start").toString()).isEqualTo(plannedStart.toString());
    assertThat(decision(id, "PROPOSAL", rejected)).containsEntry("decision", "REJECT")
        .containsEntry("reason", "Duplicates a running project").containsEntry("applied", true);
    // every other row stayed as the form suggested it: the status quo (continue, a project on hold stays on hold with
    // no reason needed, defer a proposal) or the committed scenario's suggestion; each project's status kept with it
    assertThat(jdbc.sql("select distinct decision || coalesce(' ' || status_before, '') || coalesce(': ' || reason, '')"
        + " from portfolio_review_decision"
        + " where review_id = ? and not ((subject_type = 'PROJECT' and subject_id in (?, ?))"
        + " or (subject_type = 'PROPOSAL' and subject_id in (?, ?)))")
        .params(id, paused, stopped, approved, rejected).query(String.class).list())
        .allMatch(d -> d.equals("CONTINUE ACTIVE") || d.equals("DEFER") || d.equals("PAUSE ON_HOLD")
            || d.matches("PAUSE (ACTIVE|ON_HOLD): Left out of scenario.*"),
            "the status quo or the scenario's suggestion");

    // what the decisions did
    assertThat(projects.find(paused).status()).isEqualTo(ProjectStatus.ON_HOLD);
    assertThat(projects.find(stopped).status()).isEqualTo(ProjectStatus.CANCELLED);
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select project_id from project_proposal"
        + " where id = ?").param(approved).query(Long.class).optional().isPresent());
    assertThat(proposalStatus(approved)).isEqualTo("APPROVED");
    assertThat(proposalStatus(rejected)).isEqualTo("REJECTED");

    // the same through the API, as the steering committee reads it
    ResponseEntity<Map<String, Object>> read = rest.withBasicAuth("sam", PASSWORD)
        .exchange("/api/portfolio/reviews/" + id, HttpMethod.GET, null, JSON);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read.getBody()).containsEntry("status", "APPLIED").containsEntry("proposedBy", "olga")
        .containsEntry("approvedBy", "sam");
    List<Map<String, Object>> rounds = list(read.getBody().get("rounds"));
    assertThat(rounds).singleElement().satisfies(r -> assertThat(r).containsEntry("decision", "APPROVE")
        .containsEntry("decidedBy", "sam"));
    assertThat(list(rounds.get(0).get("items"))).filteredOn(i -> i.get("reference").equals(code(paused)))
        .singleElement()
        .satisfies(i -> assertThat(i).containsEntry("decision", "PAUSE").containsEntry("applied", true));
  }

  private long register(String name) {
    return projects.register(new NewProject(null, name, "Decided in a browser", "sam", "paula", "IT", "Review",
        new BigDecimal("120000"), LocalDate.now().plusDays(10), LocalDate.now().plusMonths(10), "Scope of " + name))
        .project().id();
  }

  /** A proposal screened by the PMO, waiting for its sponsor: a portfolio review decides on it. */
  private long screened(String title) {
    var intake = start("rita", IntakeProcess.KEY, Proposals.startVariables(title, "sam"));
    complete("olga", intake.getId(), Map.of("screeningDecision", "complete"));
    return jdbc.sql("select id from project_proposal where process_instance_id = ?").param(intake.getId())
        .query(Long.class).single();
  }

  private String code(long projectId) {
    return projects.find(projectId).code();
  }

  private Map<String, Object> decision(long reviewId, String type, long subjectId) {
    return jdbc.sql("select * from portfolio_review_decision where review_id = ? and subject_type = ?"
        + " and subject_id = ?").params(reviewId, type, subjectId).query().singleRow();
  }

  private String proposalStatus(long proposalId) {
    return jdbc.sql("select status from project_proposal where id = ?").param(proposalId).query(String.class)
        .single();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }
}
