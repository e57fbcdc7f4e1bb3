package pmo.risk;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.springframework.stereotype.Component;
import pmo.escalation.Escalation;
import pmo.escalation.EscalationService;
import pmo.platform.NotFoundException;

/**
 * The deadlines of risk-escalation.bpmn, read by its timers and task due dates ({@code ${riskDeadlines...}}) from the
 * register and the configuration: when the residual report is due (the start of the response's due date, UTC), by
 * when it must be in (plus pmo.risk.residual-report-grace), and by when the escalated party is to decide (the latest
 * escalation record, from pmo.risk.escalation.*).
 */
@Component("riskDeadlines")
public class RiskDeadlines {

  private final RiskRepository risks;
  private final EscalationService escalations;
  private final RiskSettings settings;

  RiskDeadlines(RiskRepository risks, EscalationService escalations, RiskSettings settings) {
    this.risks = risks;
    this.escalations = escalations;
    this.settings = settings;
  }

  /** When the residual report of the risk that the process instance runs is due. */
  public Date responseDue(String processInstanceId) {
    return Date.from(responseDueOf(find(riskOf(processInstanceId))).toInstant());
  }

  /** By when the residual report of the risk that the process instance runs must be in. */
  public Date reportDeadline(String processInstanceId) {
    return Date.from(reportDeadlineOf(find(riskOf(processInstanceId))).toInstant());
  }

  /** By when the escalated party is to decide on the risk that the process instance runs. */
  public Date decisionDeadline(String processInstanceId) {
    return Date.from(lastEscalation(riskOf(processInstanceId)).respondBy().toInstant());
  }

  private long riskOf(String processInstanceId) {
    return risks.idOfProcess(processInstanceId).orElseThrow(
        () -> new IllegalStateException("process instance " + processInstanceId + " has recorded no risk"));
  }

  OffsetDateTime responseDueOf(Risk risk) {
    if (risk.dueDate() == null) {
      throw new IllegalStateException("risk " + risk.id() + " has no due date");
    }
    return risk.dueDate().atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  OffsetDateTime reportDeadlineOf(Risk risk) {
    return responseDueOf(risk).plus(settings.residualReportGrace());
  }

  Escalation lastEscalation(long riskId) {
    return escalations.latest(RiskService.ENTITY, riskId)
        .orElseThrow(() -> new IllegalStateException("risk " + riskId + " has not been escalated"));
  }

  private Risk find(long riskId) {
    return risks.find(riskId).orElseThrow(() -> new NotFoundException("risk", riskId));
  }
}
