package pmo.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.issue.IssueService;
import pmo.platform.FieldError;
import pmo.platform.InputErrors;
import pmo.platform.InvalidInputException;
import pmo.project.ProjectService;

/**
 * Raises risks through the REST API, each as an instance of risk-escalation.bpmn (which records it): one at a time,
 * or several from a risk identification meeting in one go. Risks raised here bring their initial assessment
 * (probability and impact), so the process goes straight to the level and the owner's response plan.
 */
@Service
class RiskRaising {

  /** The outcome of one row of a bulk request. */
  record RowResult(int index, String status, Long id, List<FieldError> errors) {

    static RowResult created(int index, long id) {
      return new RowResult(index, "created", id, List.of());
    }

    static RowResult rejected(int index, List<FieldError> errors) {
      return new RowResult(index, "rejected", null, errors);
    }
  }

  record BulkResult(long projectId, int created, int rejected, List<RowResult> rows) {
  }

  static final int MAX_ROWS = 200;

  private final RiskService risks;
  private final RiskRegister register;
  private final RiskRepository repository;
  private final ProjectService projects;
  private final RuntimeService runtime;

  RiskRaising(RiskService risks, RiskRegister register, RiskRepository repository, ProjectService projects,
      RuntimeService runtime) {
    this.risks = risks;
    this.register = register;
    this.repository = repository;
    this.projects = projects;
    this.runtime = runtime;
  }

  /** Raises one assessed risk; bad input is rejected as a whole, naming each field. */
  @Transactional
  public Risk raise(NewRisk risk) {
    risks.check(risk, true).throwIfAny();
    return start(risk);
  }

  /**
   * Raises the rows for one project: every row is checked, the valid ones are raised together in this transaction,
   * the invalid ones come back with their errors; nothing is dropped without a word. A request without a running
   * project or without rows is rejected as a whole.
   */
  @Transactional
  public BulkResult raiseAll(Long projectId, List<RiskRow> rows) {
    InputErrors request = new InputErrors();
    projects.checkRunning(request, "projectId", projectId, IssueService.RUNNING_PROJECT_NEEDED);
    if (rows == null || rows.isEmpty()) {
      request.add("risks", "at least one risk is required");
    } else if (rows.size() > MAX_ROWS) {
      request.add("risks", "at most " + MAX_ROWS + " risks in one request, not " + rows.size());
    }
    request.throwIfAny();

    List<RowResult> results = new ArrayList<>();
    List<NewRisk> valid = new ArrayList<>();
    List<Integer> validIndexes = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      RiskRow row = rows.get(i);
      if (row == null) {
        results.add(RowResult.rejected(i, List.of(new FieldError("risks[" + i + "]", "is empty"))));
        continue;
      }
      NewRisk risk = row.forProject(projectId);
      List<FieldError> errors = errorsOf(risks.check(risk, true));
      if (errors.isEmpty()) {
        valid.add(risk);
        validIndexes.add(i);
        results.add(null);
      } else {
        results.add(RowResult.rejected(i, errors));
      }
    }
    for (int k = 0; k < valid.size(); k++) {
      results.set(validIndexes.get(k), RowResult.created(validIndexes.get(k), start(valid.get(k)).id()));
    }
    return new BulkResult(projectId, valid.size(), rows.size() - valid.size(), results);
  }

  private static List<FieldError> errorsOf(InputErrors errors) {
    try {
      errors.throwIfAny();
      return List.of();
    } catch (InvalidInputException e) {
      return e.errors();
    }
  }

  private Risk start(NewRisk risk) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(RiskProcess.PROJECT_ID.name(), risk.projectId());
    vars.put(RiskProcess.TITLE.name(), risk.title());
    vars.put(RiskProcess.DESCRIPTION.name(), risk.description());
    vars.put(RiskProcess.CATEGORY.name(), risk.category());
    vars.put(RiskProcess.CAUSE.name(), risk.cause());
    vars.put(RiskProcess.EFFECT.name(), risk.effect());
    vars.put(RiskProcess.OWNER.name(), risk.owner());
    vars.put(RiskProcess.DUE_DATE.name(), RiskProcess.DUE_DATE.raw(risk.dueDate()));
    vars.put(RiskProcess.PROBABILITY.name(), risk.probability());
    vars.put(RiskProcess.IMPACT.name(), risk.impact());
    vars.put(RiskProcess.MONETARY_IMPACT.name(), RiskProcess.MONETARY_IMPACT.raw(risk.monetaryImpact()));
    String processInstanceId = runtime.startProcessInstanceByKey(RiskProcess.KEY, vars).getId();
    return register.get(repository.idOfProcess(processInstanceId).orElseThrow(
        () -> new IllegalStateException("the risk process " + processInstanceId + " recorded no risk")));
  }
}
