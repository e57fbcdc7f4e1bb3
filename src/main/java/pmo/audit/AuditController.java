package pmo.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pmo.platform.Page;
import pmo.platform.PageRequest;

/** The auditor's API: the audit trail (paged and as a streamed CSV), its verification, a project's timeline. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAnyAuthority('auditors', 'camunda-admin')")
class AuditController {

  private final AuditTrail trail;
  private final ProjectTimeline timeline;

  AuditController(AuditTrail trail, ProjectTimeline timeline) {
    this.trail = trail;
    this.timeline = timeline;
  }

  @GetMapping
  Page<AuditEvent> find(@RequestParam(required = false) Long projectId,
      @RequestParam(required = false) String processInstanceId,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String entityType,
      @RequestParam(required = false) String entityId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return trail.find(new AuditFilter(projectId, processInstanceId, actor, action, entityType, entityId, from, to),
        PageRequest.of(page, size));
  }

  /** The matching events as CSV, streamed row by row (constant memory however long the trail). */
  @GetMapping("/export")
  void export(@RequestParam(required = false) Long projectId,
      @RequestParam(required = false) String processInstanceId,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String entityType,
      @RequestParam(required = false) String entityId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
      HttpServletResponse response) throws IOException {
    AuditFilter filter = new AuditFilter(projectId, processInstanceId, actor, action, entityType, entityId, from, to);
    response.setContentType("text/csv");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail.csv\"");
    trail.exportCsv(filter, response.getWriter());
  }

  @GetMapping("/verify")
  ChainReport verify() {
    return trail.verify();
  }

  @GetMapping("/projects/{projectId}/timeline")
  Page<TimelineEntry> timeline(@PathVariable long projectId, @RequestParam(required = false) String kind,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return timeline.of(projectId, kind, PageRequest.of(page, size == null ? 200 : size));
  }
}
