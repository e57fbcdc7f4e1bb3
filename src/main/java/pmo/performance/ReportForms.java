package pmo.performance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import pmo.platform.engine.Tasklist;
import pmo.project.Project;
import pmo.project.ProjectService;

/** What the report form and the PMO's review show: the project, its manager, its budget, its open plan, the KPIs. */
@Component
class ReportForms {

  private final ProjectService projects;
  private final ImprovementPlans plans;

  ReportForms(ProjectService projects, ImprovementPlans plans) {
    this.projects = projects;
    this.plans = plans;
  }

  void prepare(StatusReport due, DelegateExecution execution) {
    Project project = projects.find(due.projectId());
    Tasklist.SUBJECT.set(execution, project.code() + " " + project.name() + ": status report " + due.statusDate());
    StatusReportProcess.PROJECT_MANAGER.set(execution, project.manager());
    StatusReportProcess.BAC.set(execution, projects.currentBaseline(due.projectId()).budgetAtCompletion());
    Long open = plans.openPlanOf(due.projectId());
    StatusReportProcess.OPEN_PLAN.set(execution, open == null ? "none"
        : "Plan " + open + ": " + plans.get(open).breach() + " — report the progress on its actions");
  }

  static String summary(StatusReport r) {
    return "Overall " + r.ragOverall().value() + "; SPI " + r.spi() + ", CPI " + r.cpi() + ", SPI(t) " + r.spiT()
        + "; EAC " + r.eacTypical() + " of BAC " + r.bac() + "; forecast finish " + r.forecastFinishEs()
        + "; KPI band " + r.kpiBand() + (Boolean.TRUE.equals(r.trendFalling()) ? "; falling three reports in a row"
        : "");
  }
}
