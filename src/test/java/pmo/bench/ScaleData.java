package pmo.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import javax.sql.DataSource;
import pmo.audit.AuditHash;

/**
 * The scale data of issue 15, written straight into PostgreSQL with COPY, reproducible from a seed: for every project
 * the same data, so a tenth of the projects is a tenth of everything, with the same per project, per manager and per
 * case (the baseline of "does not grow with the total"). Per project:
 *
 * <ul>
 *   <li>the project (stage, status, manager, sponsor, category), 1 to 3 baseline versions, its approved proposal;
 *   <li>10 risks: one raised and waiting for its assessment (a running process instance with its open task), six
 *       closed, accepted, materialised or cancelled (a finished process instance each), three open and assessed
 *       (monitoring or escalated, due dates around the anchor day: some overdue) without a process instance; their
 *       assessments and escalations;
 *   <li>5 change requests: one submitted and waiting for its impact assessment (running, an open task), four decided
 *       (finished instances), with their approvals;
 *   <li>5 issues, 2 lessons learned with tags, the gate packages, checks and decisions of the gates it has passed;
 *   <li>100 audit events, chained (the generator computes the hash chain with {@link AuditHash}, in the order the
 *       sealer would, continuing the chain already in the database).
 * </ul>
 *
 * People: a project manager per 10 projects ({@code pm00001} manages the first 10), a sponsor per 20, a member of
 * staff per 4 (raising and owning cases). Engine rows (open tasks and historic process instances) are clones of real
 * process instances, see {@link EngineTemplate}. All times are relative to the anchor day.
 */
final class ScaleData {

  static final int RISKS = 10;
  static final int RUNNING_RISKS = 1;
  static final int FINISHED_RISKS = 6;
  static final int CHANGES = 5;
  static final int FINISHED_CHANGES = 4;
  static final int ISSUES = 5;
  static final int LESSONS = 2;
  static final int AUDIT_EVENTS = 100;
  static final int BASELINES = 3;

  /** The advisory lock the sealer takes (pmo.audit.AuditSealer.LOCK_KEY, "PMOAUDIT"): no sealing while we chain. */
  static final long SEALING_LOCK = 0x504d4f4155444954L;

  static final String[] CATEGORIES = {"IT", "INFRASTRUCTURE", "PRODUCT", "REGULATORY", "PROCESS_IMPROVEMENT",
      "RESEARCH"};
  static final String[] RISK_CATEGORIES = {"TECHNICAL", "SCHEDULE", "COST", "RESOURCES", "SUPPLIER", "REGULATORY",
      "SECURITY", "EXTERNAL"};
  static final String[] WORDS = ("vendor contract licence supplier delay budget scope quality testing migration "
      + "data security access network cloud server database integration interface training users adoption "
      + "stakeholder sponsor steering approval change schedule milestone resource capacity skills onboarding "
      + "handover operations support documentation requirements design architecture prototype pilot rollout "
      + "regulation compliance audit privacy risk issue escalation communication reporting dashboard forecast "
      + "estimate cost overrun procurement tender negotiation warranty maintenance performance latency outage "
      + "backup recovery incident monitoring automation deployment release version upgrade legacy retirement "
      + "workshop feedback survey acceptance criteria benefit value strategy portfolio priority dependency "
      + "planning review lesson experience team morale turnover contractor offshore timezone travel hardware")
      .split(" ");
  static final String[] TAGS = {"went-well", "to-improve", "vendor", "schedule", "budget", "quality", "people",
      "communication", "technical", "regulatory", "security", "data", "testing", "procurement", "stakeholders"};

  /** What to generate: {@code scale} 1 is the issue's 20,000 projects; 0.1 the tenth. */
  record Settings(double scale, long seed, LocalDate anchor) {

    int projects() {
      return (int) Math.round(20_000 * scale);
    }
  }

  /** The real process instances the engine rows are cloned from, with what in them stands for their case. */
  record Template(EngineTemplate engine, long caseId, String caseReference, String title, String projectCode,
      String projectName, Map<String, String> people) {
  }

  /** First ids of each table (the generated rows take the ids after what is there). */
  private record Bases(long project, long baseline, long proposal, long risk, long assessment, long escalation,
      long issue, long change, long approval, long lesson, long gatePackage, long gateCheck, long gateDecision) {
  }

  private final DataSource dataSource;
  private final Settings settings;
  private final Template riskTemplate;
  private final Template changeTemplate;
  private final Consumer<String> log;
  private final OffsetDateTime anchor;
  private Bases bases;

  ScaleData(DataSource dataSource, Settings settings, Template riskTemplate, Template changeTemplate,
      Consumer<String> log) {
    this.dataSource = dataSource;
    this.settings = settings;
    this.riskTemplate = riskTemplate;
    this.changeTemplate = changeTemplate;
    this.log = log;
    this.anchor = settings.anchor().atTime(12, 0).atOffset(ZoneOffset.UTC);
  }

