package pmo.performance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.ConflictException;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.platform.engine.CurrentActor;
import pmo.platform.engine.SystemActions;
import pmo.platform.identity.Directory;
import pmo.project.Project;
import pmo.risk.NewRisk;
import pmo.risk.Risk;
import pmo.risk.RiskRaising;

/**
 * Improvement plans, one per breach episode: opened with a risk raised through the risk process (in the project
 * manager's name, assessed: probability 4, impact 3), drafted and agreed in improvement-plan.bpmn, closed when the
 * KPIs recover or the project stops. Each write locks the plan row and is audited.
 *
 * <p>Longer than 200 lines: one short method per step of the plan's life, kept together as one table's writes.
 */
@Service
class ImprovementPlans {

  static final int RISK_PROBABILITY = 4;
  static final int RISK_IMPACT = 3;

  private final ImprovementPlanRepository plans;
  private final RiskRaising risks;
  private final SystemActions system;
  private final Directory directory;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final Clock clock;

  ImprovementPlans(ImprovementPlanRepository plans, RiskRaising risks, SystemActions system, Directory directory,
      AuditLog audit, CurrentActor actor, Clock clock) {
    this.plans = plans;
    this.risks = risks;
    this.system = system;
    this.directory = directory;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  Long openPlanOf(long projectId) {
    return plans.openOfProject(projectId).orElse(null);
  }

  /** Opens the plan of a new breach episode; the caller holds the project's lock. Returns the plan's id. */
  @Transactional
  public long open(Project project, StatusReport report, String breach) {
    long id = plans.insert(project.id(), truncate(breach, 500), report.id(), now());
    boolean schedule = breach.contains("SPI");
    Risk risk = risks.raiseOnBehalfOf(new NewRisk(project.id(), truncate("Performance breach: " + breach, 200),
        "The status report of " + report.statusDate() + " shows the KPIs in the red band: " + breach
            + ". An improvement plan is opened.", schedule ? "SCHEDULE" : "COST",
        "Performance below the thresholds", schedule ? "Late delivery" : "Cost overrun", project.manager(), null,
        RISK_PROBABILITY, RISK_IMPACT, null), project.manager());
    // the plan's reference (PIP-n) is its process's business key and the first word of its tasks' names
    String processInstanceId = system.startProcess(ImprovementPlanProcess.KEY, "PIP-" + id,
        ImprovementPlanProcess.startVariables(project.manager(), "Improvement plan " + project.code() + ": " + breach,
            breach));
    plans.update(id, Map.of("process_instance_id", processInstanceId, "risk_id", risk.id()));
    audit.record(AuditEntry.created(PerformanceAudit.IMPROVEMENT_PLAN_OPENED, id, project.id(), get(id)));
    return id;
  }

  /** Step "Record plan": the actions as drafted, one per line {@code action | owner | yyyy-mm-dd}. */
  @Transactional
  public ImprovementPlan recordDraft(long id, String text) {
    ImprovementPlan before = lock(id, ImprovementPlan.DRAFTING);
    InputErrors errors = new InputErrors();
    List<ImprovementPlan.Action> actions = parse(text, errors);
    errors.throwIfAny();
    plans.replaceActions(id, actions);
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("status", ImprovementPlan.IN_AGREEMENT);
    set.put("actions", text.trim());
    set.put("drafted_by", actor.id());
    set.put("drafted_at", now());
    return write(before, set, PerformanceAudit.IMPROVEMENT_PLAN_DRAFTED);
  }

  /** Step "Record PMO decision": agree, or send back for rework with the reason. */
  @Transactional
  public ImprovementPlan decide(long id, PlanDecision decision, String comment) {
    ImprovementPlan before = lock(id, ImprovementPlan.IN_AGREEMENT);
    InputErrors errors = new InputErrors();
    errors.require(decision != null, ImprovementPlanProcess.PMO_DECISION.name(), "is required");
    errors.require(decision != PlanDecision.REWORK || (comment != null && !comment.isBlank()),
        ImprovementPlanProcess.PMO_COMMENT.name(), "is required when sending the plan back");
    errors.require(comment == null || comment.length() <= 2000, ImprovementPlanProcess.PMO_COMMENT.name(),
        "must be at most 2000 characters");
    errors.throwIfAny();
    boolean agree = decision == PlanDecision.AGREE;
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("status", agree ? ImprovementPlan.AGREED : ImprovementPlan.DRAFTING);
    set.put("pmo_decision", decision.name());
    set.put("pmo_comment", comment);
    if (agree) {
      set.put("agreed_by", actor.id());
      set.put("agreed_at", now());
    }
    return write(before, set, agree ? PerformanceAudit.IMPROVEMENT_PLAN_AGREED
        : PerformanceAudit.IMPROVEMENT_PLAN_SENT_BACK);
  }

  /** The KPIs are green again: the plan closes and its process, if still drafting or in agreement, ends. */
  @Transactional
  public void closeRecovered(long id, StatusReport report) {
    close(id, "KPIs recovered at the status report of " + report.statusDate() + " (SPI " + report.spi() + ", CPI "
        + report.cpi() + ")", report.id());
  }

  @Transactional
  public void close(long id, String reason, Long reportId) {
    ImprovementPlan before = plans.lock(id).orElseThrow(() -> new NotFoundException("improvement plan", id));
    if (ImprovementPlan.CLOSED.equals(before.status())) {
      return;
    }
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("status", ImprovementPlan.CLOSED);
    set.put("closed_reason", truncate(reason, 500));
    set.put("closed_at", now());
    set.put("closed_by_report_id", reportId);
    write(before, set, PerformanceAudit.IMPROVEMENT_PLAN_CLOSED);
    system.endProcess(before.processInstanceId(), truncate(reason, 500));
  }

  @Transactional(readOnly = true)
  public ImprovementPlan get(long id) {
    return plans.find(id).orElseThrow(() -> new NotFoundException("improvement plan", id));
  }

  @Transactional(readOnly = true)
  public long idOfProcess(String processInstanceId) {
    return plans.idOfProcess(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "process instance " + processInstanceId + " runs no improvement plan"));
  }

