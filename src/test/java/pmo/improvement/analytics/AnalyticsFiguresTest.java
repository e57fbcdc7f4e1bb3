package pmo.improvement.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.improvement.analytics.AnalyticsReport.FlowFigure;
import pmo.improvement.analytics.AnalyticsReport.NodeFigure;
import pmo.platform.InvalidInputException;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectService;

/**
 * The figures checked against a history whose paths and durations are known: a process in two versions, instances
 * driven step by step on the engine clock (claims, completions, a reminder timer, a rework loop), indexed, then read
 * per version, for all versions, per category; the REST door refuses bad input naming the field.
 */
class AnalyticsFiguresTest extends IntegrationTest {

  static final long H = 3_600_000;
  static final Instant T0 = Instant.parse("2021-03-01T08:00:00Z");

  @Autowired
  AnalyticsService analytics;
  @Autowired
  AnalyticsIndexer indexer;
  @Autowired
  ProjectService projects;
  @Autowired
  TestRestTemplate rest;

  String key;
  String olga;
  String requester;
  String projectCode;

  @BeforeEach
  void deployTwoVersions() {
    key = "analytics-probe-" + unique();
    olga = user("olga", Roles.REQUESTERS, Roles.PMO);
    user("owen", Roles.PROCESS_OWNERS);
    requester = user("req-" + unique(), Roles.REQUESTERS);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    projectCode = projects.register(new NewProject(null, "Analytics " + unique(), null, "sam", null, "RESEARCH", null,
        new BigDecimal("1000"), LocalDate.now().plusDays(1), LocalDate.now().plusMonths(2), "scope")).project().code();
    engine.getRepositoryService().createDeployment().name("analytics probe v1")
        .addString("analytics-probe-task.form", FORM)
        .addModelInstance(key + ".bpmn", version1()).deploy();
    engine.getRepositoryService().createDeployment().name("analytics probe v2")
        .addModelInstance(key + ".bpmn", version2()).deploy();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** start → Prepare → loop back (again) or → Decide (a one-hour reminder timer on it) → end. */
  BpmnModelInstance version1() {
    return Bpmn.createExecutableProcess(key).name("Analytics probe").camundaHistoryTimeToLive(1)
        .startEvent("Start").sequenceFlowId("Flow_ToMerge")
        .exclusiveGateway("Gateway_Merge").sequenceFlowId("Flow_ToPrepare")
        .userTask("Task_Prepare").name("Prepare").camundaCandidateGroups("pmo")
        .camundaFormRef("analytics-probe-task").camundaFormRefBinding("latest").sequenceFlowId("Flow_Prepared")
        .exclusiveGateway("Gateway_Again")
        .condition("again", "${again}").sequenceFlowId("Flow_Again").connectTo("Gateway_Merge")
        .moveToNode("Gateway_Again").condition("done", "${!again}").sequenceFlowId("Flow_ToDecide")
        .userTask("Task_Decide").name("Decide").camundaCandidateGroups("pmo")
        .camundaFormRef("analytics-probe-task").camundaFormRefBinding("latest")
        .boundaryEvent("Event_Reminder").cancelActivity(false).timerWithDuration("PT1H")
        .sequenceFlowId("Flow_Reminded").endEvent("End_Reminded")
        .moveToActivity("Task_Decide").sequenceFlowId("Flow_Decided").endEvent("End_Done")
        .done();
  }

  /** start → Prepare → end. */
  BpmnModelInstance version2() {
    return Bpmn.createExecutableProcess(key).name("Analytics probe").camundaHistoryTimeToLive(1)
        .startEvent("Start").sequenceFlowId("Flow_ToPrepare")
        .userTask("Task_Prepare").name("Prepare").camundaCandidateGroups("pmo")
        .camundaFormRef("analytics-probe-task").camundaFormRefBinding("latest").sequenceFlowId("Flow_Prepared")
        .endEvent("End_Done")
        .done();
  }

  static final String FORM = """
      {"id": "analytics-probe-task", "type": "default", "schemaVersion": 16, "components": [
        {"type": "checkbox", "key": "again", "label": "Again", "id": "Field_again"}]}""";

  @Test
  void figuresPerVersionMatchTheHistory() {
    // version 1, instance A (project category RESEARCH): Prepare twice (3 h waiting 2 h, then 2 h waiting 1 h),
    // Decide 4 h (claimed after 2 h) with its reminder timer fired after 1 h; cycle 9 h
    at(0);
    String a = startVersion(1, projectCode);
    at(2 * H);
    claim(a, "Task_Prepare");
    at(3 * H);
    complete(a, "Task_Prepare", true);
    at(4 * H);
    claim(a, "Task_Prepare");
    at(5 * H);
    complete(a, "Task_Prepare", false);
    at(6 * H);
    awaitTimerFired(a);
    at(7 * H);
    claim(a, "Task_Decide");
    at(9 * H);
    complete(a, "Task_Decide", false);
    // instance B (no project): Prepare 1 h (claimed after 30 min), Decide 30 min, never claimed; cycle 1.5 h
    at(10 * H);
    String b = startVersion(1, null);
    at(10 * H + H / 2);
    claim(b, "Task_Prepare");
    at(11 * H);
    complete(b, "Task_Prepare", false);
    at(11 * H + H / 2);
    complete(b, "Task_Decide", false);
    // version 2: one instance, Prepare 4 h; one still running
    at(20 * H);
    String c = startVersion(2, projectCode);
    at(24 * H);
    complete(c, "Task_Prepare", false);
    startVersion(2, null);

    indexer.indexAll();
    assertThat(indexer.pending()).isZero();

    AnalyticsReport v1 = analytics.report(new AnalyticsQuery(key, 1, "2021-03", "2021-03", null));
    assertThat(v1.totals().started()).isEqualTo(2);
    assertThat(v1.totals().completed()).isEqualTo(2);
    assertThat(v1.totals().cancelled()).isZero();
    assertThat(v1.totals().cycleP50Ms()).isEqualTo((9 * H + 3 * H / 2) / 2);
    assertThat(v1.totals().cycleP90Ms()).isEqualTo(Math.round(1.5 * H + 0.9 * 7.5 * H));
    assertThat(v1.totals().reworkInstances()).isEqualTo(1);
    Map<String, NodeFigure> nodes = byId(v1.nodes(), NodeFigure::id);
    NodeFigure prepare = nodes.get("Task_Prepare");
    assertThat(prepare.executions()).isEqualTo(3);
    assertThat(prepare.instances()).isEqualTo(2);
    assertThat(prepare.p50Ms()).isEqualTo(2 * H);
    assertThat(prepare.p90Ms()).isEqualTo(Math.round(2 * H + 0.8 * H));
    assertThat(prepare.waitP50Ms()).isEqualTo(H);
    assertThat(prepare.workP50Ms()).isEqualTo(H / 2 + H / 2);
    assertThat(prepare.totalMs()).isEqualTo(6 * H);
    NodeFigure decide = nodes.get("Task_Decide");
    assertThat(decide.executions()).isEqualTo(2);
    assertThat(decide.p50Ms()).isEqualTo((4 * H + H / 2) / 2);
    assertThat(decide.slaBreaches()).isEqualTo(1);
    // Decide in A waited 2 h for its claim; in B it was never claimed: it waited its whole half hour
    assertThat(decide.waitP90Ms()).isEqualTo(Math.round(0.5 * H + 0.9 * 1.5 * H));
    assertThat(decide.workP50Ms()).isEqualTo(H);
    assertThat(nodes.get("Gateway_Merge").executions()).isEqualTo(3);
    assertThat(v1.slowestStep()).isEqualTo("Task_Decide");
    assertThat(decide.heat()).isEqualTo(1.0);
    Map<String, FlowFigure> flows = byId(v1.flows(), FlowFigure::id);
    assertThat(flows.get("Flow_ToMerge").taken()).isEqualTo(2);
    assertThat(flows.get("Flow_Again").taken()).isEqualTo(1);
    assertThat(flows.get("Flow_ToPrepare").taken()).isEqualTo(3);
    assertThat(flows.get("Flow_ToPrepare").repeatedInstances()).isEqualTo(1);
    assertThat(flows.get("Flow_Prepared").taken()).isEqualTo(3);
    assertThat(flows.get("Flow_ToDecide").taken()).isEqualTo(2);
    assertThat(flows.get("Flow_ToDecide").frequency()).isEqualTo(1.0);
    assertThat(flows.get("Flow_Again").frequency()).isEqualTo(0.5);
    assertThat(flows.get("Flow_Reminded").taken()).isEqualTo(1);
    assertThat(flows.get("Flow_Decided").taken()).isEqualTo(2);
    assertThat(v1.periods()).extracting(p -> p.version() + " " + p.month() + " " + p.started() + "/" + p.completed())
        .containsExactly("1 2021-03 2/2");

    AnalyticsReport v2 = analytics.report(new AnalyticsQuery(key, 2, "2021-03", "2021-03", null));
    assertThat(v2.totals().started()).isEqualTo(2);
    assertThat(v2.totals().completed()).isEqualTo(1);
    assertThat(v2.totals().cycleP50Ms()).isEqualTo(4 * H);
    assertThat(byId(v2.nodes(), NodeFigure::id)).containsOnlyKeys("Start", "Task_Prepare", "End_Done");
    assertThat(byId(v2.flows(), FlowFigure::id).get("Flow_ToPrepare").taken()).isEqualTo(1);

    AnalyticsReport all = analytics.report(new AnalyticsQuery(key, null, "2021-03", "2021-03", null));
    assertThat(all.totals().started()).isEqualTo(4);
    assertThat(all.totals().completed()).isEqualTo(3);
    assertThat(all.diagramDefinitionId()).isEqualTo(all.versions().get(1).definitionId());
    assertThat(byId(all.nodes(), NodeFigure::id).get("Task_Prepare").executions()).isEqualTo(4);
    // the nodes of version 1 that version 2 does not draw are listed after the diagram's
    assertThat(byId(all.nodes(), NodeFigure::id)).containsKey("Task_Decide");
    assertThat(all.periods()).extracting(p -> p.version() + " " + p.started() + "/" + p.completed())
        .containsExactly("1 2/2", "2 2/1");

    AnalyticsReport research = analytics.report(new AnalyticsQuery(key, 1, "2021-03", "2021-03", "RESEARCH"));
    assertThat(research.totals().started()).isEqualTo(1);
    assertThat(research.totals().cycleP50Ms()).isEqualTo(9 * H);
    AnalyticsReport it = analytics.report(new AnalyticsQuery(key, 1, "2021-03", "2021-03", "IT"));
    assertThat(it.totals().started()).isZero();
    assertThat(byId(it.nodes(), NodeFigure::id).get("Task_Prepare").p50Ms()).isNull();
    AnalyticsReport later = analytics.report(new AnalyticsQuery(key, 1, "2021-04", "2021-06", null));
    assertThat(later.totals().started()).isZero();

    // over REST: the PMO reads the report, the diagram and the CSV; a requester may not
    ResponseEntity<Map> report = get(olga, "/api/analytics?process=" + key + "&version=1&from=2021-03&to=2021-03");
    assertThat(report.getStatusCode().value()).isEqualTo(200);
    assertThat(((Map<?, ?>) report.getBody().get("totals")).get("completed")).isEqualTo(2);
    ResponseEntity<String> diagram = getText("owen", "/api/analytics/diagram?process=" + key + "&version=1");
    assertThat(diagram.getBody()).contains("Task_Decide", "bpmndi:BPMNShape");
    ResponseEntity<String> csv = getText(olga, "/api/analytics/export?process=" + key
        + "&version=1&from=2021-03&to=2021-03");
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody()).startsWith("kind,id,name,type,executions")
        .contains("node,Task_Prepare,Prepare,userTask,3,2,7200000,").contains("flow,Flow_Again,again,sequenceFlow,");
    assertThat(get(requester, "/api/analytics?process=" + key).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    assertThat(fieldOf(() -> analytics.report(new AnalyticsQuery("no-such-" + unique(), null, null, null, null))))
        .isEqualTo("process");
    assertThat(fieldOf(() -> analytics.report(new AnalyticsQuery(null, null, null, null, null)))).isEqualTo("process");
    assertThat(fieldOf(() -> analytics.report(new AnalyticsQuery(key, 9, null, null, null)))).isEqualTo("version");
    assertThat(fieldOf(() -> analytics.report(new AnalyticsQuery(key, 1, "2024-05", "2024-01", null))))
        .isEqualTo("to");
    assertThat(fieldOf(() -> analytics.report(new AnalyticsQuery(key, 1, "May 2024", null, null)))).isEqualTo("from");
    assertThat(fieldOf(() -> analytics.report(new AnalyticsQuery(key, 1, null, null, "NOPE")))).isEqualTo("category");

    ResponseEntity<Map> answer = get(olga, "/api/analytics?process=" + key + "&version=7&from=2024-05&to=2024-01");
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(String.valueOf(answer.getBody().get("errors"))).contains("field=version").contains("field=to");
  }

  // ---

  private String fieldOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable thrown = failureOf(call);
    assertThat(thrown).isInstanceOf(InvalidInputException.class);
    return ((InvalidInputException) thrown).errors().get(0).field();
  }

  private void at(long offsetMs) {
    ClockUtil.setCurrentTime(Date.from(T0.plusMillis(offsetMs)));
  }

  private String startVersion(int version, String businessKey) {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
        .processDefinitionVersion(version).singleResult().getId();
    return engine.getRuntimeService().startProcessInstanceById(definition, businessKey).getId();
  }

  private Task task(String instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey)
        .singleResult();
  }

  private void claim(String instance, String taskKey) {
    engine.getTaskService().claim(task(instance, taskKey).getId(), olga);
  }

  private void complete(String instance, String taskKey, boolean again) {
    engine.getTaskService().complete(task(instance, taskKey).getId(), Map.of("again", again));
  }

  /** The job executor fires the reminder once the engine clock has reached it. */
  private void awaitTimerFired(String instance) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> engine.getManagementService()
        .createJobQuery().processInstanceId(instance).timers().count() == 0);
  }

  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    return items.stream().collect(Collectors.toMap(id, Function.identity()));
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> get(String user, String path) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(auth(user)), Map.class);
  }

  private ResponseEntity<String> getText(String user, String path) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(auth(user)), String.class);
  }

  private static HttpHeaders auth(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, PASSWORD, StandardCharsets.UTF_8);
    return headers;
  }
}