  static String manager(int project) {
    return String.format("pm%05d", project / 10 + 1);
  }

  static String sponsor(int project) {
    return String.format("sp%05d", project / 20 + 1);
  }

  private String staff(SplittableRandom random) {
    return String.format("st%05d", random.nextInt(Math.max(1, settings.projects() / 4)) + 1);
  }

  /** Generates everything; returns rows per table. */
  Map<String, Long> generate() throws SQLException {
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      bases = bases(connection);
      int n = settings.projects();
      timed(rows, "project", () -> copy(connection, "project", Plan.PROJECT_COLUMNS, p -> List.<Object[]>of(p.project)));
      timed(rows, "project_baseline", () -> copy(connection, "project_baseline", Plan.BASELINE_COLUMNS,
          p -> p.baselines));
      timed(rows, "project_proposal", () -> copy(connection, "project_proposal", Plan.PROPOSAL_COLUMNS,
          p -> List.<Object[]>of(p.proposal)));
      timed(rows, "issue", () -> copy(connection, "issue", Plan.ISSUE_COLUMNS, p -> p.issues));
      timed(rows, "risk", () -> copy(connection, "risk", Plan.RISK_COLUMNS, p -> p.risks));
      timed(rows, "risk_assessment", () -> copy(connection, "risk_assessment", Plan.ASSESSMENT_COLUMNS,
          p -> p.assessments));
      timed(rows, "escalation", () -> copy(connection, "escalation", Plan.ESCALATION_COLUMNS, p -> p.escalations));
      timed(rows, "change_request", () -> copy(connection, "change_request", Plan.CHANGE_COLUMNS, p -> p.changes));
      timed(rows, "change_approval", () -> copy(connection, "change_approval", Plan.APPROVAL_COLUMNS,
          p -> p.approvals));
      timed(rows, "lesson", () -> copy(connection, "lesson", Plan.LESSON_COLUMNS, p -> p.lessons));
      timed(rows, "lesson_tag", () -> copy(connection, "lesson_tag", new String[] {"lesson_id", "tag"},
          p -> p.lessonTags));
      timed(rows, "gate_package", () -> copy(connection, "gate_package", Plan.PACKAGE_COLUMNS, p -> p.packages));
      timed(rows, "gate_check", () -> copy(connection, "gate_check", Plan.CHECK_COLUMNS, p -> p.checks));
      timed(rows, "gate_decision", () -> copy(connection, "gate_decision", Plan.DECISION_COLUMNS, p -> p.decisions));
      timed(rows, "engine rows of risks (" + n * (RUNNING_RISKS + FINISHED_RISKS) + " instances)",
          () -> riskTemplate.engine().write(connection, n * (RUNNING_RISKS + FINISHED_RISKS), this::riskClone));
      timed(rows, "engine rows of change requests (" + n * CHANGES + " instances)",
          () -> changeTemplate.engine().write(connection, n * CHANGES, this::changeClone));
      timed(rows, "audit_event", () -> auditEvents(connection));
      resetSequences(connection);
      connection.commit();
    }
    return rows;
  }

  private interface Step {
    long run() throws SQLException;
  }

  private void timed(Map<String, Long> rows, String what, Step step) throws SQLException {
    long start = System.nanoTime();
    long written = step.run();
    rows.put(what, written);
    log.accept(String.format("  %-50s %,12d rows %7.1f s", what, written, (System.nanoTime() - start) / 1e9));
  }

  private long copy(Connection connection, String table, String[] columns,
      java.util.function.Function<Plan, List<Object[]>> rowsOf) {
    try (Copy copy = new Copy(connection, table, columns)) {
      for (int i = 0; i < settings.projects(); i++) {
        for (Object[] row : rowsOf.apply(plan(i))) {
          copy.row(row);
        }
      }
      return copy.rows();
    }
  }

  private Bases bases(Connection connection) throws SQLException {
    return new Bases(next(connection, "project"), next(connection, "project_baseline"),
        next(connection, "project_proposal"), next(connection, "risk"), next(connection, "risk_assessment"),
        next(connection, "escalation"), next(connection, "issue"), next(connection, "change_request"),
        next(connection, "change_approval"), next(connection, "lesson"), next(connection, "gate_package"),
        next(connection, "gate_check"), next(connection, "gate_decision"));
  }

  private static long next(Connection connection, String table) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void resetSequences(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String table : List.of("project", "project_baseline", "project_proposal", "risk", "risk_assessment",
          "escalation", "issue", "change_request", "change_approval", "lesson", "gate_package", "gate_check",
          "gate_decision")) {
        s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table
            + "))");
      }
    }
  }

  // --- one project's rows, the same every time for the same seed and project number

  private int cachedIndex = -1;
  private Plan cachedPlan;

  private Plan plan(int i) {
    if (i != cachedIndex) {
      cachedPlan = new Plan(i);
      cachedIndex = i;
    }
    return cachedPlan;
  }

  private SplittableRandom random(int project, int stream) {
    return new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + project * 31L + stream);
  }

  private OffsetDateTime daysBefore(SplittableRandom random, int from, int to) {
    return anchor.minusSeconds(random.nextLong(from * 86_400L, to * 86_400L + 1)).truncatedTo(ChronoUnit.MILLIS);
  }

  private static <T> T pick(SplittableRandom random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String words(SplittableRandom random, int min, int max) {
    int n = random.nextInt(min, max + 1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      // a skewed choice: the first words are the most frequent, as in real text
      int w = (int) (WORDS.length * Math.pow(random.nextDouble(), 2));
      text.append(i == 0 ? "" : " ").append(WORDS[w]);
    }
    return text.toString();
  }

  static String level(int score) {
    return score <= 4 ? "LOW" : score <= 9 ? "MEDIUM" : score <= 15 ? "HIGH" : "CRITICAL";
  }

  private static final double[] FRACTIONS = {0.1, 0.3, 0.5, 0.7, 0.9};

  long projectId(int i) {
    return bases.project() + i;
  }

  long riskId(int i, int j) {
    return bases.risk() + (long) i * RISKS + j;
  }

  long changeId(int i, int j) {
    return bases.change() + (long) i * CHANGES + j;
  }

  long issueId(int i, int j) {
    return bases.issue() + (long) i * ISSUES + j;
  }

  /** Every row of project i. */
  private final class Plan {

    static final String[] PROJECT_COLUMNS = {"id", "code", "name", "description", "sponsor", "manager", "category",
        "strategic_objective", "stage", "status", "rag", "start_date", "finish_date", "created_at", "updated_at",
        "row_version"};
    static final String[] BASELINE_COLUMNS = {"id", "project_id", "version", "budget_at_completion", "planned_start",
        "planned_finish", "scope_summary", "reason", "change_request_id", "created_by", "created_at"};
    static final String[] PROPOSAL_COLUMNS = {"id", "title", "business_case", "sponsor", "category",
        "estimated_budget", "estimated_months", "strategic_objective", "expected_benefits", "requester", "status",
        "decision_reason", "project_manager", "planned_start", "project_id", "process_instance_id", "created_at",
        "updated_at"};
    static final String[] RISK_COLUMNS = {"id", "project_id", "title", "description", "category", "cause", "effect",
        "probability", "impact", "score", "level", "monetary_impact", "exposure", "owner", "raised_by",
        "response_strategy", "response_plan", "due_date", "residual_probability", "residual_impact", "status",
        "escalation_level", "closure_reason", "process_instance_id", "created_at", "updated_at", "row_version"};
    static final String[] ASSESSMENT_COLUMNS = {"id", "risk_id", "kind", "probability", "impact", "score", "level",
        "monetary_impact", "exposure", "decision", "comment", "assessed_by", "assessed_at"};
    static final String[] ESCALATION_COLUMNS = {"id", "entity_type", "entity_id", "project_id", "level",
        "escalated_to", "escalated_to_type", "rule", "missed_deadline", "reason", "respond_by", "escalated_at",
        "escalated_by"};
    static final String[] ISSUE_COLUMNS = {"id", "project_id", "title", "description", "severity", "owner",
        "raised_by", "due_at", "status", "escalation_level", "triaged_by", "resolution", "resolved_by", "resolved_at",
        "created_at", "updated_at", "row_version"};
    static final String[] CHANGE_COLUMNS = {"id", "project_id", "title", "description", "reason", "change_type",
        "requester", "status", "cost_delta", "schedule_delta_days", "scope_change", "quality_impact", "risk_notes",
        "assessed_by", "assessment_comment", "assessed_baseline", "cost_delta_pct", "schedule_delta_pct", "route",
        "route_decision_key", "route_decision_version", "round", "outcome_reason", "new_baseline_version",
        "implemented_by", "verified_by", "process_instance_id", "created_at", "updated_at"};
    static final String[] APPROVAL_COLUMNS = {"id", "change_request_id", "round", "stage", "approver",
        "approver_group", "decision", "comment", "decided_at"};
    static final String[] LESSON_COLUMNS = {"id", "project_id", "category", "tags", "text", "author", "created_at"};
    static final String[] PACKAGE_COLUMNS = {"id", "project_id", "gate", "attempt", "summary", "rag", "submitted_by",
        "submitted_at"};
    static final String[] CHECK_COLUMNS = {"id", "package_id", "project_id", "gate", "occasion", "passed", "facts",
        "checked_at"};
    static final String[] DECISION_COLUMNS = {"id", "package_id", "check_id", "project_id", "gate", "decision",
        "notes", "total_score", "decided_by", "decided_at"};

    final Object[] project;
    final List<Object[]> baselines = new ArrayList<>();
    final Object[] proposal;
    final List<Object[]> risks = new ArrayList<>();
    final List<Object[]> assessments = new ArrayList<>();
    final List<Object[]> escalations = new ArrayList<>();
    final List<Object[]> issues = new ArrayList<>();
    final List<Object[]> changes = new ArrayList<>();
    final List<Object[]> approvals = new ArrayList<>();
    final List<Object[]> lessons = new ArrayList<>();
    final List<Object[]> lessonTags = new ArrayList<>();
    final List<Object[]> packages = new ArrayList<>();
    final List<Object[]> checks = new ArrayList<>();
    final List<Object[]> decisions = new ArrayList<>();
    /** Per risk and change request: title, raised by, owner (risks), for the engine clones. */
    final String[][] riskPeople = new String[RISKS][];
    final String[][] changePeople = new String[CHANGES][];
    final OffsetDateTime created;
    final String code;
    final String name;

    Plan(int i) {
      SplittableRandom r = random(i, 0);
      long id = projectId(i);
      String manager = manager(i);
      String sponsor = sponsor(i);
      String category = pick(r, CATEGORIES);
      int stageRoll = r.nextInt(100);
      String stage = stageRoll < 15 ? "INITIATION" : stageRoll < 35 ? "PLANNING" : stageRoll < 80 ? "EXECUTION"
          : stageRoll < 90 ? "CLOSURE" : "CLOSED";
      int statusRoll = r.nextInt(100);
      String status = stage.equals("CLOSED") ? (statusRoll < 85 ? "COMPLETED" : "CANCELLED")
          : statusRoll < 5 ? "ON_HOLD" : statusRoll < 9 ? "CANCELLED" : "ACTIVE";
      created = daysBefore(r, 60, 1100);
      LocalDate start = created.toLocalDate().plusDays(r.nextInt(0, 30));
      LocalDate finish = start.plusDays(r.nextInt(90, 720));
      code = String.format("PRJ-%05d", id);
      name = capital(words(r, 2, 3)) + " " + (i + 1);
      project = new Object[] {id, code, name, "Generated project " + (i + 1) + ": " + words(r, 8, 20), sponsor,
          manager, category, "Objective " + (1 + r.nextInt(12)), stage, status, pick(r, new String[] {"GREEN",
          "GREEN", "AMBER", "RED"}), start, finish, created, created.plusDays(r.nextInt(0, 50)), 0};

      BigDecimal budget = BigDecimal.valueOf(r.nextLong(50_000, 5_000_000)).setScale(2, RoundingMode.HALF_UP);
      int versions = 1 + r.nextInt(BASELINES);
      for (int v = 1; v <= versions; v++) {
        baselines.add(new Object[] {bases.baseline() + (long) i * BASELINES + v - 1, id, v,
            budget.add(BigDecimal.valueOf((v - 1) * 25_000L)), start, finish.plusDays((v - 1) * 14L),
            "Scope: " + words(r, 5, 15), v == 1 ? "Initial baseline" : "Approved change", null,
            v == 1 ? "system" : manager, created.plusDays(v - 1)});
      }
      proposal = new Object[] {bases.proposal() + i, name, "Business case: " + words(r, 10, 30), sponsor, category,
          budget, r.nextInt(3, 36), "Objective", words(r, 5, 12), staff(r), "APPROVED", "Fits the strategy",
          manager, start, id, uuid(r), created.minusDays(20), created};

      for (int j = 0; j < RISKS; j++) {
        risk(i, j, id, manager, r);
      }
      for (int j = 0; j < ISSUES; j++) {
        issue(i, j, id, r);
      }
      for (int j = 0; j < CHANGES; j++) {
        change(i, j, id, manager, sponsor, r);
      }
      for (int j = 0; j < LESSONS; j++) {
        long lessonId = bases.lesson() + (long) i * LESSONS + j;
        List<String> tags = new ArrayList<>();
        tags.add(j == 0 ? "went-well" : "to-improve");
        for (int t = r.nextInt(1, 3); t > 0; t--) {
          String tag = pick(r, TAGS);
          if (!tags.contains(tag)) {
            tags.add(tag);
          }
        }
        lessons.add(new Object[] {lessonId, id, category, String.join(" ", tags), capital(words(r, 12, 40)) + ".",
            manager, created.plusDays(r.nextInt(30, 400))});
        tags.forEach(tag -> lessonTags.add(new Object[] {lessonId, tag}));
      }
      int gates = switch (stage) {
        case "INITIATION" -> 0;
        case "PLANNING" -> 1;
        case "EXECUTION" -> 2;
        default -> 3;
      };
      for (int g = 0; g < gates; g++) {
        long slot = (long) i * 3 + g;
        String gate = "G" + (g + 1);
        OffsetDateTime at = created.plusDays(30L * (g + 1));
        packages.add(new Object[] {bases.gatePackage() + slot, id, gate, 1, "Package: " + words(r, 6, 15),
            "GREEN", manager, at});
        checks.add(new Object[] {bases.gateCheck() + slot, bases.gatePackage() + slot, id, gate, "DECISION", true,
            "{\"baselineSet\":true,\"openRisks\":" + r.nextInt(10) + "}", at.plusDays(2)});
        decisions.add(new Object[] {bases.gateDecision() + slot, bases.gatePackage() + slot,
            bases.gateCheck() + slot, id, gate, "GO", "Go: " + words(r, 3, 8),
            BigDecimal.valueOf(r.nextInt(300, 500), 2), g == 1 ? sponsor : "pmo-lead", at.plusDays(2)});
      }
    }

    private void risk(int i, int j, long projectId, String manager, SplittableRandom r) {
      long id = riskId(i, j);
      String title = capital(words(r, 3, 6));
      String raisedBy = staff(r);
      String owner = staff(r);
      riskPeople[j] = new String[] {title, raisedBy, owner, manager};
      OffsetDateTime raised = created.plusDays(r.nextInt(1, 50));
      boolean running = j < RUNNING_RISKS;
      boolean finished = !running && j < RUNNING_RISKS + FINISHED_RISKS;
      String status;
      if (running) {
        status = "RAISED";
        raised = daysBefore(r, 1, 60);
      } else if (finished) {
        int roll = r.nextInt(100);
        status = roll < 50 ? "CLOSED" : roll < 80 ? "ACCEPTED" : roll < 90 ? "MATERIALISED" : "CANCELLED";
      } else {
        status = r.nextInt(100) < 15 ? "ESCALATED" : r.nextInt(100) < 50 ? "MONITORING" : "ASSESSED";
      }
      Integer probability = null;
      Integer impact = null;
      Integer score = null;
      String level = null;
      BigDecimal money = null;
      BigDecimal exposure = null;
      String strategy = null;
      String plan = null;
      LocalDate due = null;
      if (!running) {
        probability = r.nextInt(1, 6);
        impact = r.nextInt(1, 6);
        score = probability * impact;
        level = level(score);
        money = BigDecimal.valueOf(r.nextLong(1_000, 500_000)).setScale(2, RoundingMode.HALF_UP);
        exposure = money.multiply(BigDecimal.valueOf(FRACTIONS[probability - 1])).setScale(2, RoundingMode.HALF_UP);
        strategy = pick(r, new String[] {"AVOID", "MITIGATE", "TRANSFER", "ACCEPT"});
        plan = "Response: " + words(r, 5, 15);
        // open risks: due within 60 days either side of the anchor (about half overdue)
        due = finished ? raised.toLocalDate().plusDays(r.nextInt(10, 90))
            : anchor.toLocalDate().plusDays(r.nextInt(-60, 61));
        long assessment = bases.assessment() + ((long) i * RISKS + j) * 2;
        assessments.add(new Object[] {assessment, id, "INITIAL", probability, impact, score, level, money, exposure,
            null, "Initial assessment", manager, raised.plusDays(2)});
        if (r.nextInt(100) < 30) {
          int p2 = Math.max(1, probability - 1);
          assessments.add(new Object[] {assessment + 1, id, "RESIDUAL", p2, impact, p2 * impact, level(p2 * impact),
              money, money.multiply(BigDecimal.valueOf(FRACTIONS[p2 - 1])).setScale(2, RoundingMode.HALF_UP), null,
              "Residual", owner, raised.plusDays(20)});
        }
      }
      int escalationLevel = status.equals("ESCALATED") ? 1 + r.nextInt(2) : 0;
      if (escalationLevel > 0) {
        escalations.add(new Object[] {bases.escalation() + (long) i * RISKS + j, "RISK", id, projectId,
            escalationLevel, escalationLevel == 1 ? "pmo" : "steering-committee", "GROUP",
            "risk-escalation-level/Rule_StillHigh", due.atStartOfDay().atOffset(ZoneOffset.UTC), "Still high",
            anchor.plusDays(5), anchor.minusDays(r.nextInt(1, 20)), "system"});
      }
      String processInstanceId = running || finished
          ? riskTemplate.engine().processInstanceIdOf(riskCloneNumber(i, j)) : null;
      risks.add(new Object[] {id, projectId, title, "Risk: " + words(r, 8, 25), pick(r, RISK_CATEGORIES),
          "Cause: " + words(r, 3, 8), "Effect: " + words(r, 3, 8), probability, impact, score, level, money,
          exposure, owner, raisedBy, strategy, plan, due, null, null, status, escalationLevel,
          finished ? "Closed: " + words(r, 2, 6) : null, processInstanceId, raised, raised.plusDays(3), 0});
    }

    private void issue(int i, int j, long projectId, SplittableRandom r) {
      OffsetDateTime raised = created.plusDays(r.nextInt(1, 300));
      if (raised.isAfter(anchor)) {
        raised = anchor.minusDays(r.nextInt(1, 30));
      }
      String severity = pick(r, new String[] {"LOW", "MEDIUM", "MEDIUM", "HIGH", "CRITICAL"});
      int roll = r.nextInt(100);
      String status = roll < 20 ? "OPEN" : roll < 40 ? "TRIAGED" : roll < 50 ? "ESCALATED" : roll < 75 ? "RESOLVED"
          : "CLOSED";
      boolean resolved = status.equals("RESOLVED") || status.equals("CLOSED");
      String owner = staff(r);
      issues.add(new Object[] {issueId(i, j), projectId, capital(words(r, 3, 6)), "Issue: " + words(r, 8, 20),
          severity, owner, staff(r), raised.plusDays(r.nextInt(1, 40)), status,
          status.equals("ESCALATED") ? 1 : 0, status.equals("OPEN") ? null : manager(i),
          resolved ? "Resolved: " + words(r, 3, 8) : null, resolved ? owner : null,
          resolved ? raised.plusDays(5) : null, raised, raised.plusDays(1), 0});
    }

    private void change(int i, int j, long projectId, String manager, String sponsor, SplittableRandom r) {
      long id = changeId(i, j);
      String title = capital(words(r, 3, 6));
      String requester = staff(r);
      changePeople[j] = new String[] {title, requester, null, manager};
      boolean running = j == 0;
      OffsetDateTime raised = running ? daysBefore(r, 1, 60) : created.plusDays(r.nextInt(10, 400));
      if (raised.isAfter(anchor)) {
        raised = anchor.minusDays(r.nextInt(1, 30));
      }
      String type = pick(r, new String[] {"STANDARD", "NORMAL", "NORMAL", "NORMAL", "EMERGENCY"});
      String status = running ? "SUBMITTED" : pick(r, new String[] {"CLOSED", "CLOSED", "REJECTED", "CANCELLED"});
      String route = running ? null : type.equals("EMERGENCY") ? "EMERGENCY"
          : type.equals("STANDARD") ? "PRE_APPROVED" : pick(r, new String[] {"PMO", "BOARD", "BOARD_AND_STEERING"});
      BigDecimal cost = BigDecimal.valueOf(r.nextLong(-20_000, 200_000)).setScale(2, RoundingMode.HALF_UP);
      changes.add(new Object[] {id, projectId, title, "Change: " + words(r, 8, 20), "Because " + words(r, 4, 10),
          type, requester, status, cost, r.nextInt(-10, 60), "Scope: " + words(r, 3, 8),
          pick(r, new String[] {"NONE", "MINOR", "MAJOR"}), null, running ? null : manager,
          running ? null : "Assessed", running ? null : 1, running ? null : BigDecimal.valueOf(r.nextInt(0, 3000), 2),
          running ? null : BigDecimal.valueOf(r.nextInt(0, 3000), 2), route,
          running ? null : "change-approval-route", running ? null : 1, 1,
          status.equals("REJECTED") ? "Not worth it" : null, status.equals("CLOSED") ? 2 : null,
          status.equals("CLOSED") ? manager : null, status.equals("CLOSED") ? requester : null,
          changeTemplate.engine().processInstanceIdOf(changeCloneNumber(i, j)), raised, raised.plusDays(7)});
      if (!running && route != null && !route.equals("PRE_APPROVED")) {
        String stage = route.equals("EMERGENCY") ? "EXPEDITED" : route.equals("PMO") ? "PMO" : "BOARD";
        String group = stage.equals("BOARD") ? "change-board" : "pmo";
        approvals.add(new Object[] {bases.approval() + (long) i * CHANGES * 2 + j * 2L, id, 1, stage,
            stage.equals("BOARD") ? "cb" + (1 + r.nextInt(5)) : "pmo-lead", group,
            status.equals("REJECTED") ? "REJECT" : "APPROVE", "Decided", raised.plusDays(3)});
        if (route.equals("BOARD_AND_STEERING") && !status.equals("REJECTED")) {
          approvals.add(new Object[] {bases.approval() + (long) i * CHANGES * 2 + j * 2L + 1, id, 1, "STEERING",
              sponsor, "steering-committee", "APPROVE", "Funded", raised.plusDays(5)});
        }
      }
    }
  }

  private static String capital(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String uuid(SplittableRandom r) {
    return new java.util.UUID((r.nextLong() & ~0xF000L) | 0x4000L,
        (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
  }

  // --- engine clones: risk j of project i is clone i * 7 + j of the risk template (j < 7), change j clone i * 5 + j

  static int riskCloneNumber(int i, int j) {
    return i * (RUNNING_RISKS + FINISHED_RISKS) + j;
  }

  static int changeCloneNumber(int i, int j) {
    return i * CHANGES + j;
  }

  private EngineTemplate.Clone riskClone(int n) {
    int i = n / (RUNNING_RISKS + FINISHED_RISKS);
    int j = n % (RUNNING_RISKS + FINISHED_RISKS);
    Plan plan = plan(i);
    String[] people = plan.riskPeople[j];
    return clone(riskTemplate, n, i, j >= RUNNING_RISKS, "R-" + riskId(i, j), people, plan);
  }

  private EngineTemplate.Clone changeClone(int n) {
    int i = n / CHANGES;
    int j = n % CHANGES;
    Plan plan = plan(i);
    return clone(changeTemplate, n, i, j > 0, "CR-" + changeId(i, j), plan.changePeople[j], plan);
  }

  /** people: title, raised by / requester, owner (or null), manager. */
  private EngineTemplate.Clone clone(Template template, int n, int i, boolean finished, String reference,
      String[] people, Plan plan) {
    SplittableRandom r = random(i, 1000 + n % 1000);
    Map<String, String> who = new LinkedHashMap<>();
    who.put(template.people().get("requester"), people[1]);
    if (template.people().containsKey("owner")) {
      who.put(template.people().get("owner"), people[2]);
    }
    who.put(template.people().get("manager"), people[3]);
    Map<String, String> text = new LinkedHashMap<>();
    text.put(template.caseReference() + ":", reference + ":");
    text.put(template.title(), people[0]);
    text.put(template.projectCode(), plan.code);
    text.put(template.projectName(), plan.name);
    OffsetDateTime start = finished ? daysBefore(r, 60, 1000) : daysBefore(r, 1, 60);
    Duration shift = Duration.between(templateStart(template), start.toLocalDateTime());
    return new EngineTemplate.Clone(n, who, projectId(i), text, shift, finished,
        Duration.ofMinutes(r.nextLong(60, 30L * 24 * 60)));
  }

  private final Map<Template, java.time.LocalDateTime> templateStarts = new java.util.HashMap<>();

  private java.time.LocalDateTime templateStart(Template template) {
    return templateStarts.computeIfAbsent(template, t -> t.engine().started());
  }

  // --- the audit trail: events in time order, chained as the sealer would

  private long auditEvents(Connection connection) throws SQLException {
    int projects = settings.projects();
    int total = projects * AUDIT_EVENTS;
    // each event of each project gets a time; all of them in time order are the order of the chain
    long[] keys = new long[total];
    long anchorSecond = anchor.toEpochSecond();
    for (int i = 0; i < projects; i++) {
      SplittableRandom r = random(i, 2);
      long from = plan(i).created.toEpochSecond();
      for (int k = 0; k < AUDIT_EVENTS; k++) {
        long at = from + r.nextLong(Math.max(1, anchorSecond - from));
        keys[i * AUDIT_EVENTS + k] = ((anchorSecond - at) << 22) | ((long) i << 7) | k;
      }
    }
    Arrays.sort(keys);
    try (Statement lock = connection.createStatement()) {
      lock.execute("select pg_advisory_xact_lock(" + SEALING_LOCK + ")");
    }
    long seq;
    String previous;
    try (Statement s = connection.createStatement();
        ResultSet head = s.executeQuery("select last_seq, last_hash from audit_chain_head where id = 1")) {
      head.next();
      seq = head.getLong(1);
      previous = head.getString(2);
    }
    try (PreparedStatement unsealed = connection.prepareStatement(
        "select count(*) from audit_event where seq is null");
        ResultSet rs = unsealed.executeQuery()) {
      rs.next();
      if (rs.getLong(1) > 0) {
        throw new IllegalStateException("seal the trail first: " + rs.getLong(1) + " unsealed events");
      }
    }
    long written;
    try (Copy copy = new Copy(connection, "audit_event", "occurred_at", "actor", "action", "entity_type",
        "entity_id", "project_id", "before_state", "after_state", "process_instance_id", "task_id", "seq",
        "prev_hash", "hash")) {
      // oldest first: the keys sort newest first (smallest distance to the anchor), so walk them backwards
      for (int x = total - 1; x >= 0; x--) {
        long key = keys[x];
        int k = (int) (key & 0x7F);
        int i = (int) ((key >>> 7) & 0x7FFF);
        OffsetDateTime at = anchor.minusSeconds(key >>> 22)
            .plusNanos(random(i, 3000 + k).nextInt(1000) * 1_000_000L);
        Object[] e = event(i, k, at);
        seq++;
        String hash = AuditHash.of(seq, at, (String) e[0], (String) e[1], (String) e[2], (String) e[3], (Long) e[4],
            (String) e[5], (String) e[6], (String) e[7], (String) e[8], previous);
        copy.row(at, e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], seq, previous, hash);
        previous = hash;
      }
      written = copy.rows();
    }
    try (PreparedStatement head = connection.prepareStatement(
        "update audit_chain_head set last_seq = ?, last_hash = ? where id = 1")) {
      head.setLong(1, seq);
      head.setString(2, previous);
      head.executeUpdate();
    }
    return written;
  }

  /** Event k of project i: actor, action, entity type, entity id, project, before, after, process, task. */
  private Object[] event(int i, int k, OffsetDateTime at) {
    SplittableRandom r = random(i, 2000 + k);
    long project = projectId(i);
    int roll = r.nextInt(100);
    String manager = manager(i);
    if (k == 0) {
      return new Object[] {"pmo-lead", "PROJECT_REGISTERED", "PROJECT", String.valueOf(project), project, null,
          "{\"id\":" + project + ",\"manager\":\"" + manager + "\",\"stage\":\"INITIATION\"}", null, null};
    }
    if (roll < 30) {
      boolean risk = r.nextBoolean();
      String pi = risk ? riskTemplate.engine().processInstanceIdOf(riskCloneNumber(i, r.nextInt(7)))
          : changeTemplate.engine().processInstanceIdOf(changeCloneNumber(i, r.nextInt(CHANGES)));
      String task = uuid(r);
      return new Object[] {manager, "TASK_COMPLETED", "TASK", task, project, null,
          "{\"name\":\"" + (risk ? "Assess risk" : "Assess impact") + "\",\"form\":{\"comment\":\"" + words(r, 4, 12)
              + "\"}}", pi, task};
    }
    if (roll < 45) {
      boolean risk = r.nextBoolean();
      String pi = risk ? riskTemplate.engine().processInstanceIdOf(riskCloneNumber(i, r.nextInt(7)))
          : changeTemplate.engine().processInstanceIdOf(changeCloneNumber(i, r.nextInt(CHANGES)));
      String decision = risk ? "risk-level" : "change-approval-route";
      return new Object[] {"system", "DECISION_EVALUATED", "DECISION", decision + ":1", project, null,
          "{\"decision\":\"" + decision + "\",\"version\":1,\"inputs\":{\"score\":" + r.nextInt(1, 26)
              + "},\"outputs\":[{\"result\":\"" + pick(r, new String[] {"LOW", "MEDIUM", "HIGH", "PMO", "BOARD"})
              + "\"}]}", pi, null};
    }
    String[][] domain = {
        {"RISK_RAISED", "RISK"}, {"RISK_RAISED", "RISK"}, {"RISK_ASSESSED", "RISK"}, {"RISK_ASSESSED", "RISK"},
        {"CHANGE_REQUEST_RAISED", "CHANGE_REQUEST"}, {"ISSUE_RAISED", "ISSUE"}, {"RISK_RESPONSE_PLANNED", "RISK"},
        {"CHANGE_REQUEST_ASSESSED", "CHANGE_REQUEST"}, {"ISSUE_TRIAGED", "ISSUE"}, {"RISK_RESIDUAL_REPORTED", "RISK"},
        {"CHANGE_REQUEST_ROUTED", "CHANGE_REQUEST"}, {"NOTICE_QUEUED", "NOTICE"}, {"ISSUE_RESOLVED", "ISSUE"},
        {"RISK_CLOSED", "RISK"}, {"CHANGE_REQUEST_APPROVED", "CHANGE_REQUEST"},
        {"BASELINE_CREATED", "PROJECT_BASELINE"}, {"PROJECT_STAGE_CHANGED", "PROJECT"},
        {"GATE_PACKAGE_SUBMITTED", "GATE_PACKAGE"}, {"GATE_DECIDED", "GATE_DECISION"}, {"LESSON_RECORDED", "LESSON"},
        {"RISK_ESCALATED", "RISK"}};
    // rare actions (escalations, gate decisions, lessons) stay rare: a skewed pick over the list above
    String[] action = domain[(int) (domain.length * Math.pow(r.nextDouble(), 2.5))];
    String entityId;
    String pi = null;
    switch (action[1]) {
      case "RISK" -> {
        int j = r.nextInt(RISKS);
        entityId = String.valueOf(riskId(i, j));
        if (j < RUNNING_RISKS + FINISHED_RISKS) {
          pi = riskTemplate.engine().processInstanceIdOf(riskCloneNumber(i, j));
        }
      }
      case "CHANGE_REQUEST" -> {
        int j = r.nextInt(CHANGES);
        entityId = String.valueOf(changeId(i, j));
        pi = changeTemplate.engine().processInstanceIdOf(changeCloneNumber(i, j));
      }
      case "ISSUE" -> entityId = String.valueOf(issueId(i, r.nextInt(ISSUES)));
      case "PROJECT" -> entityId = String.valueOf(project);
      default -> entityId = String.valueOf(r.nextLong(1, 10_000_000));
    }
    String actor = r.nextInt(100) < 40 ? "system" : r.nextBoolean() ? manager : staff(r);
    String after = "{\"id\":" + entityId + ",\"projectId\":" + project + ",\"status\":\"" + action[0]
        .substring(action[0].lastIndexOf('_') + 1) + "\",\"title\":\"" + words(r, 3, 6) + "\",\"note\":\""
        + words(r, 5, 25) + "\",\"updatedAt\":\"" + at + "\"}";
    String before = action[0].endsWith("RAISED") || action[0].endsWith("RECORDED") ? null
        : "{\"id\":" + entityId + ",\"status\":\"OPEN\"}";
    return new Object[] {actor, action[0], action[1], entityId, project, before, after, pi, null};
  }
}
