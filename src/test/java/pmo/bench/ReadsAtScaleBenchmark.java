package pmo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.IntegrationTest;
import pmo.audit.AuditSealer;
import pmo.audit.AuditService;
import pmo.audit.TestAction;
import pmo.platform.AuditEntry;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectDetails;
import pmo.project.ProjectService;

/**
 * Benchmark, not a test (excluded from the suite): reads of {@code /api} at the scale of issue 15 against a tenth of it
 * with the same data per project. Run it once per size, each against a database of its own (empty at the first run:
 * the data are generated then, 20,000 projects take about ten minutes; later runs reuse them):
 *
 * <pre>
 * createdb ... pmo_scale_tenth; createdb ... pmo_scale_full
 * PMO_TEST_DB_URL=jdbc:postgresql://127.0.0.1:55433/pmo_scale_tenth PMO_TEST_DB_USER=postgres PMO_TEST_DB_PASSWORD= \
 *   mvn test-compile surefire:test@default-test -Dtest=ReadsAtScaleBenchmark -DargLine="-Dpmo.bench.scale=0.1"
 * PMO_TEST_DB_URL=jdbc:postgresql://127.0.0.1:55433/pmo_scale_full PMO_TEST_DB_USER=postgres PMO_TEST_DB_PASSWORD= \
 *   mvn test-compile surefire:test@default-test -Dtest=ReadsAtScaleBenchmark -DargLine="-Dpmo.bench.scale=1"
 * </pre>
 *
 * Settings ({@code -DargLine="-D..."}): {@code pmo.bench.scale} (1 = 20,000 projects), {@code pmo.bench.seed} (42),
 * {@code pmo.bench.anchor} (the day the data are generated around; today), {@code pmo.bench.requests} per endpoint
 * (40, after 5 to warm up), {@code pmo.bench.label} (the name of the results, {@code scale-<scale>}),
 * {@code pmo.bench.baseline} (the label to compare with; {@code scale-0.1} when measuring another scale),
 * {@code pmo.bench.export} (true: also export the whole trail as CSV, watching the heap).
 *
 * <p>Every list, filter, heat map, timeline and detail endpoint is called one request after the other, as a PMO
 * analyst (reads every case), as a project manager (reads the cases of their 10 projects: {@code pm00001}) and as an
 * auditor (the audit trail), with parameters drawn from the data (seeded). It prints p50/p95/max per endpoint and,
 * with a baseline, the ratio of the p95s; raw results go to {@code target/bench/reads-<label>.csv}. Then the
 * incremental verification of 1,000 new events after a checkpoint and (optionally) the export's heap.
 */
class ReadsAtScaleBenchmark extends IntegrationTest {

  static final String PMO = "bench-pmo";
  static final String AUDITOR = "bench-auditor";
  static final String MANAGER = ScaleData.manager(0);

  @Autowired
  DataSource dataSource;
  @Autowired
  ProjectService projects;
  @Autowired
  AuditService audit;
  @Autowired
  AuditSealer sealer;
  @Autowired
  TransactionTemplate transaction;
  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> report = new ArrayList<>();

  /**
   * A database generated once is measured again by later code: its migrations may have come in after ones with higher
   * numbers that it already holds (merged from other branches), so they are applied out of order. The process
   * analytics' indexer (which reads the history of every instance once) does not run: on generated data its first run
   * would index 200,000 instances in the background while the reads are measured.
   */
  @DynamicPropertySource
  static void benchmarkSettings(DynamicPropertyRegistry registry) {
    registry.add("spring.flyway.out-of-order", () -> "true");
    registry.add("pmo.improvement.analytics.index-interval", () -> "PT24H");
  }

