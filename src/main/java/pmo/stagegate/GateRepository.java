package pmo.stagegate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import pmo.project.Rag;

/**
 * Gate packages, must-meet checks and board decisions. Rows are inserted, never updated.
 *
 * <p>Longer than 200 lines because it holds all the SQL of the three gate tables, so that one column is added in one
 * file.
 */
@Repository
class GateRepository {

  private final JdbcClient jdbc;

  GateRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record PackageRow(long id, long projectId, Gate gate, int attempt, String summary, String links, Rag rag,
      String submittedBy, OffsetDateTime submittedAt, String processInstanceId) {
  }

  record DeliverableRow(long packageId, int position, String deliverable, String label, boolean delivered) {
  }

  record Ticked(Gate gate, String deliverable) {
  }

  record CheckRow(long id, long packageId, String occasion, boolean passed, String facts, OffsetDateTime checkedAt) {
  }

  record CriterionRow(long checkId, int position, String criterion, String label, boolean passed, String advice) {
  }

  record DecisionRow(long id, long packageId, long checkId, Gate gate, GateDecision decision, String notes,
      LocalDate holdUntil, BigDecimal totalScore, String decidedBy, OffsetDateTime decidedAt) {
  }

  record ScoreRow(long decisionId, int position, String criterion, String label, BigDecimal weight, int score) {
  }

  // --- packages

  int nextAttempt(long projectId, Gate gate) {
    return jdbc.sql("select coalesce(max(attempt), 0) + 1 from gate_package where project_id = :p and gate = :g")
        .param("p", projectId).param("g", gate.name()).query(Integer.class).single();
  }

