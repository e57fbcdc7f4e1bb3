package pmo.performance;

import static pmo.platform.engine.Tasklist.SUBJECT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Java steps of processes/status-report-cycle.bpmn and status-report.bpmn, each a bean named as the model's
 * {@code delegateExpression}. A report's steps find it by the process instance they run in (never by a variable:
 * DESIGN.md §4a); only the first, which records it, reads the system's start variables.
 */
@Configuration(proxyBeanMethods = false)
class StatusReportSteps {

  @Bean
  JavaDelegate openStatusReports(StatusReportService reports) {
    return execution -> reports.openDue();
  }

  @Bean
  JavaDelegate recordStatusReportDue(StatusReportService reports, ReportForms forms) {
    return execution -> {
      StatusReport due = reports.recordDue(StatusReportProcess.PROJECT_ID.require(execution),
          StatusReportProcess.STATUS_DATE.require(execution), execution.getProcessInstanceId());
      forms.prepare(due, execution);
    };
  }

  @Bean
  JavaDelegate recordStatusReport(StatusReportService reports, ReportSubmission submission) {
    return execution -> {
      StatusReport report = submission.submit(reportOf(reports, execution), StatusReportProcess.draft(execution));
      StatusReportProcess.RAG_OVERALL.set(execution, report.ragOverall());
      StatusReportProcess.KPI_SUMMARY.set(execution, ReportForms.summary(report));
    };
  }

  @Bean
  JavaDelegate recordStatusReportReview(StatusReportService reports, RedReportReviews reviews) {
    return execution -> reviews.review(reportOf(reports, execution),
        StatusReportProcess.PMO_ASSESSMENT.get(execution),
        StatusReportProcess.PMO_FOLLOW_UP.get(execution));
  }

  @Bean
  JavaDelegate sendStatusReportNotices(StatusReportService reports, PerformanceNotices notices) {
    return execution -> notices.send(PerformanceAudit.Entities.REPORT, reportOf(reports, execution));
  }

  private static long reportOf(StatusReportService reports, DelegateExecution execution) {
    return reports.idOfProcess(execution.getProcessInstanceId());
  }

  static void subject(DelegateExecution execution, String text) {
    SUBJECT.set(execution, text);
  }
}
