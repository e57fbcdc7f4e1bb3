package pmo.issue;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.engine.CurrentActor;

/** The issue log over REST (read-only: issues are raised, worked and escalated through issue-escalation.bpmn). */
@RestController
@RequestMapping("/api/issues")
class IssueController {

  private final IssueLog log;
  private final CurrentActor actor;

  IssueController(IssueLog log, CurrentActor actor) {
    this.log = log;
    this.actor = actor;
  }

  @GetMapping
  Page<Issue> list(@RequestParam(required = false) Long projectId,
      @RequestParam(required = false) IssueSeverity severity,
      @RequestParam(required = false) IssueStatus status,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) Long after) {
    return log.list(new IssueFilter(projectId, severity, status, owner, overdue), PageRequest.of(page, size, after),
        actor.viewer());
  }

  @GetMapping("/{id}")
  IssueLog.IssueDetails get(@PathVariable long id) {
    return log.details(id, actor.viewer());
  }
}
