package pmo.change;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import pmo.platform.Money;
import pmo.platform.engine.CaseContexts;
import pmo.platform.engine.ContextText;
import pmo.project.Baseline;
import pmo.project.Project;
import pmo.project.ProjectContextLines;
import pmo.project.ProjectService;

/**
 * What every task of a change request shows above its form (issue 10 point 4), read from the stored request, its
 * approvals and its project when the task is created: the project (code, name, manager), the current baseline (budget
 * in {@code pmo.currency}, planned dates and duration), the request's figures with their units and percentages of that
 * baseline, the route in words, and the earlier decisions with who, when and their comments (the project manager's
 * assessment in the PMO's form, the board's votes in the steering committee's).
 */
@Component
class ChangeRequestContext implements CaseContexts {

  private final ChangeRequestRepository requests;
  private final ProjectService projects;
  private final Money money;
  private final ProjectContextLines lines;

  ChangeRequestContext(ChangeRequestRepository requests, ProjectService projects, Money money,
      ProjectContextLines lines) {
    this.requests = requests;
    this.projects = projects;
    this.money = money;
    this.lines = lines;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(ChangeRequestProcess.KEY);
  }

  @Override
  public String describe(DelegateTask task) {
    return requests.findByProcessInstance(task.getProcessInstanceId())
        .map(request -> describe(request, requests.approvals(request.id())))
        .orElse(null);
  }

  /**
   * Reads the project and the (at most two) baselines the context shows, not every version: a context is written for
   * every task, and a project's baselines grow by one with every approved change.
   */
  String describe(ChangeRequest request, List<Approval> approvals) {
    Project project = projects.find(request.projectId());
    Baseline current = projects.currentBaseline(request.projectId());
    ContextText text = new ContextText()
        .heading(request.reference() + " · " + request.title())
        .line("Project", project.code() + " · " + project.name())
        .line("Project manager", project.manager() == null ? "none named" : project.manager())
        .line("Sponsor", project.sponsor())
        .line("Current baseline", baseline(current)
            + (request.newBaselineVersion() != null && request.newBaselineVersion() == current.version()
                ? " (written by this change)" : ""));
    Baseline measured = request.assessedBaseline() == null || request.assessedBaseline() == current.version() ? current
        : projects.baseline(request.projectId(), request.assessedBaseline()).orElse(current);
    if (measured.version() != current.version()) {
      text.line("Assessed against", baseline(measured));
    }
    boolean estimate = request.costDeltaPct() == null;
    long plannedDays = plannedDays(measured);
    BigDecimal costPct = estimate ? ChangeRequestChecks.percent(request.costDelta(), measured.budgetAtCompletion())
        : request.costDeltaPct();
    BigDecimal schedulePct = estimate ? ChangeRequestChecks.percent(BigDecimal.valueOf(request.scheduleDeltaDays()),
        BigDecimal.valueOf(plannedDays)) : request.scheduleDeltaPct();
    String source = estimate ? "requester's estimate" : "assessed by " + request.assessedBy();
    text.line("Cost change", money.signed(request.costDelta()) + " ("
            + ContextText.percent(signed(costPct, request.costDelta().signum())) + " of the budget of "
            + money.format(measured.budgetAtCompletion()) + "; " + source + ")")
        .line("Schedule change", days(request.scheduleDeltaDays()) + " ("
            + ContextText.percent(signed(schedulePct, Integer.signum(request.scheduleDeltaDays())))
            + " of the planned duration of " + plannedDays + " days)")
        .line("Quality impact", word(request.qualityImpact().value()))
        .line("Change type", word(request.changeType().value()))
        .line("Route", request.route() == null ? "not decided yet (after the impact assessment)"
            : request.route().words() + routeSource(request))
        .line("Round", request.round() > 1 ? request.round() + " (sent back for rework " + (request.round() - 1)
            + (request.round() == 2 ? " time)" : " times)") : null)
        .line("Status", word(request.status().name()));
    decisions(request, approvals).forEach(d -> text.decision(d.when, d.what, d.who, d.comment));
    return text.text();
  }

  private String baseline(Baseline b) {
    return lines.baseline(b);
  }

  private static long plannedDays(Baseline b) {
    return ProjectContextLines.plannedDays(b);
  }

  private static String routeSource(ChangeRequest request) {
    return request.routeDecisionKey() == null ? "" : " (decided by " + request.routeDecisionKey()
        + (request.routeDecisionVersion() == null ? "" : " v" + request.routeDecisionVersion()) + ")";
  }

  private static BigDecimal signed(BigDecimal absolute, int sign) {
    return sign < 0 ? absolute.abs().negate() : absolute.abs();
  }

  private static String days(int days) {
    return (days > 0 ? "+" : "") + days + (Math.abs(days) == 1 ? " day" : " days");
  }

  private static String word(String value) {
    return ContextText.word(value);
  }

  /** The request's history: raised, assessed, each decision and vote, implemented. */
  private static List<Decision> decisions(ChangeRequest request, List<Approval> approvals) {
    List<Decision> all = new ArrayList<>();
    all.add(new Decision(request.createdAt(), "Raised", request.requester(), request.reason()));
    if (request.assessedBy() != null) {
      all.add(new Decision(request.assessedAt(), "Impact assessment", request.assessedBy(),
          request.assessmentComment()));
    }
    for (Approval approval : approvals) {
      all.add(new Decision(approval.decidedAt(), word(approval.stage().label()) + ": "
          + approval.decision().value() + (request.round() > 1 ? " (round " + approval.round() + ")" : ""),
          approval.approver(), approval.comment()));
    }
    if (request.implementedBy() != null) {
      all.add(new Decision(request.implementedAt(), "Implemented", request.implementedBy(),
          request.implementationNotes()));
    }
    return all;
  }

  private record Decision(OffsetDateTime when, String what, String who, String comment) {
  }
}
