package pmo.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.NativeHistoricActivityInstanceQuery;
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
 * the request's creation to the end of its last pass through the outcome step, read for all requests at once) and the issue SLA compliance (resolved
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
  private final ManagementService management;

  ProjectSignals(RiskRegister risks, ChangeRequestService changes, IssueLog issues, HistoryService history,
      ManagementService management) {
    this.management = management;
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
    Map<String, ChangeRequest> byInstance = new HashMap<>();
    requests.stream().filter(r -> r.processInstanceId() != null)
        .forEach(r -> byInstance.put(r.processInstanceId(), r));
    if (byInstance.isEmpty()) {
      return null;
    }
    // one history read for all of them: the end of each request's last pass through its outcome step
    List<String> names = new ArrayList<>();
    NativeHistoricActivityInstanceQuery query = history.createNativeHistoricActivityInstanceQuery();
    int n = 0;
    for (String instance : byInstance.keySet()) {
      names.add("#{p" + n + "}");
      query.parameter("p" + n++, instance);
    }
    List<HistoricActivityInstance> decided = query.sql("select * from " + managementTableName()
        + " where ACT_ID_ = #{step} and END_TIME_ is not null and PROC_INST_ID_ in (" + String.join(", ", names) + ")")
        .parameter("step", ChangeRequestProcess.TASK_QUEUE_NOTICES).list();
    Map<String, Instant> lastEnd = new HashMap<>();
    for (HistoricActivityInstance step : decided) {
      lastEnd.merge(step.getProcessInstanceId(), step.getEndTime().toInstant(), (a, b) -> a.isAfter(b) ? a : b);
    }
    List<Duration> cycles = new ArrayList<>();
    lastEnd.forEach((instance, end) -> cycles.add(
        Duration.between(byInstance.get(instance).createdAt().toInstant(), end)));
    if (cycles.isEmpty()) {
      return null;
    }
    double days = cycles.stream().mapToLong(Duration::toSeconds).average().orElse(0) / 86400.0;
    return BigDecimal.valueOf(days).setScale(2, RoundingMode.HALF_UP);
  }

  private String managementTableName() {
    return management.getTableName(HistoricActivityInstance.class);
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
