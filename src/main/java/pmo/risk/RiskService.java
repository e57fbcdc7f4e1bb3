package pmo.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import pmo.issue.Issue;
import pmo.issue.IssueService;
import pmo.issue.IssueSeverity;
import pmo.issue.NewIssue;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.CommandValidator;
import pmo.platform.ForbiddenActionException;
import pmo.platform.InputErrors;
import pmo.platform.engine.CurrentActor;
import pmo.platform.engine.SystemActions;
import pmo.platform.identity.Directory;
import pmo.project.ProjectCancelled;
import pmo.project.ProjectService;

/**
 * The risk register's writes from raising to the owner's residual report, one per step of risk-escalation.bpmn: raise,
 * assess, plan the response, report the residual assessment or that the risk materialised, and cancellation with the
 * project (the escalation steps are {@link RiskEscalationService}). Each checks its input, locks the risk row, writes
 * it (and the assessment history) and an audit event in the step's transaction. The level always comes from
 * risk-level.dmn: the process evaluates it and passes it in.
 *
 * <p>Longer than 200 lines: one short method per step of the risk process, kept together as one register's writes.
 */
@Service
public class RiskService {

  public static final String ENTITY = "RISK";

  private final RiskRepository risks;
  private final RiskRecords records;
  private final ProjectService projects;
  private final IssueService issues;
  private final SystemActions processes;
  private final AuditLog audit;
  private final CommandValidator validator;
  private final Directory directory;
  private final RiskSettings settings;
  private final CurrentActor actor;
  private final Clock clock;

  RiskService(RiskRepository risks, RiskRecords records, ProjectService projects, IssueService issues,
      SystemActions processes, AuditLog audit, CommandValidator validator, Directory directory,
      RiskSettings settings, CurrentActor actor, Clock clock) {
    this.risks = risks;
    this.records = records;
    this.projects = projects;
    this.issues = issues;
    this.processes = processes;
    this.audit = audit;
    this.validator = validator;
    this.directory = directory;
    this.settings = settings;
    this.actor = actor;
    this.clock = clock;
  }

  /**
   * Checks a new risk: its fields, a running project, a known category, an existing owner, a due date not in the
   * past, and the initial assessment: probability and impact together, both required with {@code assessmentRequired}.
   */
  public InputErrors check(NewRisk risk, boolean assessmentRequired) {
    InputErrors errors = validator.check(risk);
    if (!errors.has("projectId")) {
      projects.checkRunning(errors, "projectId", risk.projectId(), IssueService.RUNNING_PROJECT_NEEDED);
    }
    if (risk.category() != null && !errors.has("category") && !settings.categories().contains(risk.category())) {
      errors.add("category", "must be one of " + settings.categories());
    }
    if (!errors.has("owner")) {
      directory.checkUser(errors, "owner", risk.owner(), null);
    }
    if (risk.dueDate() != null && risk.dueDate().isBefore(today())) {
      errors.add("dueDate", "must not be in the past");
    }
    if (assessmentRequired || risk.isAssessed()) {
      String reason = assessmentRequired ? "is required" : "is required with the other of probability and impact";
      errors.require(risk.probability() != null || errors.has("probability"), "probability", reason);
      errors.require(risk.impact() != null || errors.has("impact"), "impact", reason);
    }
    return errors;
  }

  /**
   * Step "Record risk": the risk as raised (with its initial assessment if it came with one), by the user who started
   * the process (the authenticated user, never a variable).
   */
  @Transactional
  public Risk record(NewRisk risk, String processInstanceId) {
    String raisedBy = actor.id();
    if (CurrentActor.SYSTEM.equals(raisedBy)) {
      throw new ForbiddenActionException("a risk is raised by a user: start the process as that user");
    }
    check(risk, false).throwIfAny();
    long id = risks.insert(risk, raisedBy, processInstanceId, records.now());
    Risk created = records.find(id);
    audit.record(AuditEntry.created(RiskAudit.RISK_RAISED, id, risk.projectId(), created));
    return created;
  }

  /** The risk a process instance runs (its first step recorded it with the instance's id). */
  @Transactional(readOnly = true)
  public long idOfProcess(String processInstanceId) {
    return risks.idOfProcess(processInstanceId).orElseThrow(
        () -> new IllegalStateException("process instance " + processInstanceId + " has recorded no risk"));
  }

  /** The project's manager, who assesses its risks; null when it has none (then any project manager may). */
  public String projectManager(long projectId) {
    return projects.find(projectId).manager();
  }

  /** Step "Record assessment": the initial assessment with the level risk-level.dmn gave for it. */
  @Transactional
  public Risk assess(long id, Integer probability, Integer impact, BigDecimal monetaryImpact, RiskLevel level,
      String comment) {
    Risk before = records.lock(id, RiskStatus.RAISED);
    checkAssessment(probability, impact, monetaryImpact, comment, "assessmentComment");
    Map<String, Object> set = assessment(probability, impact, monetaryImpact, level);
    set.put("status", RiskStatus.ASSESSED.name());
    Risk after = records.write(before, set, RiskAudit.RISK_ASSESSED);
    risks.insertAssessment(id, AssessmentKind.INITIAL, after, null, comment, actor.id(), records.now());
    return after;
  }

