package pmo.performance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import pmo.platform.Money;
import pmo.platform.engine.CaseContexts;
import pmo.platform.engine.ContextText;
import pmo.project.ProjectContextLines;
import pmo.project.Rag;

/**
 * What the tasks of a status report and of a performance improvement plan show above their forms (issue 10 point 4),
 * read from the stored report or plan when the task is created: the project and its baseline; for a report, its
 * status date and due date, the figures and KPIs once submitted (the PMO's review of a red report), and the project's
 * last three submitted reports (overall RAG, SPI, CPI) so whoever writes or reviews one sees the trend; for a plan, the
 * breach that opened it, its actions with owners and due dates, and the PMO's decision with its comment.
 */
@Component
class PerformanceContext implements CaseContexts {

  private static final int PREVIOUS = 3;

  private final StatusReportRepository reports;
  private final ImprovementPlanRepository plans;
  private final ProjectContextLines project;
  private final Money money;

  PerformanceContext(StatusReportRepository reports, ImprovementPlanRepository plans, ProjectContextLines project,
      Money money) {
    this.reports = reports;
    this.plans = plans;
    this.project = project;
    this.money = money;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(StatusReportProcess.KEY, ImprovementPlanProcess.KEY);
  }

  @Override
  public String describe(DelegateTask task) {
    String instance = task.getProcessInstanceId();
    return reports.idOfProcess(instance).flatMap(reports::find).map(this::report)
        .or(() -> plans.idOfProcess(instance).flatMap(plans::find).map(this::plan))
        .orElse(null);
  }

  private String report(StatusReport r) {
    ContextText text = project.addTo(new ContextText().heading("Status report of " + r.statusDate()), r.projectId())
        .line("Due", r.dueDate() == null ? null : r.dueDate().toString())
        .line("Status", ContextText.word(r.status()));
    if ("SUBMITTED".equals(r.status())) {
      text.line("RAG (overall · schedule · cost · scope · quality)", rag(r.ragOverall()) + " · "
              + rag(r.ragSchedule()) + " · " + rag(r.ragCost()) + " · " + rag(r.ragScope()) + " · "
              + rag(r.ragQuality()))
          .line("Earned value · actual cost · planned value", money.format(r.earnedValue()) + " · "
              + money.format(r.actualCost()) + " · " + money.format(r.plannedValue()))
          .line("SPI · CPI · SPI(t)", number(r.spi()) + " · " + number(r.cpi()) + " · " + number(r.spiT()))
          .line("Estimate at completion (BAC/CPI)", money.format(r.eacTypical()))
          .line("Forecast finish (earned schedule)", r.forecastFinishEs() == null ? null
              : r.forecastFinishEs().toString())
          .line("KPI band", r.kpiBand() == null ? null : ContextText.word(r.kpiBand()))
          .line("Narrative", r.narrative())
          .line("Help needed", r.helpNeeded());
    }
    List<StatusReport> previous = reports.previous(r.projectId(), r.statusDate(), PREVIOUS);
    for (StatusReport p : previous) {
      text.decision(p.submittedAt(), "Report of " + p.statusDate() + ": " + rag(p.ragOverall()) + ", SPI "
          + number(p.spi()) + ", CPI " + number(p.cpi()), p.submittedBy(), p.narrative());
    }
    return text.text();
  }

  private String plan(ImprovementPlan plan) {
    ContextText text = project.addTo(new ContextText().heading("Performance improvement plan PIP-" + plan.id()),
            plan.projectId())
        .line("Breach", plan.breach())
        .line("Status", ContextText.word(plan.status()))
        .line("Risk raised", plan.riskId() == null ? null : "R-" + plan.riskId());
    List<ImprovementPlan.Action> actions = plans.actions(plan.id());
    for (ImprovementPlan.Action a : actions) {
      text.line("Action " + a.seq(), a.action() + " (" + a.owner() + ", due " + a.dueDate() + ")");
    }
    text.decision(plan.openedAt(), "Opened by the report of a KPI breach", null, null);
    if (plan.draftedAt() != null) {
      text.decision(plan.draftedAt(), "Drafted", plan.draftedBy(), null);
    }
    if (plan.pmoDecision() != null) {
      text.decision(plan.agreedAt(), "PMO: " + ContextText.word(plan.pmoDecision().name()), plan.agreedBy(),
          plan.pmoComment());
    }
    return text.text();
  }

  private static String rag(Rag rag) {
    return rag == null ? "–" : ContextText.word(rag.name());
  }

  private static String number(BigDecimal value) {
    return value == null ? "–" : value.stripTrailingZeros().toPlainString();
  }
}
