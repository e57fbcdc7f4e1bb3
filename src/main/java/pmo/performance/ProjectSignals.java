package pmo.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.stereotype.Component;
import pmo.change.ChangeRequest;
import pmo.change.ChangeRequestFilter;
import pmo.change.ChangeRequestProcess;
import pmo.change.ChangeRequestService;
import pmo.issue.Issue;
import pmo.issue.IssueFilter;
import pmo.issue.IssueLog;
import pmo.issue.IssueStatus;
import pmo.platform.PageRequest;
import pmo.platform.Viewer;
import pmo.risk.RiskRegister;

/**
 * What the other registers say about a project at a status report, through their public reads: open high and critical
 * risks (risk register), the change request cycle time (the register's requests, each timed in the engine history from
 * the request's creation to the end of its outcome step, the approval decision) and the issue SLA compliance (resolved
 * issues resolved by their resolve-by time). Each reads at most the project's 200 newest cases.
 */
@Component
class ProjectSignals {

  static final int NEWEST = PageRequest.MAX_SIZE;

  record Signals(int openHighRisks, BigDecimal changeCycleDays, BigDecimal issueSlaRate) {
  }

  private final RiskRegister risks;
  private final ChangeRequestService changes;
  private final IssueLog issues;
  private final HistoryService history;

  ProjectSignals(RiskRegister risks, ChangeRequestService changes, IssueLog issues, HistoryService history) {
    this.risks = risks;
    this.changes = changes;
    this.issues = issues;
    this.history = history;
  }

  Signals of(long projectId) {
    return new Signals((int) risks.openHighOrCritical(projectId), changeCycleDays(projectId), issueSlaRate(projectId));
  }

  private BigDecimal changeCycleDays(long projectId) {
    List<ChangeRequest> requests = changes.list(new ChangeRequestFilter(projectId, null, null),
        new PageRequest(0, NEWEST), Viewer.SYSTEM).items();
    List<Duration> cycles = new ArrayList<>();
    for (ChangeRequest request : requests) {
      if (request.processInstanceId() == null) {
        continue;
      }
      // a project-bounded list (a request passes its outcome step once per round at most)
      List<HistoricActivityInstance> decided = history.createHistoricActivityInstanceQuery()
          .processInstanceId(request.processInstanceId()).activityId(ChangeRequestProcess.TASK_QUEUE_NOTICES)
          .finished().orderByHistoricActivityInstanceEndTime().desc().unlimitedList();
      if (!decided.isEmpty()) {
        cycles.add(Duration.between(request.createdAt().toInstant(), decided.get(0).getEndTime().toInstant()));
      }
    }
    if (cycles.isEmpty()) {
      return null;
    }
    double days = cycles.stream().mapToLong(Duration::toSeconds).average().orElse(0) / 86400.0;
    return BigDecimal.valueOf(days).setScale(2, RoundingMode.HALF_UP);
  }

  private BigDecimal issueSlaRate(long projectId) {
    List<Issue> resolved = issues.list(new IssueFilter(projectId, null, IssueStatus.RESOLVED, null, null),
        new PageRequest(0, NEWEST), Viewer.SYSTEM).items();
    if (resolved.isEmpty()) {
      return null;
    }
    long inTime = resolved.stream().filter(i -> i.resolvedAt() != null && !i.resolvedAt().isAfter(i.dueAt())).count();
    return BigDecimal.valueOf(inTime).divide(BigDecimal.valueOf(resolved.size()), 4, RoundingMode.HALF_UP);
  }
}
