package pmo.performance;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import pmo.platform.engine.CaseParties;

/**
 * The people on a status report and an improvement plan, for the four-eyes rules of the PMO's tasks: who submitted the
 * report (the PMO's review of a red report) and who drafted the plan (the PMO's agreement), from the stored rows.
 */
@Component
class PerformanceParties implements CaseParties {

  static final String REPORT_SUBMITTER = "reportSubmitter";
  static final String PLAN_DRAFTER = "planDrafter";

  private final StatusReportRepository reports;
  private final ImprovementPlanRepository plans;

  PerformanceParties(StatusReportRepository reports, ImprovementPlanRepository plans) {
    this.reports = reports;
    this.plans = plans;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(StatusReportProcess.KEY, ImprovementPlanProcess.KEY);
  }

  @Override
  public Set<String> roles() {
    return Set.of(REPORT_SUBMITTER, PLAN_DRAFTER);
  }

  @Override
  public Map<String, String> parties(String processInstanceId) {
    Map<String, String> parties = new HashMap<>();
    reports.idOfProcess(processInstanceId).flatMap(reports::find).filter(r -> r.submittedBy() != null)
        .ifPresent(r -> parties.put(REPORT_SUBMITTER, r.submittedBy()));
    plans.idOfProcess(processInstanceId).flatMap(plans::find).filter(p -> p.draftedBy() != null)
        .ifPresent(p -> parties.put(PLAN_DRAFTER, p.draftedBy()));
    return parties;
  }
}
