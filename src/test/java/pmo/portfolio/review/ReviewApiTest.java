package pmo.portfolio.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.intake.IntakeProcess;
import pmo.intake.Proposals;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectService;

/**
 * GET /api/portfolio/reviews and /api/portfolio/reviews/{id} over real HTTP, on reviews worked through the engine: a
 * review sent back once and approved shows both rounds with the decisions proposed in each (applied in the approved
 * one) as the rows hold them; the list filters by status, pages by offset and by keyset; bad paging and filter values
 * are 400 naming the field, an unknown review 404; the PMO, the steering committee and auditors read, a project manager
 * or a requester gets 403 (as for the rest of the portfolio).
 */
class ReviewApiTest extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ParameterizedTypeReference<Map<String, Object>> BODY = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ProjectService projects;
  @Autowired
  Clock clock;

  String office;
  String steering;
  String auditor;
  String manager;
  String requester;

  @BeforeEach
  void users() {
    office = user("olga", Roles.REQUESTERS, Roles.PMO);
    steering = user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    auditor = user("audrey", Roles.AUDITORS);
    manager = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    requester = user("rita", Roles.REQUESTERS);
    // one review at a time: a review left open by an earlier test ends here (its end listener marks it cancelled)
    runtime.createProcessInstanceQuery().processDefinitionKey(PortfolioReviewProcess.KEY).unlimitedList()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test: a fresh review"));
  }

  @Test
  void aReviewSentBackAndApprovedIsReadWithBothRoundsAsTheRowsHoldThem() {
    long paused = projects.register(new NewProject(null, "Review API " + unique(), "Paused by a review", steering,
        manager, "IT", "Review", new BigDecimal("80000"), LocalDate.now().plusDays(5), LocalDate.now().plusMonths(8),
        "Scope")).project().id();
    String code = projects.find(paused).code();
    ProcessInstance intake = start(requester, IntakeProcess.KEY, Proposals.startVariables("Review API proposal "
        + unique(), steering));
    complete(office, intake.getId(), Map.of("screeningDecision", "complete"));
    String proposal = "PROPOSAL-" + jdbc.sql("select id from project_proposal where process_instance_id = ?")
        .param(intake.getId()).query(Long.class).single();

    ProcessInstance review = start(office, PortfolioReviewProcess.KEY, Map.of("occasion", "API test " + unique()));
    long id = jdbc.sql("select id from portfolio_review where process_instance_id = ?").param(review.getId())
        .query(Long.class).single();
    propose(review, code, Map.of("decision", "pause", "reason", "Round one"), proposal, Map.of("decision", "defer"));
    complete(steering, review.getId(), Map.of("steeringDecision", "sendBack", "steeringComment", "Reject it"));
    propose(review, code, Map.of("decision", "pause", "reason", "No architect"), proposal,
        Map.of("decision", "reject", "reason", "Duplicates a project"));
    complete(steering, review.getId(), Map.of("steeringDecision", "approve", "steeringComment", "Agreed"));

    ResponseEntity<Map<String, Object>> read = get(steering, "/api/portfolio/reviews/" + id);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> row = jdbc.sql("select * from portfolio_review where id = ?").param(id).query().singleRow();
    Map<String, Object> body = read.getBody();
    assertThat(body).containsEntry("status", "APPLIED").containsEntry("round", 2).containsEntry("proposedBy", office)
        .containsEntry("approvedBy", steering).containsEntry("startedBy", office)
        .containsEntry("occasion", row.get("occasion")).containsEntry("period", quarter(row.get("started_at")));
    assertThat(instant(body.get("approvedAt"))).isEqualTo(instant(row.get("approved_at")));
    assertThat(list(body.get("rounds"))).extracting(r -> r.get("round") + " " + r.get("proposedBy") + " "
        + r.get("decision") + " " + r.get("decidedBy") + " " + r.get("comment"))
        .containsExactly("1 olga SEND_BACK sam Reject it", "2 olga APPROVE sam Agreed");
    List<Map<String, Object>> first = list(list(body.get("rounds")).get(0).get("items"));
    List<Map<String, Object>> second = list(list(body.get("rounds")).get(1).get("items"));
    // every running project and screened proposal has its item in each round, as the decision rows do
    assertThat(first).hasSize(count("select count(*) from portfolio_review_decision where review_id = ? and round = 1",
        id));
    assertThat(second).hasSize(count("select count(*) from portfolio_review_decision where review_id = ? and round = 2",
        id));
    assertThat(item(first, code)).containsEntry("decision", "PAUSE").containsEntry("reason", "Round one")
        .containsEntry("applied", false).containsEntry("kind", "PROJECT");
    assertThat(item(first, proposal)).containsEntry("decision", "DEFER").containsEntry("applied", false);
    assertThat(item(second, code)).containsEntry("decision", "PAUSE").containsEntry("reason", "No architect")
        .containsEntry("applied", true).containsEntry("subjectId", (int) paused);
    assertThat(item(second, proposal)).containsEntry("decision", "REJECT").containsEntry("kind", "PROPOSAL")
        .containsEntry("reason", "Duplicates a project").containsEntry("applied", true);
    assertThat(second).allSatisfy(i -> assertThat(i).containsEntry("applied", true));
    // the pack it was decided on
    assertThat(list(((Map<?, ?>) body.get("pack")).get("projects"))).extracting(p -> p.get("reference"))
        .contains(code);

    // listed by status, with the steering committee's latest answer
    Map<String, Object> listed = find(get(auditor, "/api/portfolio/reviews?status=APPLIED&size=200"), id);
    assertThat(listed).containsEntry("status", "APPLIED").containsEntry("proposedBy", office)
        .containsEntry("approvedBy", steering).containsEntry("decision", "APPROVE").containsEntry("decidedBy", steering)
        .containsEntry("period", body.get("period")).doesNotContainKey("pack");
    assertThat(instant(listed.get("decidedAt"))).isEqualTo(instant(jdbc.sql("select steering_at from"
        + " portfolio_review_round where review_id = ? and round = 2").param(id).query().singleValue()));
    // a review still waiting for the PMO: OPEN, nothing decided; the filter keeps each in its status
    ProcessInstance open = start(office, PortfolioReviewProcess.KEY, Map.of("occasion", "API test open " + unique()));
    long openId = jdbc.sql("select id from portfolio_review where process_instance_id = ?").param(open.getId())
        .query(Long.class).single();
    List<Map<String, Object>> opened = list(get(office, "/api/portfolio/reviews?status=OPEN&size=200").getBody()
        .get("items"));
    assertThat(opened).extracting(r -> ((Number) r.get("id")).longValue()).contains(openId).doesNotContain(id);
    assertThat(find(get(office, "/api/portfolio/reviews?status=OPEN&size=200"), openId))
        .containsEntry("round", 0).doesNotContainKeys("decision", "decidedBy", "decidedAt", "approvedBy");
    assertThat(list(get(office, "/api/portfolio/reviews?status=APPLIED&size=200").getBody().get("items")))
        .extracting(r -> ((Number) r.get("id")).longValue()).doesNotContain(openId);
    assertThat(get(office, "/api/portfolio/reviews/" + openId).getBody()).containsEntry("status", "OPEN")
        .containsEntry("rounds", List.of());
  }

  @Test
  void theListIsNewestFirstAndPagesByOffsetAndByKeyset() {
    long older = startReview();
    runtime.deleteProcessInstance(processOf(older), "test: cancelled to open the next");
    long newer = startReview();

    Map<String, Object> first = get(auditor, "/api/portfolio/reviews?size=1").getBody();
    assertThat(ids(first)).containsExactly(newer);
    assertThat(((Number) first.get("next")).longValue()).isEqualTo(newer);
    assertThat(((Number) first.get("total")).longValue()).isGreaterThanOrEqualTo(2);
    assertThat(ids(get(auditor, "/api/portfolio/reviews?size=1&after=" + newer).getBody())).containsExactly(older);
    assertThat(ids(get(auditor, "/api/portfolio/reviews?size=1&page=1").getBody())).containsExactly(older);
    assertThat(find(get(auditor, "/api/portfolio/reviews?status=CANCELLED&size=200"), older))
        .containsEntry("status", "CANCELLED").containsKey("closedAt");
  }

  @Test
  void badPagingAndFilterValuesAre400NamingTheFieldAndAnUnknownReviewIs404() {
    assertBadRequest("/api/portfolio/reviews?status=DONE", "status");
    assertBadRequest("/api/portfolio/reviews?size=0", "size");
    assertBadRequest("/api/portfolio/reviews?size=201", "size");
    assertBadRequest("/api/portfolio/reviews?page=-1", "page");
    assertBadRequest("/api/portfolio/reviews?after=0", "after");
    assertBadRequest("/api/portfolio/reviews?page=2&after=5", "page");
    assertBadRequest("/api/portfolio/reviews/first", "id");
    long unknown = jdbc.sql("select coalesce(max(id), 0) + 1000 from portfolio_review").query(Long.class).single();
    assertThat(get(office, "/api/portfolio/reviews/" + unknown).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theWholePortfoliosReadersReadReviewsAndNobodyElse() {
    long id = startReview();
    for (String reader : List.of(office, steering, auditor)) {
      assertThat(get(reader, "/api/portfolio/reviews").getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      assertThat(get(reader, "/api/portfolio/reviews/" + id).getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
    }
    // a project manager (whose projects a review decides on) and a requester: 403, as for the ranking and capacity
    for (String other : List.of(manager, requester)) {
      assertThat(get(other, "/api/portfolio/reviews").getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(get(other, "/api/portfolio/reviews/" + id).getStatusCode()).as(other)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  private long startReview() {
    ProcessInstance pi = start(office, PortfolioReviewProcess.KEY, Map.of("occasion", "API test " + unique()));
    return jdbc.sql("select id from portfolio_review where process_instance_id = ?").param(pi.getId())
        .query(Long.class).single();
  }

  private String processOf(long reviewId) {
    return jdbc.sql("select process_instance_id from portfolio_review where id = ?").param(reviewId)
        .query(String.class).single();
  }

  /**
   * The PMO's proposal as Tasklist submits it: the form's rows, every other row as the form suggests it; the project
   * decided on in its listed row or, when the form does not list it, in a row the PMO adds.
   */
  private void propose(ProcessInstance review, String project, Map<String, Object> onProject, String proposal,
      Map<String, Object> onProposal) {
    String task = tasks.createTaskQuery().processInstanceId(review.getId()).singleResult().getId();
    List<Map<String, Object>> projectRows = rows(task, "projectDecisions");
    List<Map<String, Object>> proposalRows = rows(task, "proposalDecisions");
    // a project the form does not list (it needs no decision) gets a row the PMO adds, naming it by id
    List<Map<String, Object>> added = new ArrayList<>();
    if (projectRows.stream().anyMatch(i -> project.equals(i.get("reference")))) {
      item(projectRows, project).putAll(onProject);
    } else {
      Map<String, Object> row = new java.util.HashMap<>(onProject);
      row.put("project", jdbc.sql("select id from project where code = ?").param(project).query(Long.class).single());
      added.add(row);
    }
    item(proposalRows, proposal).putAll(onProposal);
    try {
      VariableMap form = Variables.createVariables()
          .putValueTyped("projectDecisions", SpinValues.jsonValue(JSON.writeValueAsString(projectRows)).create())
          .putValueTyped("otherProjectDecisions", SpinValues.jsonValue(JSON.writeValueAsString(added)).create())
          .putValueTyped("proposalDecisions", SpinValues.jsonValue(JSON.writeValueAsString(proposalRows)).create())
          .putValue("proposalNote", "API test");
      complete(office, review.getId(), form);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Map<String, Object>> rows(String taskId, String name) {
    try {
      return new ArrayList<>(JSON.readValue(tasks.getVariable(taskId, name).toString(),
          new TypeReference<List<Map<String, Object>>>() { }));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> item(List<Map<String, Object>> items, String reference) {
    return items.stream().filter(i -> reference.equals(i.get("reference"))).findFirst()
        .orElseThrow(() -> new AssertionError("no item for " + reference + " in " + items));
  }

  private static Map<String, Object> find(ResponseEntity<Map<String, Object>> page, long id) {
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    return list(page.getBody().get("items")).stream().filter(r -> ((Number) r.get("id")).longValue() == id)
        .findFirst().orElseThrow(() -> new AssertionError("review " + id + " is not listed: " + page.getBody()));
  }

  private static List<Long> ids(Map<String, Object> page) {
    return list(page.get("items")).stream().map(r -> ((Number) r.get("id")).longValue()).toList();
  }

  private void assertBadRequest(String path, String field) {
    ResponseEntity<Map<String, Object>> response = get(office, path);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list(response.getBody().get("errors"))).as(path).extracting(e -> e.get("field")).containsExactly(field);
  }

  private String quarter(Object startedAt) {
    OffsetDateTime at = OffsetDateTime.ofInstant(instant(startedAt), clock.getZone());
    return at.getYear() + "-Q" + ((at.getMonthValue() - 1) / 3 + 1);
  }

  /** A timestamp as the database or the JSON gives it, as an instant (to the microsecond the database keeps). */
  private static java.time.Instant instant(Object value) {
    java.time.Instant at = value instanceof java.sql.Timestamp t ? t.toInstant()
        : value instanceof OffsetDateTime o ? o.toInstant() : OffsetDateTime.parse(value.toString()).toInstant();
    return at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  private int count(String sql, long id) {
    return jdbc.sql(sql).param(id).query(Integer.class).single();
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, BODY);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }
}
