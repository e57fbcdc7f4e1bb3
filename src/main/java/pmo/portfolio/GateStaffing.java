package pmo.portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;
import pmo.platform.InvalidInputException;
import pmo.platform.engine.Var;
import pmo.project.Project;
import pmo.project.ProjectService;
import pmo.project.Stage;

/**
 * The portfolio's part of the gate package (processes/gate-review.bpmn, task Submit gate package), for
 * {@link GateStaffingSteps}: at G1 and G2 the form shows the project's staffing plan as a table (role, from, to, FTE),
 * filled with the plan as it stands (the roles to choose from come with the form: {@link StaffingRoles}); on
 * completion the table replaces the plan. The project is the one of the lifecycle's business key (its code), never a
 * variable; the gate is the one that closes the project's stage.
 */
@Service
class GateStaffing {

  static final Var<List<Map<String, Object>>> STAFFING = Var.rows("staffing");
  static final Var<Boolean> STAFFING_SHOWN = Var.flag("staffingShown");

  private final ProjectService projects;
  private final ResourceService resources;

  GateStaffing(ProjectService projects, ResourceService resources) {
    this.projects = projects;
    this.resources = resources;
  }

  void offer(DelegateTask task) {
    Project project = projectOf(projects, task);
    boolean shown = project.stage() == Stage.INITIATION || project.stage() == Stage.PLANNING;
    STAFFING_SHOWN.set(task.getExecution(), shown);
    if (!shown) {
      return;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (StaffingLine line : resources.plan(Subject.project(project.id()), project.code()).lines()) {
      rows.add(Map.of("role", line.role(), "from", line.from(), "to", line.to(), "fte", line.fte()));
    }
    STAFFING.set(task.getExecution(), rows);
  }

  void record(DelegateTask task) {
    Project project = projectOf(projects, task);
    // a project cancelled or closed meanwhile: the gate's own step refuses the package with its reason
    if (!project.isRunning() || !(project.stage() == Stage.INITIATION || project.stage() == Stage.PLANNING)) {
      return;
    }
    List<Map<String, Object>> rows = STAFFING.get(task);
    if (rows == null) {
      return;
    }
    List<StaffingLine> lines = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      lines.add(new StaffingLine(text(row.get("role")), text(row.get("from")), text(row.get("to")),
          number(row.get("fte"), i)));
    }
    resources.replacePlan(Subject.project(project.id()), lines, STAFFING.name());
  }

  private static Project projectOf(ProjectService projects, DelegateTask task) {
    String code = task.getExecution().getProcessBusinessKey();
    return projects.findByCode(code).orElseThrow(() -> new IllegalStateException("gate review "
        + task.getProcessInstanceId() + " has business key '" + code + "', which is no project's code"));
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static BigDecimal number(Object value, int row) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(STAFFING.name() + "[" + row + "].fte", "must be a number, not '" + value + "'");
    }
  }
}