  @Transactional(readOnly = true)
  public ImprovementPlan.Details details(long id) {
    return new ImprovementPlan.Details(get(id), plans.actions(id), plans.followUps(id));
  }

  private List<ImprovementPlan.Action> parse(String text, InputErrors errors) {
    String field = ImprovementPlanProcess.ACTIONS.name();
    List<ImprovementPlan.Action> actions = new ArrayList<>();
    if (text == null || text.isBlank()) {
      errors.add(field, "is required: at least one action, one per line as 'action | owner | yyyy-mm-dd'");
      return actions;
    }
    LocalDate today = LocalDate.now(clock);
    int line = 0;
    for (String row : text.split("\\R")) {
      line++;
      if (row.isBlank()) {
        continue;
      }
      String[] parts = row.split("\\|", -1);
      if (parts.length != 3 || parts[0].isBlank() || parts[0].trim().length() > 500) {
        errors.add(field, "line " + line + ": write 'action | owner | yyyy-mm-dd' (the action at most 500 characters)");
        continue;
      }
      String owner = parts[1].trim();
      if (!directory.userExists(owner)) {
        errors.add(field, "line " + line + ": unknown owner '" + owner + "'");
        continue;
      }
      try {
        LocalDate due = LocalDate.parse(parts[2].trim());
        if (due.isBefore(today)) {
          errors.add(field, "line " + line + ": the due date " + due + " is in the past");
          continue;
        }
        actions.add(new ImprovementPlan.Action(actions.size() + 1, parts[0].trim(), owner, due));
      } catch (DateTimeParseException e) {
        errors.add(field, "line " + line + ": the due date is written yyyy-mm-dd ('" + parts[2].trim() + "')");
      }
    }
    if (actions.isEmpty() && errors.isEmpty()) {
      errors.add(field, "is required: at least one action");
    }
    return actions;
  }

  private ImprovementPlan lock(long id, String expected) {
    ImprovementPlan plan = plans.lock(id).orElseThrow(() -> new NotFoundException("improvement plan", id));
    if (!expected.equals(plan.status())) {
      throw new ConflictException("improvement plan " + id + " is " + plan.status() + ", not " + expected);
    }
    return plan;
  }

  private ImprovementPlan write(ImprovementPlan before, Map<String, Object> set, PerformanceAudit action) {
    plans.update(before.id(), set);
    ImprovementPlan after = get(before.id());
    audit.record(AuditEntry.changed(action, before.id(), before.projectId(), before, after));
    return after;
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
