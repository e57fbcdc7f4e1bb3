package pmo.performance;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Java steps of processes/performance-reports.bpmn: make the weekly, monthly and quarterly reports due (those of
 * the periods that ended last and are not made yet), then send their notices; the send step finds the reports by the
 * process instance that made them.
 */
@Configuration(proxyBeanMethods = false)
class PeriodicReportSteps {

  @Bean
  JavaDelegate generatePerformanceReports(PeriodicReports reports) {
    return execution -> {
      for (PeriodicReport.Kind kind : PeriodicReport.Kind.values()) {
        reports.generate(kind, execution.getProcessInstanceId());
      }
    };
  }

  @Bean
  JavaDelegate sendPerformanceReportNotices(PeriodicReports reports, PerformanceNotices notices) {
    return execution -> reports.madeBy(execution.getProcessInstanceId())
        .forEach(id -> notices.send(PerformanceAudit.Entities.PERIODIC, id));
  }
}
