package pmo.performance;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pmo.platform.engine.Var;

/**
 * The Java steps of processes/performance-reports.bpmn: generate the report of the kind the model names (input
 * parameter {@code reportKind}: weekly, monthly, quarterly), then send its notices; the send step finds the report by
 * the process instance.
 */
@Configuration(proxyBeanMethods = false)
class PeriodicReportSteps {

  static final Var<String> KIND = Var.text("reportKind");

  @Bean
  JavaDelegate generatePerformanceReport(PeriodicReports reports) {
    return execution -> {
      String kind = KIND.get(execution);
      PeriodicReport.Kind parsed;
      try {
        parsed = PeriodicReport.Kind.valueOf(String.valueOf(kind).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("performance-reports.bpmn names the report kind '" + kind
            + "'; known: weekly, monthly, quarterly", e);
      }
      reports.generate(parsed, execution.getProcessInstanceId());
    };
  }

  @Bean
  JavaDelegate sendPerformanceReportNotices(PeriodicReports reports, PerformanceNotices notices) {
    return execution -> notices.send(PerformanceAudit.Entities.PERIODIC,
        reports.idOfProcess(execution.getProcessInstanceId()));
  }
}
