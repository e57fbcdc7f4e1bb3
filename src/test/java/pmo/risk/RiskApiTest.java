package pmo.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import pmo.issue.CaseProcessTest;

/**
 * /api/risks over real HTTP with Basic auth: the heat map with data in every cell (project and portfolio), every list
 * filter and paging, one risk with its history and escalations, raising one risk and raising the risks of an
 * identification meeting in bulk, and every kind of bad input, which writes nothing.
 */
class RiskApiTest extends CaseProcessTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RiskRegister register;

  long projectId;

  @BeforeEach
  void project() {
    projectId = newProject();
  }

  @Test
  void heatMapCountsTheOpenAssessedRisksOfEveryCellForAProjectAndThePortfolio() {
    long[][] before = heatMap(null);
    long[][] expected = new long[5][5];
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int p = 1; p <= 5; p++) {
      for (int i = 1; i <= 5; i++) {
        int count = 1 + (p + 2 * i) % 3; // 1 to 3 risks per cell, different neighbours
        expected[p - 1][i - 1] = count;
        for (int k = 0; k < count; k++) {
          rows.add(row("Cell " + p + "x" + i + " #" + k, p, i));
        }
      }
    }
    Map<String, Object> created = post(pmo, "/api/risks/bulk", Map.of("projectId", projectId, "risks", rows))
        .getBody();
    assertThat(created).containsEntry("created", rows.size()).containsEntry("rejected", 0);

    // not counted: a risk not yet assessed, and a closed one (it leaves its cell)
    raiseUnassessed("Unassessed " + unique());
    long closedId = ((Number) list(created.get("rows")).get(0).get("id")).longValue(); // cell 1x1
    Risk toClose = register.get(closedId);
    complete(owner, toClose.processInstanceId(), Map.of("responseStrategy", "accept", "responsePlan", "Watch",
        "dueDate", today().toString()));
    awaitTask(toClose.processInstanceId(), RiskProcess.TASK_REPORT_RESIDUAL);
    complete(owner, toClose.processInstanceId(), Map.of("residualOutcome", "reassessed", "probability", 1,
        "impact", 2));
    assertThat(register.get(closedId).status()).isEqualTo(RiskStatus.CLOSED);
    expected[0][0]--;

    ResponseEntity<Map<String, Object>> response = get(pmo, "/api/risks/heat-map?projectId=" + projectId);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("projectId", (int) projectId)
        .containsEntry("total", (int) Arrays.stream(expected).flatMapToLong(Arrays::stream).sum());
    assertThat(heatMap(projectId)).isDeepEqualTo(expected);

    long[][] after = heatMap(null);
    for (int p = 0; p < 5; p++) {
      for (int i = 0; i < 5; i++) {
        assertThat(after[p][i] - before[p][i]).as("portfolio cell %d×%d", p + 1, i + 1).isEqualTo(expected[p][i]);
      }
    }

    // a cancelled project's risks leave the portfolio's map
    projects.cancel(projectId, "Stopped");
    assertThat(heatMap(projectId)).isDeepEqualTo(new long[5][5]);
    assertThat(heatMap(null)).isDeepEqualTo(before);

    assertProblem(get(requester, "/api/risks/heat-map?projectId=987654321"), 404, null, null);
    assertProblem(get(requester, "/api/risks/heat-map?projectId=x"), 400, "projectId", "must be Long");
  }

  @Test
  void everyFilterAndPaging() {
    String soleOwner = user("solo-" + unique(), "requesters");
    LocalDate today = today();
    long r1 = created(row("Sensor supplier insolvent", 5, 5, owner, "SUPPLIER", today));
    long r2 = created(row("Licence cost rise", 1, 1, otherOwner, "COST", today.plusDays(30)));
    long r3 = created(row("Cloud bill overrun", 3, 4, owner, "COST", null));
    long r4 = created(row("Phishing of admins", 2, 3, otherOwner, "SECURITY", today));
    long r5 = created(row("Key person leaves", 2, 2, soleOwner, "RESOURCES", null));
    Risk second = register.get(r2);
    complete(otherOwner, second.processInstanceId(), Map.of("responseStrategy", "transfer", "responsePlan",
        "Fixed-price renewal", "dueDate", today.plusDays(30).toString()));
    assertThat(register.get(r2).status()).isEqualTo(RiskStatus.MONITORING);

    String inProject = "/api/risks?projectId=" + projectId;
    assertThat(ids(inProject)).containsExactly(r5, r4, r3, r2, r1);
    assertThat(ids(inProject + "&level=CRITICAL")).containsExactly(r1);
    assertThat(ids(inProject + "&level=HIGH")).containsExactly(r3);
    assertThat(ids(inProject + "&level=MEDIUM")).containsExactly(r4);
    assertThat(ids(inProject + "&level=LOW")).containsExactly(r5, r2);
    assertThat(ids(inProject + "&status=ASSESSED")).containsExactly(r5, r4, r3, r1);
    assertThat(ids(inProject + "&status=MONITORING")).containsExactly(r2);
    assertThat(ids(inProject + "&status=CLOSED")).isEmpty();
    assertThat(ids(inProject + "&owner=" + owner)).containsExactly(r3, r1);
    assertThat(ids("/api/risks?owner=" + soleOwner)).containsExactly(r5);
    assertThat(ids(inProject + "&category=COST")).containsExactly(r3, r2);
    assertThat(ids(inProject + "&category=COST&level=LOW&owner=" + otherOwner)).containsExactly(r2);
    assertThat(ids(inProject + "&overdue=true")).isEmpty();

    // two days later the risks due today are overdue; the one due in a month and those without a date are not
    ClockUtil.setCurrentTime(java.util.Date.from(today.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC)));
    assertThat(ids(inProject + "&overdue=true")).containsExactly(r4, r1);
    assertThat(ids(inProject + "&overdue=false")).containsExactly(r5, r3, r2);
    assertThat(ids(inProject + "&overdue=true&owner=" + owner)).containsExactly(r1);

    Map<String, Object> first = get(pmo, inProject + "&size=2").getBody();
    assertThat(first).containsEntry("page", 0).containsEntry("size", 2).containsEntry("total", 5);
    assertThat(idsOf(first)).containsExactly(r5, r4);
    assertThat(idsOf(get(pmo, inProject + "&size=2&page=1").getBody())).containsExactly(r3, r2);
    assertThat(idsOf(get(pmo, inProject + "&size=2&page=2").getBody())).containsExactly(r1);

    assertProblem(get(requester, "/api/risks?level=EXTREME"), 400, "level", "must be RiskLevel, got 'EXTREME'");
    assertProblem(get(requester, "/api/risks?status=OPEN"), 400, "status", "must be RiskStatus");
    assertProblem(get(requester, "/api/risks?overdue=maybe"), 400, "overdue", "must be Boolean");
    assertProblem(get(requester, "/api/risks?size=500"), 400, "size", "must be between 1 and 200");
  }

  @Test
  void oneRiskWithItsAssessmentHistoryAndEscalations() {
    long id = created(row("Data centre flood", 4, 4, owner, "EXTERNAL", null));
    Risk risk = register.get(id);
    complete(owner, risk.processInstanceId(), Map.of("responseStrategy", "mitigate", "responsePlan", "Move racks",
        "dueDate", today().toString()));
    awaitTask(risk.processInstanceId(), RiskProcess.TASK_REPORT_RESIDUAL);
    complete(owner, risk.processInstanceId(), Map.of("residualOutcome", "reassessed", "probability", 3, "impact", 4,
        "residualComment", "Racks moved, the basement still floods"));

    ResponseEntity<Map<String, Object>> response = get(audrey(), "/api/risks/" + id);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> body = response.getBody();
    assertThat(map(body.get("risk"))).containsEntry("status", "ESCALATED").containsEntry("level", "HIGH")
        .containsEntry("score", 12).containsEntry("residualProbability", 3).containsEntry("escalationLevel", 1)
        .containsEntry("raisedBy", pmo);
    List<Map<String, Object>> history = list(body.get("history"));
    assertThat(history).extracting(h -> h.get("kind") + " " + h.get("probability") + "x" + h.get("impact") + " "
        + h.get("level") + " by " + h.get("assessedBy"))
        .containsExactly("INITIAL 4x4 CRITICAL by olga", "RESIDUAL 3x4 HIGH by otto");
    assertThat(history.get(1)).containsEntry("comment", "Racks moved, the basement still floods")
        .containsKey("assessedAt");
    assertThat(list(body.get("escalations"))).singleElement().satisfies(e -> assertThat(e)
        .containsEntry("escalatedTo", "pmo").containsEntry("level", 1)
        .containsEntry("rule", "risk-escalation-level/RESIDUAL_STILL_HIGH").containsEntry("escalatedBy", owner)
        .containsKeys("escalatedAt", "respondBy", "reason"));

    assertProblem(get(requester, "/api/risks/987654321"), 404, null, null);
    assertThat(get(requester, "/api/risks/987654321").getBody()).containsEntry("detail",
        "risk 987654321 does not exist");
  }

  @Test
  void aProjectManagerRaisesAnAssessedRisk() {
    Map<String, Object> body = row("Go-live slips " + unique(), 3, 4, owner, "SCHEDULE", today().plusDays(20));
    body.put("projectId", projectId);
    body.put("monetaryImpact", 80000);
    ResponseEntity<Map<String, Object>> created = post(manager, "/api/risks", body);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) created.getBody().get("id")).longValue();
    assertThat(created.getHeaders().getLocation()).hasToString("/api/risks/" + id);
    assertThat(created.getBody()).containsEntry("status", "ASSESSED").containsEntry("level", "HIGH")
        .containsEntry("score", 12).containsEntry("exposure", 40000.0).containsEntry("raisedBy", manager)
        .containsEntry("dueDate", today().plusDays(20).toString());
    Risk risk = register.get(id);
    assertThat(tasks.createTaskQuery().processInstanceId(risk.processInstanceId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo(RiskProcess.TASK_PLAN_RESPONSE);

    assertThat(post(requester, "/api/risks", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/risks", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  /**
   * The optional fields a request leaves out are not written as null variables (Var.put; the engine writes each
   * variable three times): the process starts without them, and the owner's response plan creates the due date.
   */
  @Test
  void optionalFieldsLeftOutStartNoVariablesAndTheResponsePlanStillRecordsTheDueDate() {
    Map<String, Object> body = row("Vendor exits " + unique(), 2, 3, owner, "SUPPLIER", null);
    body.remove("cause");
    body.remove("effect");
    body.put("projectId", projectId);
    ResponseEntity<Map<String, Object>> created = post(manager, "/api/risks", body);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Risk risk = register.get(((Number) created.getBody().get("id")).longValue());
    String pi = risk.processInstanceId();
    assertThat(runtime.getVariables(pi)).containsKeys("projectId", "title", "owner", "probability", "impact")
        .doesNotContainKeys("cause", "effect", "dueDate", "monetaryImpact");

    LocalDate due = today().plusDays(14);
    complete(owner, pi, Map.of("responseStrategy", "mitigate", "responsePlan", "Second vendor", "dueDate",
        due.toString()));
    assertThat(runtime.getVariable(pi, "dueDate")).isEqualTo(due.toString());
    assertThat(register.get(risk.id())).satisfies(r -> {
      assertThat(r.status()).isEqualTo(RiskStatus.MONITORING);
      assertThat(r.dueDate()).isEqualTo(due);
      assertThat(r.cause()).isNull();
    });
  }

  @Test
  void badInputToRaiseARiskGets400NamingTheFieldAndWritesNothing() {
    String title = "Bad " + unique();
    long processesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(RiskProcess.KEY).count();

    assertProblem(post(pmo, "/api/risks", valid(title, Map.of("probability", 0))), 400, "probability",
        "must be between 1 and 5");
    assertProblem(post(pmo, "/api/risks", valid(title, Map.of("probability", 6))), 400, "probability",
        "must be between 1 and 5");
    Map<String, Object> noImpact = valid(title, Map.of());
    noImpact.remove("impact");
    assertProblem(post(pmo, "/api/risks", noImpact), 400, "impact", "is required");
    assertProblem(post(pmo, "/api/risks", valid(title, Map.of("dueDate", today().minusDays(1).toString()))), 400,
        "dueDate", "must not be in the past");
    assertProblem(post(pmo, "/api/risks", valid(title, Map.of("owner", "ghost"))), 400, "owner",
        "unknown user 'ghost'");
    assertProblem(post(pmo, "/api/risks", valid(title, Map.of("projectId", 987654321))), 400, "projectId",
        "unknown project 987654321");
    assertProblem(post(pmo, "/api/risks", valid(title, Map.of("category", "WEATHER"))), 400, "category",
        "must be one of [TECHNICAL");
    assertProblem(post(pmo, "/api/risks", valid(title, Map.of("dueDate", "tomorrow"))), 400, "dueDate",
        "has a value of the wrong type or format");
    assertProblem(post(pmo, "/api/risks", valid(title, Map.of("monetaryImpact", -5))), 400, "monetaryImpact",
        "must be greater than or equal to 0");
    Map<String, Object> everything = valid("", Map.of("probability", 9, "owner", "ghost"));
    everything.remove("impact");
    ResponseEntity<Map<String, Object>> many = post(pmo, "/api/risks", everything);
    assertProblem(many, 400, "title", "must not be blank");
    assertProblem(many, 400, "probability", "must be between 1 and 5");
    assertProblem(many, 400, "impact", "is required");
    assertProblem(many, 400, "owner", "unknown user 'ghost'");

    assertThat(jdbc.sql("select count(*) from risk where title = :t").param("t", title).query(Long.class).single())
        .isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RiskProcess.KEY).count())
        .isEqualTo(processesBefore);
  }

  @Test
  void bulkRaisingSavesTheValidRowsAndReportsEveryInvalidOne() {
    String tag = unique();
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("Valid A " + tag, 3, 3));
    rows.add(row("Zero probability " + tag, 0, 3));
    Map<String, Object> noImpact = row("No impact, no owner " + tag, 2, 1);
    noImpact.remove("impact");
    noImpact.put("owner", "ghost");
    rows.add(noImpact);
    Map<String, Object> past = row("Past and six " + tag, 6, 2);
    past.put("dueDate", today().minusDays(3).toString());
    rows.add(past);
    rows.add(row("Valid B " + tag, 5, 4));
    Map<String, Object> untitled = row("", 1, 1);
    untitled.put("category", "WEATHER");
    rows.add(untitled);
    rows.add(null);

    ResponseEntity<Map<String, Object>> response = post(pmo, "/api/risks/bulk",
        Map.of("projectId", projectId, "risks", rows));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> body = response.getBody();
    assertThat(body).containsEntry("projectId", (int) projectId).containsEntry("created", 2)
        .containsEntry("rejected", 5);
    List<Map<String, Object>> results = list(body.get("rows"));
    assertThat(results).extracting(r -> r.get("index") + " " + r.get("status"))
        .containsExactly("0 created", "1 rejected", "2 rejected", "3 rejected", "4 created", "5 rejected",
            "6 rejected");
    assertThat(errors(results.get(0))).isEmpty();
    assertThat(errors(results.get(1))).containsExactly("probability: must be between 1 and 5");
    assertThat(errors(results.get(2))).containsExactly("owner: unknown user 'ghost'", "impact: is required");
    assertThat(errors(results.get(3))).containsExactly("probability: must be between 1 and 5",
        "dueDate: must not be in the past");
    assertThat(errors(results.get(5))).containsExactly("title: must not be blank",
        "category: must be one of [TECHNICAL, SCHEDULE, COST, RESOURCES, SUPPLIER, REGULATORY, SECURITY, EXTERNAL]");
    assertThat(errors(results.get(6))).containsExactly("risks[6]: is empty");
    assertThat(results.get(1)).doesNotContainKey("id");

    long a = ((Number) results.get(0).get("id")).longValue();
    long b = ((Number) results.get(4).get("id")).longValue();
    assertThat(register.get(a).title()).isEqualTo("Valid A " + tag);
    assertThat(register.get(a).projectId()).isEqualTo(projectId);
    assertThat(register.get(a).raisedBy()).isEqualTo(pmo);
    assertThat(register.get(b).level()).isEqualTo(RiskLevel.CRITICAL);
    assertThat(jdbc.sql("select title from risk where title like :t order by id").param("t", "%" + tag)
        .query(String.class).list()).containsExactly("Valid A " + tag, "Valid B " + tag);
    assertThat(tasks.createTaskQuery().processInstanceId(register.get(b).processInstanceId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo(RiskProcess.TASK_PLAN_RESPONSE);
  }

  @Test
  void aBulkRequestWithoutAProjectOrRowsIsRejectedAsAWholeAndOnlyThePmoMayBulkRaise() {
    String title = "Whole " + unique();
    assertProblem(post(pmo, "/api/risks/bulk", Map.of("projectId", 987654321, "risks", List.of(row(title, 2, 2)))),
        400, "projectId", "unknown project 987654321");
    assertProblem(post(pmo, "/api/risks/bulk", Map.of("projectId", projectId, "risks", List.of())), 400, "risks",
        "at least one risk is required");
    assertProblem(post(pmo, "/api/risks/bulk", Map.of("risks", List.of(row(title, 2, 2)))), 400, "projectId",
        "is required");
    assertThat(post(manager, "/api/risks/bulk", Map.of("projectId", projectId, "risks", List.of(row(title, 2, 2))))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(jdbc.sql("select count(*) from risk where title = :t").param("t", title).query(Long.class).single())
        .isZero();
  }

  // --- helpers

  private String audrey() {
    return user("audrey", "auditors");
  }

  private Map<String, Object> row(String title, int probability, int impact) {
    return row(title, probability, impact, owner, "TECHNICAL", null);
  }

  private Map<String, Object> row(String title, int probability, int impact, String riskOwner, String category,
      LocalDate due) {
    Map<String, Object> row = new HashMap<>();
    row.put("title", title);
    row.put("description", "Raised in the identification meeting");
    row.put("category", category);
    row.put("cause", "A cause");
    row.put("effect", "An effect");
    row.put("owner", riskOwner);
    row.put("probability", probability);
    row.put("impact", impact);
    if (due != null) {
      row.put("dueDate", due.toString());
    }
    return row;
  }

  private Map<String, Object> valid(String title, Map<String, Object> changes) {
    Map<String, Object> body = row(title, 3, 3);
    body.put("projectId", projectId);
    body.putAll(changes);
    return body;
  }

  /** Raises one risk through the bulk endpoint; returns its id. */
  private long created(Map<String, Object> row) {
    Map<String, Object> body = post(pmo, "/api/risks/bulk", Map.of("projectId", projectId, "risks", List.of(row)))
        .getBody();
    assertThat(body).as(String.valueOf(body)).containsEntry("created", 1);
    return ((Number) list(body.get("rows")).get(0).get("id")).longValue();
  }

  private void raiseUnassessed(String title) {
    actAs(requester);
    try {
      runtime.startProcessInstanceByKey(RiskProcess.KEY, Map.of("projectId", projectId, "title", title,
          "category", "COST", "owner", owner));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private long[][] heatMap(Long project) {
    // the PMO reads every risk (others see only theirs: ReadAuthorizationTest)
    Map<String, Object> body = get(pmo, "/api/risks/heat-map" + (project == null ? "" : "?projectId=" + project))
        .getBody();
    @SuppressWarnings("unchecked")
    List<List<Number>> counts = (List<List<Number>>) body.get("counts");
    assertThat(counts).hasSize(5).allSatisfy(row -> assertThat(row).hasSize(5));
    return counts.stream().map(row -> row.stream().mapToLong(Number::longValue).toArray()).toArray(long[][]::new);
  }

  private List<Long> ids(String path) {
    ResponseEntity<Map<String, Object>> response = get(pmo, path);
    assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
    return idsOf(response.getBody());
  }

  private static List<Long> idsOf(Map<String, Object> page) {
    return list(page.get("items")).stream().map(r -> ((Number) r.get("id")).longValue()).toList();
  }

  private static List<String> errors(Map<String, Object> row) {
    return list(row.get("errors")).stream().map(e -> e.get("field") + ": " + e.get("reason")).toList();
  }

  private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body), JSON);
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, JSON);
  }
}
