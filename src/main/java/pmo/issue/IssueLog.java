package pmo.issue;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.escalation.Escalation;
import pmo.escalation.EscalationService;
import pmo.platform.NotFoundException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.Viewer;

/** Reads of the issue log: one issue with its escalations, paged filtered lists, open counts for gate facts. */
@Service
public class IssueLog {

  /** An issue with its escalation steps, oldest first. */
  public record IssueDetails(Issue issue, List<Escalation> escalations) {
  }

  private final IssueRepository issues;
  private final EscalationService escalations;
  private final Clock clock;

  IssueLog(IssueRepository issues, EscalationService escalations, Clock clock) {
    this.issues = issues;
    this.escalations = escalations;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Issue get(long id) {
    return issues.find(id).orElseThrow(() -> new NotFoundException("issue", id));
  }

  /** An issue with its escalations, for a reader who may see it (else it is not found). */
  @Transactional(readOnly = true)
  public IssueDetails details(long id, Viewer viewer) {
    Issue issue = get(id);
    if (!issues.sees(id, viewer)) {
      throw NotFoundException.notVisible("issue", id);
    }
    return new IssueDetails(issue, escalations.of(IssueService.ENTITY, id));
  }

  /** The issues the reader may see, filtered and paged. */
  @Transactional(readOnly = true)
  public Page<Issue> list(IssueFilter filter, PageRequest page, Viewer viewer) {
    return issues.list(filter, OffsetDateTime.now(clock), page, viewer);
  }

  /** A project's open issues, and how many of them are critical. */
  public record OpenIssues(long open, long critical) {
  }

  @Transactional(readOnly = true)
  public OpenIssues openIssues(long projectId) {
    return issues.openIssues(projectId);
  }
}