  @Test
  void readsAtScale() throws Exception {
    double scale = Double.parseDouble(System.getProperty("pmo.bench.scale", "0.1"));
    ScaleData.Settings settings = new ScaleData.Settings(scale, Long.getLong("pmo.bench.seed", 42),
        LocalDate.parse(System.getProperty("pmo.bench.anchor", LocalDate.now(ZoneOffset.UTC).toString())));
    user(PMO, Roles.REQUESTERS, Roles.PMO);
    user(AUDITOR, Roles.AUDITORS);
    user(MANAGER, Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    generateUnlessThere(settings);
    Samples samples = new Samples(jdbc);
    String label = System.getProperty("pmo.bench.label", "scale-" + scale);
    List<Result> results = measure(samples, Integer.getInteger("pmo.bench.requests", 40));
    results.add(incrementalVerification());
    if (Boolean.getBoolean("pmo.bench.export")) {
      results.add(export());
    }
    write(label, results);
    compare(label, results, System.getProperty("pmo.bench.baseline", scale == 0.1 ? null : "scale-0.1"));
    report.forEach(System.out::println);
  }

  // --- the data

  private void generateUnlessThere(ScaleData.Settings settings) throws Exception {
    jdbc.sql("""
        create table if not exists bench_scale (scale numeric not null, seed bigint not null, anchor date not null,
            generated_at timestamp with time zone not null, seconds numeric not null, summary text not null)""")
        .update();
    var existing = jdbc.sql("select scale, seed, anchor, summary from bench_scale").query().listOfRows();
    if (!existing.isEmpty()) {
      var row = existing.get(0);
      assertThat(((BigDecimal) row.get("scale")).doubleValue()).as("this database holds another scale")
          .isEqualTo(settings.scale());
      report.add("Data: generated before (" + row.get("summary") + ")");
      return;
    }
    long start = System.nanoTime();
    ScaleData.Template risk = riskTemplate(settings.seed());
    ScaleData.Template change = changeTemplate(settings.seed());
    report.add("Template rows per risk instance: " + risk.engine().rowCounts());
    report.add("Template rows per change request instance: " + change.engine().rowCounts());
    sealer.sealNow();
    Map<String, Long> rows = new ScaleData(dataSource, settings, risk, change, line -> {
      System.out.println(line);
      report.add(line);
    }).generate();
    long copied = System.nanoTime();
    try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
      connection.setAutoCommit(true);
      s.execute("vacuum analyze");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String summary = String.format("%,d projects, seed %d, anchor %s: %.0f s (COPY %.0f s, vacuum analyze %.0f s)",
        settings.projects(), settings.seed(), settings.anchor(), seconds, (copied - start) / 1e9,
        (System.nanoTime() - copied) / 1e9);
    jdbc.sql("insert into bench_scale values (:scale, :seed, :anchor, now(), :seconds, :summary)")
        .param("scale", settings.scale()).param("seed", settings.seed()).param("anchor", settings.anchor())
        .param("seconds", seconds).param("summary", summary).update();
    report.add("Data: " + summary);
    report.add("Rows: " + rows);
    openTasksAreTheEngines();
  }

  /** A raised risk waiting for its assessment: a real process instance, started as a member of staff would. */
  private ScaleData.Template riskTemplate(long seed) throws SQLException {
    Map<String, String> people = templatePeople();
    long project = templateProject(people);
    String title = "TPLRISKTITLE";
    Map<String, Object> vars = new HashMap<>();
    vars.put("projectId", project);
    vars.put("title", title);
    vars.put("description", "A risk of the template");
    vars.put("category", "SUPPLIER");
    vars.put("cause", "A cause");
    vars.put("effect", "An effect");
    vars.put("owner", people.get("owner"));
    String pi = start(people.get("requester"), "risk-escalation", vars).getId();
    long riskId = jdbc.sql("select id from risk where process_instance_id = :pi").param("pi", pi)
        .query(Long.class).single();
    return template(pi, "End_RiskClosed", seed * 2 + 1, riskId, "R-" + riskId, title, project, people);
  }

  /** A change request waiting for its impact assessment. */
  private ScaleData.Template changeTemplate(long seed) throws SQLException {
    Map<String, String> people = templatePeople();
    long project = templateProject(people);
    String title = "TPLCHANGETITLE";
    Map<String, Object> vars = new HashMap<>();
    vars.put("projectId", project);
    vars.put("title", title);
    vars.put("description", "A change of the template");
    vars.put("reason", "A reason");
    vars.put("changeType", "normal");
    vars.put("costDelta", 1000);
    vars.put("scheduleDeltaDays", 2);
    vars.put("scopeChange", "More");
    vars.put("qualityImpact", "minor");
    vars.put("riskNotes", "None");
    String pi = start(people.get("requester"), "change-request", vars).getId();
    long id = jdbc.sql("select id from change_request where process_instance_id = :pi").param("pi", pi)
        .query(Long.class).single();
    return template(pi, "End_ChangeClosed", seed * 2 + 2, id, "CR-" + id, title, project, people);
  }

  private Map<String, String> templatePeople() {
    Map<String, String> people = new LinkedHashMap<>();
    people.put("manager", user("tplmanager", Roles.REQUESTERS, Roles.PROJECT_MANAGERS));
    people.put("requester", user("tplrequester", Roles.REQUESTERS));
    people.put("owner", user("tplowner", Roles.REQUESTERS));
    people.put("sponsor", user("tplsponsor", Roles.REQUESTERS, Roles.STEERING_COMMITTEE));
    return people;
  }

  private long templateProject(Map<String, String> people) {
    ProjectDetails created = projects.register(new NewProject(null, "TPLPROJECTNAME " + unique(), "Template",
        people.get("sponsor"), people.get("manager"), "IT", "Objective", new BigDecimal("100000.00"),
        LocalDate.now(), LocalDate.now().plusDays(100), "Template scope"));
    return created.project().id();
  }

  private ScaleData.Template template(String pi, String end, long seed, long caseId, String reference, String title,
      long project, Map<String, String> people) throws SQLException {
    var p = jdbc.sql("select code, name from project where id = :id").param("id", project).query().singleRow();
    try (Connection connection = dataSource.getConnection()) {
      return new ScaleData.Template(EngineTemplate.read(connection, pi, end, seed), caseId, reference, title,
          (String) p.get("code"), (String) p.get("name"), people);
    }
  }

  /**
   * The cloned open tasks are the engine's: the project manager sees theirs, and completing a cloned risk assessment
   * runs the real process on (the risk is assessed, its response is planned next).
   */
  private void openTasksAreTheEngines() {
    actAs(MANAGER);
    List<Task> mine;
    try {
      mine = engine.getTaskService().createTaskQuery().taskAssignee(MANAGER).listPage(0, 100);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(mine).as("two open tasks per project of " + MANAGER).hasSize(2 * 10);
    var risk = jdbc.sql("""
            select r.id, r.process_instance_id from risk r join project p on p.id = r.project_id
             where p.manager = :m and p.status = 'ACTIVE' and r.status = 'RAISED' order by r.id limit 1""")
        .param("m", MANAGER).query().singleRow();
    String pi = (String) risk.get("process_instance_id");
    complete(MANAGER, pi, Map.of("probability", 3, "impact", 4, "monetaryImpact", 50000,
        "assessmentComment", "Checked by the benchmark"));
    String status = jdbc.sql("select status from risk where id = :id").param("id", risk.get("id"))
        .query(String.class).single();
    assertThat(status).isEqualTo("ASSESSED");
    Task next = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(next.getTaskDefinitionKey()).isEqualTo("Task_PlanResponse");
    report.add("Open tasks: " + MANAGER + " sees " + mine.size() + "; a cloned risk assessment completed, the risk is "
        + status + ", next task " + next.getTaskDefinitionKey());
  }

  // --- the measurements

  /** Ids to ask for, drawn once from the data (not timed). */
  static final class Samples {
    final long[] projects;
    final long[] managerProjects;
    final List<Map<String, Object>> cases = new ArrayList<>();
    final String[] owners;
    final String[] managers;

    Samples(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
      projects = jdbc.sql("select id from project where code like 'PRJ-%' order by id").query(Long.class).list()
          .stream().mapToLong(Long::longValue).toArray();
      managerProjects = jdbc.sql("select id from project where manager = :m order by id").param("m", MANAGER)
          .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
      SplittableRandom random = new SplittableRandom(7);
      for (int n = 0; n < 60; n++) {
        long project = projects[random.nextInt(projects.length)];
        cases.add(jdbc.sql("""
                select p.id as project, p.manager,
                       (select min(id) from risk where project_id = p.id) as risk,
                       (select process_instance_id from risk where project_id = p.id and process_instance_id is not null
                         order by id limit 1) as pi,
                       (select min(id) from issue where project_id = p.id) as issue,
                       (select min(id) from change_request where project_id = p.id) as change,
                       (select min(owner) from risk where project_id = p.id) as owner
                  from project p where p.id = :p""").param("p", project).query().singleRow());
      }
      owners = cases.stream().map(c -> (String) c.get("owner")).toArray(String[]::new);
      managers = cases.stream().map(c -> (String) c.get("manager")).toArray(String[]::new);
    }

    Map<String, Object> at(int n) {
      return cases.get(n % cases.size());
    }
  }

  record Endpoint(String name, String user, IntFunction<String> path) {
  }

  record Result(String endpoint, String user, double p50, double p95, double max, String note) {
  }

  private List<Endpoint> endpoints(Samples s) {
    List<Endpoint> e = new ArrayList<>();
    String day = OffsetDateTime.now(ZoneOffset.UTC).minusDays(100).toLocalDate().toString();
    String weekLater = LocalDate.parse(day).plusDays(7).toString();
    for (String user : List.of(PMO, MANAGER)) {
      e.add(new Endpoint("projects", user, n -> "/api/projects"));
      e.add(new Endpoint("risks", user, n -> "/api/risks"));
      e.add(new Endpoint("risks?overdue=true", user, n -> "/api/risks?overdue=true"));
      e.add(new Endpoint("risks/heat-map", user, n -> "/api/risks/heat-map"));
      e.add(new Endpoint("issues", user, n -> "/api/issues"));
      e.add(new Endpoint("issues?overdue=true", user, n -> "/api/issues?overdue=true"));
      e.add(new Endpoint("change-requests", user, n -> "/api/change-requests"));
      e.add(new Endpoint("lessons", user, n -> "/api/lessons"));
    }
    e.add(new Endpoint("projects?stage=EXECUTION", PMO, n -> "/api/projects?stage=EXECUTION"));
    e.add(new Endpoint("projects?status=ON_HOLD", PMO, n -> "/api/projects?status=ON_HOLD"));
    e.add(new Endpoint("projects?manager=", PMO, n -> "/api/projects?manager=" + s.managers[n % s.managers.length]));
    e.add(new Endpoint("projects?category=IT", PMO, n -> "/api/projects?category=IT"));
    e.add(new Endpoint("projects?page=50", PMO, n -> "/api/projects?page=50"));
    e.add(new Endpoint("projects/{id}", PMO, n -> "/api/projects/" + s.at(n).get("project")));
    e.add(new Endpoint("projects/{id}/gates", PMO, n -> "/api/projects/" + s.at(n).get("project") + "/gates"));
    e.add(new Endpoint("risks?projectId=", PMO, n -> "/api/risks?projectId=" + s.at(n).get("project")));
    e.add(new Endpoint("risks?level=CRITICAL", PMO, n -> "/api/risks?level=CRITICAL"));
    e.add(new Endpoint("risks?status=ESCALATED", PMO, n -> "/api/risks?status=ESCALATED"));
    e.add(new Endpoint("risks?owner=", PMO, n -> "/api/risks?owner=" + s.owners[n % s.owners.length]));
    e.add(new Endpoint("risks?category=SUPPLIER", PMO, n -> "/api/risks?category=SUPPLIER"));
    e.add(new Endpoint("risks?overdue=false", PMO, n -> "/api/risks?overdue=false"));
    e.add(new Endpoint("risks?level=HIGH&overdue=true", PMO, n -> "/api/risks?level=HIGH&overdue=true"));
    e.add(new Endpoint("risks/heat-map?projectId=", PMO, n -> "/api/risks/heat-map?projectId="
        + s.at(n).get("project")));
    e.add(new Endpoint("risks/{id}", PMO, n -> "/api/risks/" + s.at(n).get("risk")));
    e.add(new Endpoint("issues?projectId=", PMO, n -> "/api/issues?projectId=" + s.at(n).get("project")));
    e.add(new Endpoint("issues?severity=CRITICAL", PMO, n -> "/api/issues?severity=CRITICAL"));
    e.add(new Endpoint("issues?status=ESCALATED", PMO, n -> "/api/issues?status=ESCALATED"));
    e.add(new Endpoint("issues/{id}", PMO, n -> "/api/issues/" + s.at(n).get("issue")));
    e.add(new Endpoint("change-requests?project=", PMO, n -> "/api/change-requests?project="
        + s.at(n).get("project")));
    e.add(new Endpoint("change-requests?status=SUBMITTED", PMO, n -> "/api/change-requests?status=SUBMITTED"));
    e.add(new Endpoint("change-requests?type=EMERGENCY", PMO, n -> "/api/change-requests?type=EMERGENCY"));
    e.add(new Endpoint("change-requests/{id}", PMO, n -> "/api/change-requests/" + s.at(n).get("change")));
    e.add(new Endpoint("lessons?q=vendor contract", PMO, n -> "/api/lessons?q=" + encode("vendor contract")));
    e.add(new Endpoint("lessons?q=<word>", PMO, n -> "/api/lessons?q="
        + ScaleData.WORDS[n % ScaleData.WORDS.length]));
    e.add(new Endpoint("lessons?category=IT", PMO, n -> "/api/lessons?category=IT"));
    e.add(new Endpoint("lessons?tag=vendor", PMO, n -> "/api/lessons?tag=vendor"));
    e.add(new Endpoint("lessons?q=&category=&tag=", PMO, n -> "/api/lessons?q=" + ScaleData.WORDS[n % 20]
        + "&category=IT&tag=to-improve"));
    e.add(new Endpoint("projects/{id} (own)", MANAGER, n -> "/api/projects/"
        + s.managerProjects[n % s.managerProjects.length]));
    e.add(new Endpoint("risks?projectId= (own)", MANAGER, n -> "/api/risks?projectId="
        + s.managerProjects[n % s.managerProjects.length]));
    e.add(new Endpoint("projects/{id}/gates (own)", MANAGER, n -> "/api/projects/"
        + s.managerProjects[n % s.managerProjects.length] + "/gates"));
    e.add(new Endpoint("audit", AUDITOR, n -> "/api/audit"));
    e.add(new Endpoint("audit?page=20", AUDITOR, n -> "/api/audit?page=20"));
    e.add(new Endpoint("audit?projectId=", AUDITOR, n -> "/api/audit?projectId=" + s.at(n).get("project")));
    e.add(new Endpoint("audit?processInstanceId=", AUDITOR, n -> "/api/audit?processInstanceId="
        + s.at(n).get("pi")));
    e.add(new Endpoint("audit?actor=system", AUDITOR, n -> "/api/audit?actor=system"));
    e.add(new Endpoint("audit?actor=<manager>", AUDITOR, n -> "/api/audit?actor=" + s.managers[n % s.managers.length]));
    e.add(new Endpoint("audit?action=RISK_ESCALATED", AUDITOR, n -> "/api/audit?action=RISK_ESCALATED"));
    e.add(new Endpoint("audit?action=TASK_COMPLETED", AUDITOR, n -> "/api/audit?action=TASK_COMPLETED"));
    e.add(new Endpoint("audit?entityType=RISK&entityId=", AUDITOR, n -> "/api/audit?entityType=RISK&entityId="
        + s.at(n).get("risk")));
    e.add(new Endpoint("audit?entityType=RISK", AUDITOR, n -> "/api/audit?entityType=RISK"));
    e.add(new Endpoint("audit?from=&to= (a week)", AUDITOR, n -> "/api/audit?from=" + day + "T00:00:00Z&to="
        + weekLater + "T00:00:00Z"));
    e.add(new Endpoint("audit?action=&from=&to=", AUDITOR, n -> "/api/audit?action=RISK_ASSESSED&from=" + day
        + "T00:00:00Z&to=" + weekLater + "T00:00:00Z"));
    e.add(new Endpoint("audit/projects/{id}/timeline", AUDITOR, n -> "/api/audit/projects/" + s.at(n).get("project")
        + "/timeline"));
    return e;
  }

  /**
   * Round after round, one request per endpoint each round, so that whatever else the machine does meanwhile spreads
   * over all endpoints alike; three rounds to warm up first.
   */
  private List<Result> measure(Samples samples, int requests) throws Exception {
    List<Endpoint> endpoints = endpoints(samples);
    for (int round = 0; round < 3; round++) {
      for (Endpoint endpoint : endpoints) {
        get(endpoint.user(), endpoint.path().apply(1000 + round));
      }
    }
    double[][] millis = new double[endpoints.size()][requests];
    String[] notes = new String[endpoints.size()];
    for (int n = 0; n < requests; n++) {
      for (int e = 0; e < endpoints.size(); e++) {
        Endpoint endpoint = endpoints.get(e);
        long start = System.nanoTime();
        String body = get(endpoint.user(), endpoint.path().apply(n));
        millis[e][n] = (System.nanoTime() - start) / 1e6;
        if (n == 0) {
          notes[e] = total(body);
        }
      }
    }
    List<Result> results = new ArrayList<>();
    for (int e = 0; e < endpoints.size(); e++) {
      Arrays.sort(millis[e]);
      Result result = new Result(endpoints.get(e).name(), endpoints.get(e).user(), percentile(millis[e], 50),
          percentile(millis[e], 95), millis[e][requests - 1], notes[e]);
      results.add(result);
      System.out.printf("%-36s %-14s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  %s%n", result.endpoint(),
          result.user(), result.p50(), result.p95(), result.max(), result.note());
    }
    return results;
  }

  /** 1,000 new events sealed after a checkpoint, then {@code GET /api/audit/verify}; five rounds. */
  private Result incrementalVerification() throws Exception {
    get(AUDITOR, "/api/audit/verify"); // a checkpoint (the first time: a walk of the whole chain)
    double[] millis = new double[5];
    String note = "";
    for (int round = 0; round < millis.length; round++) {
      for (int i = 0; i < 1_000; i++) {
        int n = i;
        transaction.executeWithoutResult(s -> audit.record(AuditEntry.created(
            new TestAction("BENCH_APPENDED", "BENCH"), n, null, Map.of("n", n))));
      }
      sealer.sealNow();
      long start = System.nanoTime();
      note = get(AUDITOR, "/api/audit/verify");
      millis[round] = (System.nanoTime() - start) / 1e6;
      assertThat(note).contains("\"intact\":true");
    }
    Arrays.sort(millis);
    System.out.println("verify after 1,000 new events: " + Arrays.toString(millis) + " " + note);
    return new Result("audit/verify (1,000 new events)", AUDITOR, percentile(millis, 50), percentile(millis, 95),
        millis[millis.length - 1], note.replace(',', ';'));
  }

  /** The whole trail as CSV, read and dropped by the client, with the heap sampled meanwhile. */
  private Result export() throws Exception {
    var memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.start();
    long start = System.nanoTime();
    HttpResponse<InputStream> response = http.send(request(AUDITOR, "/api/audit/export"),
        HttpResponse.BodyHandlers.ofInputStream());
    long bytes = 0;
    long lines = 0;
    byte[] buffer = new byte[65536];
    try (InputStream in = response.body()) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes += n;
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    double millis = (System.nanoTime() - start) / 1e6;
    sampler.interrupt();
    sampler.join();
    String note = String.format("%,d lines, %,d MB, heap before %,d MB, peak %,d MB", lines, bytes >> 20,
        before >> 20, peak.get() >> 20);
    System.out.println("export: " + millis + " ms, " + note);
    return new Result("audit/export (whole trail)", AUDITOR, millis, millis, millis, note.replace(",", ""));
  }

  private String get(String user, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request(user, path), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + " as " + user + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private HttpRequest request(String user, String path) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + credentials).GET().build();
  }

  private static String total(String body) {
    int at = body.indexOf("\"total\":");
    if (at < 0) {
      return "";
    }
    int end = at + 8;
    while (end < body.length() && (Character.isDigit(body.charAt(end)))) {
      end++;
    }
    return "total " + body.substring(at + 8, end);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static double percentile(double[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  // --- results

  private static Path file(String label) {
    return Path.of("target", "bench", "reads-" + label + ".csv");
  }

  private void write(String label, List<Result> results) throws IOException {
    Files.createDirectories(file(label).getParent());
    List<String> lines = new ArrayList<>();
    lines.add("endpoint,user,p50_ms,p95_ms,max_ms,note");
    for (Result r : results) {
      lines.add(String.format("%s,%s,%.1f,%.1f,%.1f,%s", r.endpoint().replace(',', ';'), r.user(), r.p50(), r.p95(),
          r.max(), r.note()));
    }
    Files.write(file(label), lines);
    report.add("Results: " + file(label).toAbsolutePath());
  }

  private void compare(String label, List<Result> results, String baselineLabel) throws IOException {
    Map<String, Double> baseline = new HashMap<>();
    if (baselineLabel != null && Files.exists(file(baselineLabel))) {
      for (String line : Files.readAllLines(file(baselineLabel)).subList(1, Files.readAllLines(file(baselineLabel))
          .size())) {
        String[] f = line.split(",", -1);
        baseline.put(f[0] + "|" + f[1], Double.parseDouble(f[3]));
      }
    }
    report.add("");
    report.add(String.format("| endpoint | user | p50 ms | p95 ms | %s |", baseline.isEmpty() ? "note"
        : "p95 " + baselineLabel + " ms | ratio"));
    report.add(baseline.isEmpty() ? "|---|---|---|---|---|" : "|---|---|---|---|---|---|");
    for (Result r : results) {
      Double before = baseline.get(r.endpoint().replace(',', ';') + "|" + r.user());
      report.add(baseline.isEmpty()
          ? String.format("| %s | %s | %.1f | %.1f | %s |", r.endpoint(), r.user(), r.p50(), r.p95(), r.note())
          : String.format("| %s | %s | %.1f | %.1f | %s | %s |", r.endpoint(), r.user(), r.p50(), r.p95(),
              before == null ? "" : String.format("%.1f", before),
              before == null ? "" : String.format("%.1f×", r.p95() / before)));
    }
  }
}
