package pmo.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.Roles;

/** The auditor's API: the audit trail (paged and as a streamed CSV), its verification, a project's timeline. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAnyAuthority('" + Roles.AUDITORS + "', '" + Roles.ADMIN + "')")
class AuditController {

  private final AuditTrail trail;
  private final ProjectTimeline timeline;

  AuditController(AuditTrail trail, ProjectTimeline timeline) {
    this.trail = trail;
    this.timeline = timeline;
  }

  @GetMapping
  Page<AuditEvent> find(AuditFilter filter, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) Long after) {
    return trail.find(filter, PageRequest.of(page, size, after));
  }

  /**
   * The matching events as CSV (UTF-8 with a byte order mark), written page by page; no page holds a database connection while the client reads
   * (constant memory however long the trail).
   */
  @GetMapping("/export")
  void export(AuditFilter filter, HttpServletResponse response) throws IOException {
    response.setContentType("text/csv");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail.csv\"");
    trail.checkFilter(filter); // a bad filter is a 400 before anything is written
    // a byte order mark first, so that spreadsheet programs read the UTF-8 (names, 简体中文 text) as UTF-8
    response.getWriter().write('\uFEFF');
    trail.exportCsv(filter, response.getWriter());
  }

  /** Verifies the chain from the last checkpoint, or with {@code full=true} from the first event. */
  @GetMapping("/verify")
  ChainReport verify(@RequestParam(defaultValue = "false") boolean full) {
    return full ? trail.verify() : trail.verifyIncrementally();
  }

  @GetMapping("/projects/{projectId}/timeline")
  Page<TimelineEntry> timeline(@PathVariable long projectId, @RequestParam(required = false) String kind,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return timeline.of(projectId, kind, PageRequest.of(page, size == null ? 200 : size));
  }
}