  /** Step "Record response": strategy, plan and the date by which the response is to be in place. */
  @Transactional
  public Risk planResponse(long id, ResponseStrategy strategy, String plan, LocalDate dueDate) {
    Risk before = records.lock(id, RiskStatus.ASSESSED);
    InputErrors errors = new InputErrors();
    errors.require(strategy != null, RiskProcess.RESPONSE_STRATEGY.name(), "is required");
    errors.requireText(plan, "responsePlan", 4000);
    errors.require(dueDate != null, "dueDate", "is required");
    errors.require(dueDate == null || !dueDate.isBefore(today()), "dueDate", "must not be in the past");
    errors.throwIfAny();
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("response_strategy", strategy.name());
    set.put("response_plan", plan);
    set.put("due_date", dueDate);
    set.put("status", RiskStatus.MONITORING.name());
    return records.write(before, set, RiskAudit.RISK_RESPONSE_PLANNED);
  }

  /** Step "Record residual assessment": the owner's assessment after the response becomes the current one. */
  @Transactional
  public Risk reportResidual(long id, Integer probability, Integer impact, RiskLevel level, String comment) {
    Risk before = records.lock(id, RiskStatus.MONITORING);
    checkAssessment(probability, impact, null, comment, "residualComment");
    Map<String, Object> set = assessment(probability, impact, before.monetaryImpact(), level);
    set.put("residual_probability", probability);
    set.put("residual_impact", impact);
    Risk after = records.write(before, set, RiskAudit.RISK_RESIDUAL_REPORTED);
    risks.insertAssessment(id, AssessmentKind.RESIDUAL, after, null, comment, actor.id(), records.now());
    return after;
  }

  /**
   * Step "Turn into issue": the risk has materialised. Raises the issue (through the issue process, owned by the
   * risk's owner, severity as given or the risk's level) and closes the risk as MATERIALISED, pointing at the issue.
   */
  @Transactional
  public Issue materialise(long id, IssueSeverity chosen, String comment) {
    Risk before = records.lock(id, RiskStatus.MONITORING);
    // the four levels and the four severities have the same names
    IssueSeverity severity = chosen != null ? chosen : IssueSeverity.valueOf(before.level().name());
    String description = "Materialised risk " + before.code() + "."
        + (before.description() == null ? "" : " " + before.description())
        + (comment == null || comment.isBlank() ? "" : " Owner: " + comment);
    Issue issue = issues.raise(new NewIssue(before.projectId(), before.title(),
        description.length() > 4000 ? description.substring(0, 4000) : description, severity, before.owner(), id));
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("status", RiskStatus.MATERIALISED.name());
    set.put("issue_id", issue.id());
    set.put("closure_reason", "Materialised as issue " + issue.code());
    records.write(before, set, RiskAudit.RISK_MATERIALISED);
    return issue;
  }

  /**
   * A cancelled project takes its open risks with it: each is CANCELLED with the reason and its process ends, in the
   * cancelling transaction, which holds the project's lock (RowLocks' order: the project, then each risk). A risk that
   * finished before its lock was taken is left as it is.
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void onProjectCancelled(ProjectCancelled cancelled) {
    String reason = truncate("Project cancelled: " + cancelled.reason(), 2000);
    for (Risk open : risks.openOfProject(cancelled.projectId())) {
      Risk before = records.lock(open.id(), null);
      if (!before.status().isOpen()) {
        continue;
      }
      records.write(before, Map.of("status", RiskStatus.CANCELLED.name(), "closure_reason", reason),
          RiskAudit.RISK_CANCELLED);
      processes.endProcess(before.processInstanceId(), reason);
    }
  }

  private void checkAssessment(Integer probability, Integer impact, BigDecimal monetaryImpact, String comment,
      String commentField) {
    InputErrors errors = new InputErrors();
    checkScale(errors, "probability", probability);
    checkScale(errors, "impact", impact);
    errors.require(monetaryImpact == null || monetaryImpact.signum() >= 0, "monetaryImpact",
        "must be greater than or equal to 0");
    errors.require(comment == null || comment.length() <= 2000, commentField, "must be at most 2000 characters");
    errors.throwIfAny();
  }

  private static void checkScale(InputErrors errors, String field, Integer value) {
    if (value == null) {
      errors.add(field, "is required");
    } else if (value < 1 || value > 5) {
      errors.add(field, "must be between 1 and 5");
    }
  }

  /** The columns of an assessment: score = probability × impact, exposure = probability as a fraction × money. */
  private Map<String, Object> assessment(int probability, int impact, BigDecimal monetaryImpact, RiskLevel level) {
    if (level == null) {
      throw new IllegalStateException(RiskProcess.LEVEL_DECISION + " gave no level for probability " + probability
          + " and impact " + impact);
    }
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("probability", probability);
    set.put("impact", impact);
    set.put("score", probability * impact);
    set.put("level", level.name());
    set.put("monetary_impact", monetaryImpact);
    set.put("exposure", monetaryImpact == null ? null
        : settings.fraction(probability).multiply(monetaryImpact).setScale(2, RoundingMode.HALF_UP));
    return set;
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
