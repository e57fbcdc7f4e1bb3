package pmo.risk;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.issue.IssueService;
import pmo.platform.FieldError;
import pmo.platform.InputErrors;
import pmo.platform.InvalidInputException;
import pmo.platform.engine.SystemActions;
import pmo.platform.identity.Directory;
import pmo.project.ProjectService;

/**
 * Raises risks through the REST API, each as an instance of risk-escalation.bpmn (which records it): one at a time,
 * or several from a risk identification meeting in one go. Risks raised here bring their initial assessment
 * (probability and impact), so the process goes straight to the level and the owner's response plan.
 */
@Service
public class RiskRaising {

  /** The outcome of one row of a bulk request. */
  public record RowResult(int index, String status, Long id, List<FieldError> errors) {

    static RowResult created(int index, long id) {
      return new RowResult(index, "created", id, List.of());
    }

    static RowResult rejected(int index, List<FieldError> errors) {
      return new RowResult(index, "rejected", null, errors);
    }
  }

  public record BulkResult(long projectId, int created, int rejected, List<RowResult> rows) {
  }

  static final int MAX_ROWS = 200;

  private final RiskService risks;
  private final RiskRegister register;
  private final RiskRepository repository;
  private final ProjectService projects;
  private final SystemActions system;
  private final IdentityService identity;
  private final Directory directory;

  RiskRaising(RiskService risks, RiskRegister register, RiskRepository repository, ProjectService projects,
      SystemActions system, IdentityService identity, Directory directory) {
    this.risks = risks;
    this.register = register;
    this.repository = repository;
    this.projects = projects;
    this.system = system;
    this.identity = identity;
    this.directory = directory;
  }

  /**
   * Raises one assessed risk as the system does on a user's behalf (another capability, such as a performance breach
   * raising a risk in the project manager's name): {@code raisedBy} becomes the risk's raiser and its process's
   * initiator, whoever (or whatever job) runs this. The risk is checked as {@link #raise} checks it.
   */
  @Transactional
  public Risk raiseOnBehalfOf(NewRisk risk, String raisedBy) {
    InputErrors errors = new InputErrors();
    directory.checkUser(errors, "raisedBy", raisedBy, null);
    errors.throwIfAny();
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(raisedBy, directory.groupsOf(raisedBy));
    try {
      return raise(risk);
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
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
    // the REST API's own rules (role, every field) were checked above; the system starts the process in the caller's
    // name (they stay its initiator), with the initial assessment the Tasklist start form leaves to the manager
    String processInstanceId = system.startProcess(RiskProcess.KEY, null, RiskProcess.startVariables(risk));
    return register.get(repository.idOfProcess(processInstanceId).orElseThrow(
        () -> new IllegalStateException("the risk process " + processInstanceId + " recorded no risk")));
  }
}
