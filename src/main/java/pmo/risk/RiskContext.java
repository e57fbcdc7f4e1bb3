package pmo.risk;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import pmo.escalation.Escalation;
import pmo.escalation.EscalationKind;
import pmo.platform.Money;
import pmo.platform.Viewer;
import pmo.platform.engine.CaseContexts;
import pmo.platform.engine.ContextText;
import pmo.project.ProjectContextLines;

/**
 * What every task of a risk shows above its form (issue 10 point 4), read from the stored risk, its assessments and
 * escalations when the task is created: the project and its baseline, the risk's level with its score, probability
 * and impact, its monetary impact and exposure in {@code pmo.currency}, owner and response, and every earlier
 * assessment, decision and escalation with who, when and comment.
 */
@Component
class RiskContext implements CaseContexts {

  private final RiskRepository risks;
  private final RiskRegister register;
  private final ProjectContextLines project;
  private final Money money;

  RiskContext(RiskRepository risks, RiskRegister register, ProjectContextLines project, Money money) {
    this.risks = risks;
    this.register = register;
    this.project = project;
    this.money = money;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(RiskProcess.KEY);
  }

  @Override
  public String describe(DelegateTask task) {
    return risks.idOfProcess(task.getProcessInstanceId()).map(id -> describe(register.details(id, Viewer.SYSTEM)))
        .orElse(null);
  }

  private String describe(RiskDetails details) {
    Risk risk = details.risk();
    ContextText text = project.addTo(new ContextText().heading(risk.code() + " · " + risk.title()), risk.projectId())
        .line("Risk level", risk.level() == null ? "not assessed yet" : ContextText.word(risk.level().name())
            + " (score " + risk.score() + " = probability " + risk.probability() + " × impact " + risk.impact()
            + ", of 25)")
        .line("Monetary impact", money.format(risk.monetaryImpact()))
        .line("Exposure (probability × monetary impact)", money.format(risk.exposure()))
        .line("Owner", risk.owner())
        .line("Response", risk.responseStrategy() == null ? null : ContextText.word(risk.responseStrategy().name())
            + (risk.dueDate() == null ? "" : ", due " + risk.dueDate()) + (risk.responsePlan() == null ? ""
            : ": " + risk.responsePlan()))
        .line("Escalated to", switch (risk.escalationLevel()) {
          case 0 -> null;
          case 1 -> "the PMO (level 1)";
          default -> "the steering committee (level " + risk.escalationLevel() + ")";
        })
        .line("Status", ContextText.word(risk.status().name()));
    text.decision(risk.createdAt(), "Raised", risk.raisedBy(), risk.description());
    details.history().forEach(a -> text.decision(a.assessedAt(), what(a), a.assessedBy(), a.comment()));
    for (Escalation e : details.escalations()) {
      text.decision(e.escalatedAt(), e.kind() == EscalationKind.REMINDER ? "Reminder"
          : "Escalated to " + e.escalatedTo() + " (level " + e.level() + ")", e.escalatedBy(), e.reason());
    }
    return text.text();
  }

  private static String what(RiskAssessment a) {
    String kind = switch (a.kind()) {
      case INITIAL -> "Assessment";
      case RESIDUAL -> "Residual assessment";
      case PMO_DECISION -> "PMO decision";
      case STEERING_DECISION -> "Steering committee decision";
    };
    return kind + (a.decision() == null ? "" : ": " + ContextText.word(a.decision().name())) + " (level "
        + ContextText.word(a.level().name()) + ", score " + a.score() + ")";
  }
}
