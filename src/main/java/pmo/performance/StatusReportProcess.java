package pmo.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import pmo.escalation.EscalationStep;
import pmo.platform.engine.Var;
import pmo.project.Rag;

/**
 * The status report processes: the cycle that opens the reports (processes/status-report-cycle.bpmn, timer-started)
 * and one report of one project (processes/status-report.bpmn, started by the system): keys, element ids, variables.
 */
public final class StatusReportProcess {

  public static final String CYCLE_KEY = "status-report-cycle";
  public static final String KEY = "status-report";

  public static final String TASK_OPEN_REPORTS = "Task_OpenStatusReports";
  public static final String TASK_RECORD_DUE = "Task_RecordReportDue";
  public static final String TASK_SUBMIT = "Task_SubmitStatusReport";
  public static final String EVENT_REMINDER = "Event_ReportReminderDue";
  public static final String EVENT_OVERDUE = "Event_ReportOverdue";
  public static final String TASK_REMIND = "Task_RemindProjectManager";
  public static final String TASK_ESCALATE = "Task_EscalateToPmo";
  public static final String TASK_SEND_DEADLINE_NOTICES = "Task_SendDeadlineNotices";
  public static final String TASK_RECORD_REPORT = "Task_RecordStatusReport";
  public static final String TASK_PMO_REVIEW = "Task_ReviewRedReport";
  public static final String TASK_RECORD_REVIEW = "Task_RecordPmoReview";
  public static final String END_RECORDED = "End_ReportRecorded";
  public static final String END_REVIEWED = "End_RedReportReviewed";

  // start variables (the system's): which project and which cycle day
  public static final Var<Long> PROJECT_ID = Var.id("projectId");
  public static final Var<LocalDate> STATUS_DATE = Var.date("statusDate");

  // written by the process for the forms
  public static final Var<String> PROJECT_MANAGER = Var.text("projectManager");
  public static final Var<BigDecimal> BAC = Var.decimal("budgetAtCompletion");
  public static final Var<String> OPEN_PLAN = Var.text("openImprovementPlan");

  // the report form; the RAGs are held as the form's values (green, amber, red), the gateway compares the overall one
  public static final Var<Rag> RAG_SCHEDULE = Var.choice("ragSchedule", Rag.class);
  public static final Var<Rag> RAG_COST = Var.choice("ragCost", Rag.class);
  public static final Var<Rag> RAG_SCOPE = Var.choice("ragScope", Rag.class);
  public static final Var<Rag> RAG_QUALITY = Var.choice("ragQuality", Rag.class);
  public static final Var<Rag> RAG_OVERALL = Var.choice("ragOverall", Rag.class);
  public static final Var<BigDecimal> EARNED_VALUE = Var.decimal("earnedValue");
  public static final Var<BigDecimal> PERCENT_COMPLETE = Var.decimal("percentComplete");
  public static final Var<BigDecimal> ACTUAL_COST = Var.decimal("actualCost");
  public static final Var<String> MILESTONES = Var.text("milestones");
  public static final Var<String> NARRATIVE = Var.text("narrative");
  public static final Var<String> NEXT_STEPS = Var.text("nextSteps");
  public static final Var<String> HELP_NEEDED = Var.text("helpNeeded");
  public static final Var<String> IMPROVEMENT_PROGRESS = Var.text("improvementProgress");

  // written by the record step: what the gateway and the PMO's form need
  public static final Var<String> KPI_SUMMARY = Var.text("kpiSummary");

  // the PMO's review of a red report
  public static final Var<String> PMO_ASSESSMENT = Var.text("pmoAssessment");
  public static final Var<RedReportFollowUp> PMO_FOLLOW_UP = Var.choice("pmoFollowUp", RedReportFollowUp.class);

  /** The escalation step's variables ({@link EscalationStep}), given as input parameters by the model. */
  public static final Var<String> ESCALATION_REASON = EscalationStep.REASON;

  private StatusReportProcess() {
  }

  /** The start variables of one project's report for one cycle day: the system starts it. */
  static Map<String, Object> startVariables(long projectId, LocalDate statusDate) {
    Map<String, Object> v = new HashMap<>();
    v.put(PROJECT_ID.name(), PROJECT_ID.raw(projectId));
    v.put(STATUS_DATE.name(), STATUS_DATE.raw(statusDate));
    return v;
  }

  /** The report as its form submits it. */
  static ReportDraft draft(VariableScope scope) {
    return new ReportDraft(RAG_SCHEDULE.get(scope), RAG_COST.get(scope), RAG_SCOPE.get(scope), RAG_QUALITY.get(scope),
        RAG_OVERALL.get(scope), EARNED_VALUE.get(scope), PERCENT_COMPLETE.get(scope), ACTUAL_COST.get(scope),
        MILESTONES.get(scope), NARRATIVE.get(scope), NEXT_STEPS.get(scope), HELP_NEEDED.get(scope),
        IMPROVEMENT_PROGRESS.get(scope));
  }

  /** The form's variables of a draft, for completing the task from the REST API. */
  static Map<String, Object> formVariables(ReportDraft d) {
    Map<String, Object> v = new HashMap<>();
    put(v, RAG_SCHEDULE.name(), RAG_SCHEDULE.raw(d.ragSchedule()));
    put(v, RAG_COST.name(), RAG_COST.raw(d.ragCost()));
    put(v, RAG_SCOPE.name(), RAG_SCOPE.raw(d.ragScope()));
    put(v, RAG_QUALITY.name(), RAG_QUALITY.raw(d.ragQuality()));
    put(v, RAG_OVERALL.name(), RAG_OVERALL.raw(d.ragOverall()));
    put(v, EARNED_VALUE.name(), EARNED_VALUE.raw(d.earnedValue()));
    put(v, PERCENT_COMPLETE.name(), PERCENT_COMPLETE.raw(d.percentComplete()));
    put(v, ACTUAL_COST.name(), ACTUAL_COST.raw(d.actualCost()));
    put(v, MILESTONES.name(), d.milestones());
    put(v, NARRATIVE.name(), d.narrative());
    put(v, NEXT_STEPS.name(), d.nextSteps());
    put(v, HELP_NEEDED.name(), d.helpNeeded());
    put(v, IMPROVEMENT_PROGRESS.name(), d.improvementProgress());
    return v;
  }

  private static void put(Map<String, Object> v, String name, Object value) {
    if (value != null) {
      v.put(name, value);
    }
  }
}