  long insertPackage(long projectId, Gate gate, int attempt, GatePackageCommand p, String submitter,
      OffsetDateTime now, String processInstanceId) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into gate_package (project_id, gate, attempt, summary, links, rag, submitted_by, submitted_at,
                                      process_instance_id)
            values (:project, :gate, :attempt, :summary, :links, :rag, :by, :now, :pi)""")
        .param("project", projectId)
        .param("gate", gate.name())
        .param("attempt", attempt)
        .param("summary", p.summary())
        .param("links", p.links())
        .param("rag", p.rag().name())
        .param("by", submitter)
        .param("now", now)
        .param("pi", processInstanceId)
        .update(key, "id");
    return key.getKey().longValue();
  }

  void insertDeliverable(long packageId, int position, String deliverable, String label, boolean delivered) {
    jdbc.sql("""
            insert into gate_package_deliverable (package_id, position, deliverable, label, delivered)
            values (:package, :position, :deliverable, :label, :delivered)""")
        .param("package", packageId).param("position", position).param("deliverable", deliverable)
        .param("label", label).param("delivered", delivered).update();
  }

  Optional<PackageRow> findPackage(long id) {
    return jdbc.sql("select * from gate_package where id = :id").param("id", id).query(PackageRow.class).optional();
  }

  /** The latest package a gate review instance recorded. */
  Optional<PackageRow> latestPackageOfProcess(String processInstanceId) {
    return jdbc.sql("select * from gate_package where process_instance_id = :pi order by attempt desc")
        .param("pi", processInstanceId).query(PackageRow.class).stream().findFirst();
  }

  int latestAttempt(long projectId, Gate gate) {
    return nextAttempt(projectId, gate) - 1;
  }

  /** The deliverables ticked in the latest package of each gate of a project, as gate and deliverable key. */
  List<Ticked> deliveredInLatestPackages(long projectId) {
    return jdbc.sql("""
            select p.gate, d.deliverable from gate_package_deliverable d join gate_package p on p.id = d.package_id
             where p.project_id = :project and d.delivered
               and p.attempt = (select max(q.attempt) from gate_package q
                                 where q.project_id = p.project_id and q.gate = p.gate)""")
        .param("project", projectId).query(Ticked.class).list();
  }

  // --- must-meet checks

  long insertCheck(long packageId, long projectId, Gate gate, String occasion, boolean passed, String facts,
      OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into gate_check (package_id, project_id, gate, occasion, passed, facts, checked_at)
            values (:package, :project, :gate, :occasion, :passed, :facts, :now)""")
        .param("package", packageId).param("project", projectId).param("gate", gate.name())
        .param("occasion", occasion).param("passed", passed).param("facts", facts).param("now", now)
        .update(key, "id");
    return key.getKey().longValue();
  }

  void insertCriterion(long checkId, int position, CriterionResult r) {
    jdbc.sql("""
            insert into gate_check_criterion (check_id, position, criterion, label, passed, advice)
            values (:check, :position, :criterion, :label, :passed, :advice)""")
        .param("check", checkId).param("position", position).param("criterion", r.criterion())
        .param("label", r.label()).param("passed", r.passed()).param("advice", r.advice()).update();
  }

  // --- decisions

  long insertDecision(long packageId, long checkId, long projectId, Gate gate, GateDecision decision, String notes,
      LocalDate holdUntil, BigDecimal totalScore, String decidedBy, OffsetDateTime now, String processInstanceId) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into gate_decision (package_id, check_id, project_id, gate, decision, notes, hold_until,
                                       total_score, decided_by, decided_at, process_instance_id)
            values (:package, :check, :project, :gate, :decision, :notes, :hold, :score, :by, :now, :pi)""")
        .param("package", packageId).param("check", checkId).param("project", projectId).param("gate", gate.name())
        .param("decision", decision.name()).param("notes", notes).param("hold", holdUntil)
        .param("score", totalScore).param("by", decidedBy).param("now", now).param("pi", processInstanceId)
        .update(key, "id");
    return key.getKey().longValue();
  }

  void insertScore(long decisionId, int position, String criterion, String label, BigDecimal weight, int score) {
    jdbc.sql("""
            insert into gate_decision_score (decision_id, position, criterion, label, weight, score)
            values (:decision, :position, :criterion, :label, :weight, :score)""")
        .param("decision", decisionId).param("position", position).param("criterion", criterion)
        .param("label", label).param("weight", weight).param("score", score).update();
  }

  /** Whether the gate of this package was already decided Go or Kill (the review is over). */
  boolean gateClosed(long projectId, Gate gate) {
    return jdbc.sql("""
            select count(*) from gate_decision
             where project_id = :project and gate = :gate and decision in ('GO', 'KILL')""")
        .param("project", projectId).param("gate", gate.name()).query(Long.class).single() > 0;
  }

  boolean hasDecision(long packageId, GateDecision decision) {
    return jdbc.sql("select count(*) from gate_decision where package_id = :package and decision = :decision")
        .param("package", packageId).param("decision", decision.name()).query(Long.class).single() > 0;
  }

  // --- history of a project (a fixed number of queries, whatever the number of gates and packages)

  List<PackageRow> packages(long projectId) {
    return jdbc.sql("select * from gate_package where project_id = :p order by gate, attempt")
        .param("p", projectId).query(PackageRow.class).list();
  }

  List<DeliverableRow> deliverables(long projectId) {
    return jdbc.sql("""
            select d.* from gate_package_deliverable d join gate_package p on p.id = d.package_id
             where p.project_id = :p order by d.package_id, d.position""")
        .param("p", projectId).query(DeliverableRow.class).list();
  }

  List<CheckRow> checks(long projectId) {
    return jdbc.sql("select * from gate_check where project_id = :p order by id")
        .param("p", projectId).query(CheckRow.class).list();
  }

  List<CriterionRow> criteria(long projectId) {
    return jdbc.sql("""
            select r.* from gate_check_criterion r join gate_check c on c.id = r.check_id
             where c.project_id = :p order by r.check_id, r.position""")
        .param("p", projectId).query(CriterionRow.class).list();
  }

  List<DecisionRow> decisions(long projectId) {
    return jdbc.sql("select * from gate_decision where project_id = :p order by id")
        .param("p", projectId).query(DecisionRow.class).list();
  }

  List<ScoreRow> scores(long projectId) {
    return jdbc.sql("""
            select s.* from gate_decision_score s join gate_decision d on d.id = s.decision_id
             where d.project_id = :p order by s.decision_id, s.position""")
        .param("p", projectId).query(ScoreRow.class).list();
  }
}
